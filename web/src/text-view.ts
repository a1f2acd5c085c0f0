// The plan's text with its problems marked as the editor marks them: one row per line, each problem's
// range underlined in its severity's colour (a zero-width range at its insertion point), its message
// as the tooltip. Built as one HTML string: a plan of 1 MB (20,000 lines) draws in one pass.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { LineIndex } from '../../server/src/engine/text/lineIndex.js';

/** lines per block of the view */
const BLOCK = 64;

interface Mark { from: number; to: number; severity: number; index: number }

/** A diagnostic's message as text (LSP 3.18 allows markup; fengong sends plain strings). */
export const messageOf = (d: LspDiagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The marks of each line: a range over several lines marks the rest of its first line, whole
 *  middle lines and the start of its last. */
function marksByLine(diags: LspDiagnostic[], lineLength: (line: number) => number): Map<number, Mark[]> {
  const out = new Map<number, Mark[]>();
  const add = (line: number, m: Mark) => {
    const list = out.get(line);
    if (list) list.push(m);
    else out.set(line, [m]);
  };
  diags.forEach((d, index) => {
    const severity = d.severity ?? 1;
    const { start, end } = d.range;
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lineLength(line);
      add(line, { from, to: Math.max(from, to), severity, index });
    }
  });
  return out;
}

/** One line's HTML: its text cut at every mark boundary, each piece classed by the most severe
 *  problem over it (LSP: 1 error < 2 warning < 3 information). */
function lineHtml(text: string, marks: Mark[] | undefined, messages: string[]): string {
  if (!marks) return escapeHtml(text);
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.min(m.from, text.length));
    cuts.add(Math.min(m.to, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k]!, points[k + 1]!];
    const over = marks.filter((m) => m.from <= a && b <= m.to && m.from < m.to);
    html += over.length ? span(text.slice(a, b), over, messages) : escapeHtml(text.slice(a, b));
  }
  // a problem with no width at the line's end (a missing “。” or “）”) marks its insertion point
  for (const m of marks) if (m.from === m.to) html += `<span class="mk ins s${m.severity}" data-p="${m.index}" title="${escapeHtml(messages[m.index]!)}"></span>`;
  return html;
}

function span(piece: string, over: Mark[], messages: string[]): string {
  const sev = Math.min(...over.map((m) => m.severity));
  const title = escapeHtml(over.map((m) => messages[m.index]).join('\n'));
  return `<span class="mk s${sev}" data-p="${over[0]!.index}" title="${title}">${escapeHtml(piece)}</span>`;
}

/** The whole text view. Zero-width marks inside a line underline the character after them. */
export function textHtml(text: string, lines: LineIndex, diags: LspDiagnostic[]): string {
  const starts = lines.lineStarts;
  const lineText = (i: number) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    return text.slice(starts[i]!, end).replace(/\r?\n$|\r$/, '');
  };
  const widened = diags.map((d) => {
    const { start, end } = d.range;
    if (start.line !== end.line || start.character !== end.character) return d;
    const len = lineText(start.line).length;
    return start.character < len ? { ...d, range: { start, end: { line: end.line, character: end.character + 1 } } } : d;
  });
  const marks = marksByLine(widened, (i) => lineText(i).length);
  const messages = diags.map(messageOf);
  // blocks of lines, each laid out only when it scrolls into view (content-visibility in page.css)
  const rows: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (i % BLOCK === 0) rows.push(i ? '</div><div class="blk">' : '<div class="blk">');
    rows.push(`<div class="ln" data-line="${i}"><span class="no">${i + 1}</span><span class="tx">${lineHtml(lineText(i), marks.get(i), messages)}</span></div>`);
  }
  return rows.join('') + '</div>';
}

// Engine results → LSP shapes. Engine offsets are UTF-16 code units, like LSP's default position
// encoding, so a LineIndex over the same text is all the translation there is.
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic, Fix, Severity } from '../engine/types.js';
import type { Span } from '../engine/model/types.js';
import type { LineIndex } from '../engine/text/lineIndex.js';
import { ruleById } from '../engine/rules/index.js';

import { DOCS_URL } from '../protocol.js';

export const DOCS_BASE = DOCS_URL;

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toSeverity(s: Exclude<Severity, 'off'>): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** A fix as LSP edits: what `data.fix` carries, so any client can apply it without asking again. */
export interface LspFix {
  title: string;
  edits: LspTextEdit[];
}

export function toLspFix(lines: LineIndex, fix: Fix): LspFix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: toRange(lines, e.span), newText: e.text })) };
}

export interface DiagnosticData {
  messageKey: string;
  /** the finding rests on an assumption: shown as Information, whatever the rule's severity */
  uncertain?: true;
  fix?: LspFix;
  suggestions?: LspFix[];
}

export function toLspDiagnostic(lines: LineIndex, uri: string, d: Diagnostic): LspDiagnostic {
  const docs = ruleById(d.ruleId)?.meta.docs ?? d.ruleId;
  const data: DiagnosticData = { messageKey: d.messageKey };
  if (d.uncertain) data.uncertain = true;
  if (d.fix) data.fix = toLspFix(lines, d.fix);
  if (d.suggestions?.length) data.suggestions = d.suggestions.map((s) => toLspFix(lines, s));
  const out: LspDiagnostic = {
    range: toRange(lines, d.span),
    severity: d.uncertain ? DiagnosticSeverity.Information : toSeverity(d.severity),
    code: d.ruleId,
    codeDescription: { href: `${DOCS_BASE}#${docs}` },
    source: 'fengong',
    message: d.message,
    data,
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toRange(lines, r.span) }, message: r.message }));
  }
  return out;
}

/** Minimal edits turning `from` into `to`: per changed line when the line count is unchanged (fixes
 *  insert or replace characters within lines), else one edit over the changed stretch. */
export function diffEdits(lines: LineIndex, from: string, to: string): LspTextEdit[] {
  if (from === to) return [];
  const a = from.split(/(?<=\r\n|\n|\r(?!\n))/);
  const b = to.split(/(?<=\r\n|\n|\r(?!\n))/);
  if (a.length === b.length) {
    const edits: LspTextEdit[] = [];
    let offset = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) edits.push(...lineEdits(lines, a[i]!, b[i]!, offset));
      offset += a[i]!.length;
    }
    return edits;
  }
  return spanEdit(lines, from, to, 0);
}

/** Edits within one line: a character LCS, so two fixes in one line stay two small edits. Long
 *  lines (a 5 MB single line) fall back to one edit over the changed stretch. */
function lineEdits(lines: LineIndex, a: string, b: string, base: number): LspTextEdit[] {
  if (a.length * b.length > 1_000_000) return spanEdit(lines, a, b, base);
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w); // lcs[i][j]: LCS of a[i..] and b[j..]; lines < 65536 here
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a.charCodeAt(i) === b.charCodeAt(j) ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const edits: LspTextEdit[] = [];
  let i = 0;
  let j = 0;
  let open: { start: number; text: string } | undefined;
  const closeAt = (end: number) => {
    if (open) edits.push({ range: toRange(lines, { start: base + open.start, end: base + end }), newText: open.text });
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a.charCodeAt(i) === b.charCodeAt(j)) {
      closeAt(i);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      open ??= { start: i, text: '' };
      open.text += b[j];
      j++;
    } else {
      open ??= { start: i, text: '' };
      i++;
    }
  }
  closeAt(i);
  // a surrogate pair split by the LCS: fall back rather than hand out half a character
  if (edits.some((e) => /^[\udc00-\udfff]|[\ud800-\udbff]$/.test(e.newText))) return spanEdit(lines, a, b, base);
  return edits;
}

function spanEdit(lines: LineIndex, a: string, b: string, base: number): LspTextEdit[] {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // keep surrogate pairs whole
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  return [{ range: toRange(lines, { start: base + p, end: base + a.length - s }), newText: b.slice(p, b.length - s) }];
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

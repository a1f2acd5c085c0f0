// Code lenses and inlay hints: what the task table will say, shown where the writer is.
// Above the title: 预览任务分工表 · 导出 (the client's commands); above each top-level section its
// tally (`5 项任务 · 牵头单位 3 个 · 1 项未写明单位`). Inlay hints: the date a deadline means
// (`8月底前` → 2024-08-31, from the plan's year) and the units a task inherits.
import type { CodeLens, InlayHint, Range } from 'vscode-languageserver/node';
import { sectionSummary } from '../../engine/drafting/index.js';
import { CLAUSE_BRACKETS, CLAUSE_CLOSERS } from '../../engine/lexicon/brackets.js';
import { isWhitespace, WHITESPACE_RUN } from '../../engine/text/chars.js';
import { declaration } from '../../table/build.js';
import { text } from '../../i18n/catalogue.js';
import { toRange } from '../convert.js';
import type { Analysis } from '../analysis.js';

/** the client commands the title's lenses run (client/src/extension.ts) */
export const PREVIEW_COMMAND = 'fengong.previewTaskTable';
export const EXPORT_COMMAND = 'fengong.exportTaskTable';

export function codeLenses(a: Analysis): CodeLens[] {
  const locale = a.config.locale;
  const out: CodeLens[] = [];
  const title = a.plan.title;
  if (title && a.plan.tasks.length) {
    const range = toRange(a.lines, title.span);
    out.push({ range, command: { title: text(locale, 'lsp.lensPreview'), command: PREVIEW_COMMAND, arguments: [a.uri] } });
    out.push({ range, command: { title: text(locale, 'lsp.lensExport'), command: EXPORT_COMMAND, arguments: [a.uri] } });
  }
  for (const item of a.plan.items) {
    const sum = sectionSummary(item, a.mentions);
    if (!sum.tasks) continue;
    let label = text(locale, 'lsp.lensSection', { tasks: sum.tasks, leads: sum.leads });
    if (sum.withoutUnits) label += text(locale, 'lsp.lensMissing', { n: sum.withoutUnits });
    // a lens without a command id is a label: nothing to run
    out.push({ range: toRange(a.lines, { start: item.marker.span.start, end: Math.max(item.titleSpan.end, item.marker.span.end) }), command: { title: label, command: '' } });
  }
  return out;
}

/** `（办公室牵头，各处室配合）` → `办公室牵头，各处室配合`; a declaration keeps its own words */
function inheritedText(raw: string): string {
  let t = declaration(raw).replace(WHITESPACE_RUN, ' ').trim();
  if (t.length > 1 && CLAUSE_BRACKETS.includes(t[0]!) && CLAUSE_CLOSERS.includes(t[t.length - 1]!)) t = t.slice(1, -1).trim();
  return t;
}

const within = (range: Range, line: number) => line >= range.start.line && line <= range.end.line;

export function inlayHints(a: Analysis, range: Range): InlayHint[] {
  const out: InlayHint[] = [];
  const seen = new Set<number>();
  for (const item of a.plan.allItems) {
    for (const d of item.deadlines) {
      if (!d.date || seen.has(d.span.start)) continue;
      seen.add(d.span.start);
      const position = a.lines.positionAt(d.span.end);
      if (within(range, position.line)) out.push({ position, label: `→${d.date}`, paddingLeft: true });
    }
    if (item.isTask && item.inheritedUnits) {
      const h = item.heading.content;
      let end = h.end;
      while (end > h.start && isWhitespace(a.text[end - 1])) end--;
      const position = a.lines.positionAt(end);
      const label = text(a.config.locale, 'lsp.inlayInherited', { text: inheritedText(item.inheritedUnits.text) });
      if (within(range, position.line)) out.push({ position, label, paddingLeft: true });
    }
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}

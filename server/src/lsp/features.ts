// Outline, hovers, folding, selection ranges, highlights and the task table, all read off one
// Analysis. Nothing here parses text: the engine's plan model already knows every span.
import { explainGenre } from '../engine/explain.js';
import {
  DocumentHighlightKind,
  MarkupKind,
  SymbolKind,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver/node';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { PlanItem, Span, UnitRole } from '../engine/model/types.js';
import { ROLES, taskTitle } from '../table/build.js';
import { isWhitespace, WHITESPACE_RUN } from '../engine/text/chars.js';
import { Analysis, contains } from './analysis.js';
import { toRange } from './convert.js';
import { notTaskLabel, roleLabel } from './text.js';
import { text } from '../i18n/catalogue.js';

// ---- shared bits ----

const WS_RUN = WHITESPACE_RUN;

/** marker and title as written, whitespace runs collapsed: `1. 系统梳理…`, `一、推进…` */
export function itemLabel(a: Analysis, item: PlanItem): string {
  const prefix = a.text.slice(item.marker.span.start, item.titleSpan.start).replace(WS_RUN, ' ');
  const title = item.isTask ? taskTitle(a.plan, item) : a.text.slice(item.titleSpan.start, item.titleSpan.end).replace(WS_RUN, ' ').trim();
  return (prefix + title).trim() || item.marker.raw;
}

/** the heading from its marker to the end of its title */
export function headingSpan(item: PlanItem): Span {
  return { start: item.marker.span.start, end: Math.max(item.marker.span.end, item.titleSpan.end) };
}

/** the item's extent without the blank lines that trail it */
function trimmedSpan(a: Analysis, item: PlanItem): Span {
  let end = item.span.end;
  while (end > item.marker.span.end && (isWhitespace(a.text[end - 1]) || a.text[end - 1] === '\n' || a.text[end - 1] === '\r')) end--;
  return { start: item.marker.span.start, end };
}

interface RoleGroup {
  role: UnitRole;
  names: string[];
  separately: boolean;
}

/** the item's units by role (canonical names, in the order the plan names them) */
export function unitsByRole(a: Analysis, item: PlanItem): RoleGroup[] {
  const groups = new Map<UnitRole, RoleGroup>();
  const listed = new Set<string>();
  for (const m of a.mentionsOf(item)) {
    let g = groups.get(m.ref.role);
    if (!g) groups.set(m.ref.role, (g = { role: m.ref.role, names: [], separately: false }));
    const key = `${m.ref.role}\u0000${m.name}`;
    if (!listed.has(key)) { listed.add(key); g.names.push(m.name); }
    if (m.ref.separately) g.separately = true;
  }
  return ROLES.filter((r) => groups.has(r)).map((r) => groups.get(r)!);
}

function groupLabel(locale: Locale, g: RoleGroup): string {
  const label = roleLabel(locale, g.role);
  if (!g.separately) return label;
  return locale === 'en' ? `${label} (each)` : `分别${label}`;
}

const countTasks = (item: PlanItem): number => (item.isTask ? 1 : item.children.reduce((n, c) => n + countTasks(c), 0));

const MD_SPECIAL = /[\\`*_[\]<>#|~]/g;
const md = (s: string): string => s.replace(MD_SPECIAL, (c) => `\\${c}`);
const sep = (locale: Locale) => (locale === 'en' ? ': ' : '：');
const listJoin = (locale: Locale, names: string[]) => names.join(locale === 'en' ? ', ' : '、');

function lineCol(a: Analysis, offset: number): string {
  const p = a.lines.positionAt(offset);
  return text(a.config.locale, 'lsp.lineCol', { line: p.line + 1, col: p.character + 1 });
}

// ---- document symbols ----

function symbolKind(item: PlanItem): SymbolKind {
  if (item.isTask) return SymbolKind.Event;
  switch (item.marker.rank) {
    case 1: return SymbolKind.Namespace;
    case 2: return SymbolKind.Module;
    case 3: return SymbolKind.Package;
    default: return SymbolKind.Field;
  }
}

export function symbolDetail(a: Analysis, item: PlanItem): string {
  const locale = a.config.locale;
  if (!item.isTask) {
    const n = countTasks(item);
    return n ? text(locale, 'lsp.tasks', { n }) : '';
  }
  return unitsByRole(a, item).map((g) => `${groupLabel(locale, g)}${sep(locale)}${listJoin(locale, g.names)}`).join(locale === 'en' ? '; ' : '；');
}

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const build = (item: PlanItem): DocumentSymbol => {
    const sym: DocumentSymbol = {
      name: itemLabel(a, item),
      detail: symbolDetail(a, item),
      kind: symbolKind(item),
      range: toRange(a.lines, trimmedSpan(a, item)),
      selectionRange: toRange(a.lines, headingSpan(item)),
    };
    if (item.children.length) sym.children = item.children.map(build);
    return sym;
  };
  return a.plan.items.map(build);
}

// ---- hover ----

export function hover(a: Analysis, pos: Position): Hover | null {
  const offset = a.offsetAt(pos);
  const mention = a.mentionAt(offset);
  if (mention) return { contents: { kind: MarkupKind.Markdown, value: unitHover(a, mention.name) }, range: toRange(a.lines, mention.ref.span) };
  const problem = problemAt(a, offset);
  if (problem) return { contents: { kind: MarkupKind.Markdown, value: problemHover(a, problem) }, range: toRange(a.lines, { start: problem.offset, end: problem.offset + 1 }) };
  const item = a.headingAt(offset);
  if (item) return { contents: { kind: MarkupKind.Markdown, value: itemHover(a, item) }, range: toRange(a.lines, headingSpan(item)) };
  const title = a.plan.title?.span;
  if (title && offset >= title.start && offset <= title.end) return { contents: { kind: MarkupKind.Markdown, value: titleHover(a) }, range: toRange(a.lines, title) };
  return null;
}

/** On the title: the genre fengong read and why (what `fengong inspect` prints first). */
export function titleHover(a: Analysis): string {
  const { label, reasons } = explainGenre(a.plan.genre, a.config.locale);
  return [`**${md(label)}**`, '', ...reasons.map((r) => `- ${md(r)}`), '', text(a.config.locale, 'lsp.tasks', { n: a.plan.tasks.length })].join('\n');
}

export function itemHover(a: Analysis, item: PlanItem): string {
  const locale = a.config.locale;
  const title = item.isTask ? taskTitle(a.plan, item) : a.text.slice(item.titleSpan.start, item.titleSpan.end).replace(WS_RUN, ' ').trim();
  const out = [`**${md(item.path)}** ${md(title)}`, ''];
  if (!item.isTask) {
    const n = countTasks(item);
    const reason = item.nonTaskReason && item.nonTaskReason !== 'has-children' ? notTaskLabel(locale, item.nonTaskReason) : '';
    out.push(reason || text(locale, 'lsp.tasks', { n }));
    return out.join('\n');
  }
  const groups = unitsByRole(a, item);
  const byRemit = item.unitClauses.some((c) => c.byRemit);
  for (const g of groups) {
    const remit = byRemit && g.role === 'responsible' ? (locale === 'en' ? ` (${text(locale, 'lsp.byRemit')})` : `（${text(locale, 'lsp.byRemit')}）`) : '';
    out.push(`- ${groupLabel(locale, g)}${sep(locale)}${md(listJoin(locale, g.names))}${remit}`);
  }
  if (item.inheritedUnits) {
    const inh = item.inheritedUnits.text.replace(WS_RUN, ' ').trim();
    out.push(`- ${text(locale, 'lsp.units')}${locale === 'en' ? ` (${text(locale, 'lsp.inherited')})` : `（${text(locale, 'lsp.inherited')}）`}${sep(locale)}${md(inh)}`);
  }
  if (!groups.length && !item.inheritedUnits) out.push(`- ${text(locale, 'lsp.units')}${sep(locale)}${text(locale, 'lsp.noUnits')}`);
  for (const d of item.deadlines) {
    const date = d.date ? (locale === 'en' ? ` (${d.date})` : `（${d.date}）`) : '';
    out.push(`- ${text(locale, 'lsp.deadline')}${sep(locale)}${md(d.text)}${date}`);
  }
  return out.join('\n');
}

const TITLE_MAX = 30;
const short = (s: string) => (s.length > TITLE_MAX ? s.slice(0, TITLE_MAX) + '…' : s);

export function unitHover(a: Analysis, name: string): string {
  const locale = a.config.locale;
  const row = a.table.units.find((u) => u.name === name);
  if (!row) return `**${md(name)}**`;
  const out = [text(locale, 'lsp.unitHeader', { name: md(name), n: row.counts.total })];
  if (row.aliases.length) out.push('', text(locale, 'lsp.aliases', { names: md(listJoin(locale, row.aliases)) }));
  for (const role of ROLES) {
    const refs = row[role];
    if (!refs.length) continue;
    out.push('', `${roleLabel(locale, role)}${locale === 'en' ? ` (${refs.length}):` : `（${refs.length}）：`}`);
    for (const r of refs) {
      const at = text(locale, 'lsp.taskAt', { line: r.line });
      out.push(`- ${md(r.path)} ${md(short(r.title))}${locale === 'en' ? ` (${at})` : `（${at}）`}`);
    }
  }
  return out.join('\n');
}

/** A problem about one mark (a bracket, a half-width comma) at the offset — the diagnostic's own
 *  character or one of its related locations. Only what the diagnostics say: a rule that is off
 *  has no diagnostics, so nothing shows. */
function problemAt(a: Analysis, offset: number): { d: Diagnostic; offset: number; other?: number } | undefined {
  for (const d of a.diagnostics) {
    const partner = d.related?.find((r) => r.span.end - r.span.start === 1)?.span.start;
    if (d.span.end - d.span.start === 1 && d.span.start === offset) return { d, offset, other: partner };
    if (partner === offset && d.span.end - d.span.start === 1) return { d, offset, other: d.span.start };
  }
  return undefined;
}

export function problemHover(a: Analysis, p: { d: Diagnostic; offset: number; other?: number }): string {
  const locale = a.config.locale;
  const out = [`**“${md(a.text[p.offset]!)}”** ${lineCol(a, p.offset)}`, ''];
  let line = md(p.d.message);
  // where the partner is, unless the message already says it; else where the fix would put it
  if (p.other !== undefined && !('partnerLine' in p.d.data && p.other !== p.d.span.start)) {
    line += (locale === 'en' ? '; ' : '；') + text(locale, 'lsp.pairPartner', { char: md(a.text[p.other]!), at: lineCol(a, p.other) });
  } else if (p.other === undefined) {
    const insert = [p.d.fix, ...(p.d.suggestions ?? [])].flatMap((f) => f?.edits ?? []).find((e) => e.span.start === e.span.end && e.text.length === 1);
    if (insert) line += (locale === 'en' ? '; ' : '；') + text(locale, 'lsp.pairShouldBe', { char: md(insert.text), at: lineCol(a, insert.span.start) });
  }
  out.push(line);
  return out.join('\n');
}

// ---- folding, selection, highlights ----

export function foldingRanges(a: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const item of a.plan.allItems) {
    const s = trimmedSpan(a, item);
    const startLine = item.heading.line;
    const endLine = a.lines.lineAt(Math.max(s.start, s.end - 1));
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}

export function selectionRanges(a: Analysis, positions: Position[]): SelectionRange[] {
  return positions.map((pos) => {
    const offset = a.offsetAt(pos);
    const spans: Span[] = [];
    const mention = a.mentionAt(offset);
    if (mention) {
      spans.push(mention.ref.span);
      const clause = mention.item.unitClauses.find((c) => contains(c.span, mention.ref.span));
      if (clause) spans.push(clause.inner, clause.span);
    }
    const item = a.itemAt(offset);
    if (item) {
      if (offset >= item.marker.span.start && offset <= item.marker.span.end) spans.push(item.marker.span);
      if (offset >= item.titleSpan.start && offset <= item.titleSpan.end) spans.push(item.titleSpan);
      if (offset >= item.heading.content.start && offset <= item.heading.content.end) spans.push(headingSpan(item), item.heading.content);
      for (let i: PlanItem | undefined = item; i; i = i.parent) spans.push(trimmedSpan(a, i));
    } else {
      const para = a.plan.paragraphs.find((p) => offset >= p.content.start && offset <= p.content.end);
      if (para) spans.push(para.content);
    }
    spans.push({ start: 0, end: a.text.length });
    // innermost first, each strictly inside the next
    let chain: SelectionRange | undefined;
    const kept: Span[] = [];
    for (const s of spans) {
      const prev = kept[kept.length - 1];
      if (s.start > offset || s.end < offset) continue;
      if (prev && (!contains(s, prev) || (s.start === prev.start && s.end === prev.end))) continue;
      kept.push(s);
    }
    for (let i = kept.length - 1; i >= 0; i--) chain = { range: toRange(a.lines, kept[i]!), parent: chain };
    return chain ?? { range: { start: pos, end: pos } };
  });
}

export function documentHighlights(a: Analysis, pos: Position): DocumentHighlight[] {
  const m = a.mentionAt(a.offsetAt(pos));
  if (!m) return [];
  return a.mentions.filter((x) => x.name === m.name).map((x) => ({ range: toRange(a.lines, x.ref.span), kind: DocumentHighlightKind.Text }));
}

// ---- fengong/taskTable ----

export interface TaskTableTask { path: string; title: string; role: UnitRole; range: Range }
export interface TaskTableUnit { name: string; tasks: TaskTableTask[] }
export interface TaskTableResult { units: TaskTableUnit[] }

export function taskTable(a: Analysis): TaskTableResult {
  const byLine = new Map(a.plan.tasks.map((i) => [i.heading.line + 1, i]));
  return {
    units: a.table.units.map((u) => ({
      name: u.name,
      tasks: ROLES.flatMap((role) => u[role].map((r) => {
        const item = byLine.get(r.line);
        const range = item ? toRange(a.lines, headingSpan(item)) : { start: { line: r.line - 1, character: 0 }, end: { line: r.line - 1, character: 0 } };
        return { path: r.path, title: r.title, role, range };
      })),
    })),
  };
}

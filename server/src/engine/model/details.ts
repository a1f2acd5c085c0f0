// Phase 7 — details of every item: deadlines (`8月底前`, a 完成时限 cell) and inline
// enumerations (`一是…二是…`).
import type { Deadline, InlineEnumeration, ItemNode, Paragraph, UnitClause } from './types.js';
import { structureCached, type Structure } from './structure.js';
import { FREQUENCY_RE, findDeadlines, normaliseDeadline } from './deadlines.js';
import { findEnumerations } from './enumerations.js';
import { DATE_LINE_RE } from '../lexicon/sections.js';
import { carriedByParagraph, paragraphFacts } from './facts.js';
import { none, shared, trimmed } from './none.js';
import { Shifter } from './shift.js';
import { ItemMap } from './item-map.js';

/** what an enumeration's entry needs: a numeral before 是 or after 第 (SHI_RE, DI_RE) */
const ENUMERATION_WORDS_RE = /[一二三四五六七八九十]是|第[一二三四五六七八九十]/;

export interface Details {
  /** inline enumerations in every paragraph */
  enumerations: InlineEnumeration[];
  byItem: Map<ItemNode, { deadlines: Deadline[]; enumerations: InlineEnumeration[] }>;
}

/** an item without deadline or enumeration (most): one record for all of them, 40 bytes an item less
 *  at the parse's peak */
const NO_DETAILS: { deadlines: Deadline[]; enumerations: InlineEnumeration[] } = Object.freeze({ deadlines: none<Deadline>(), enumerations: none<InlineEnumeration>() });

export function findDetails(s: Structure, items: ItemNode[], year: number | undefined, clauses: Map<ItemNode, UnitClause[]> = new Map()): Details {
  const { text } = s;
  const enumerations: InlineEnumeration[] = [];
  const enumsByLine = new Map<number, InlineEnumeration[]>();
  // only a paragraph with `一是` or `第一` can hold one (是 alone is in most paragraphs)
  const words = paragraphFacts(s, 'enumeration-words', undefined, (p) => (ENUMERATION_WORDS_RE.test(text.slice(p.content.start, p.content.end)) ? 1 : 0));
  for (let i = 0; i < s.paragraphs.length; i++) {
    if (!words[i]) continue;
    const p = s.paragraphs[i]!;
    const found = paragraphEnumerations(s, p);
    if (!found.length) continue;
    enumerations.push(...found);
    enumsByLine.set(p.line, found);
  }
  const byItem: Details['byItem'] = new ItemMap(items);
  const last = items[items.length - 1];
  for (const it of items) {
    // made only for an item that has any: most items have neither (what a lint allocates per item)
    let deadlines: Deadline[] | undefined;
    let enums: InlineEnumeration[] | undefined;
    let seen: Set<string> | undefined; // `5月底前` twice in one task is one time limit
    const body = ownBody(s, it, it === last ? clauses.get(it) : undefined);
    for (let k = -1; k < body.length; k++) {
      const p = k < 0 ? it.heading : body[k]!;
      let found = paragraphDeadlines(s, p, year);
      const row = s.tableRows.get(p.line);
      const cell = row?.columns?.deadline !== undefined ? row.cells[row.columns.deadline] : undefined;
      // a filled 完成时限 cell is the row's time limit, as the clerk copies it; a date in the task text is a
      // sub-step or a target (`实现企业开办1个工作日内办结` beside `2021年6月底`)
      if (found.length) {
        if (cell && cell.end > cell.start) found = found.filter((x) => x.span.start >= cell.start && x.span.end <= cell.end);
        seen ??= new Set();
        const once = seen;
        found = found.filter((x) => !once.has(x.text) && !!once.add(x.text));
        if (found.length) (deadlines ??= []).push(...found);
      }
      // a deadline column may hold what no pattern knows (`2024年6月`, `长期`): the cell is the deadline.
      // Only this paragraph's deadlines can lie in its cell: searching the item's (a table of 100,000
      // rows under one heading) made this quadratic.
      if (cell && cell.end > cell.start && !found.some((x) => x.span.start >= cell.start && x.span.end <= cell.end) && !seen?.has(text.slice(cell.start, cell.end))) {
        const t = shared(text.slice(cell.start, cell.end));
        (seen ??= new Set()).add(t);
        const date = normaliseDeadline(t, year);
        if (!FREQUENCY_RE.test(t.trim())) (deadlines ??= []).push(date ? { text: t, span: cell, date: shared(date) } : { text: t, span: cell });
      }
      const e = enumsByLine.get(p.line);
      if (e) (enums ??= []).push(...e);
    }
    // at their exact length: a list grown by push keeps 17 slots, 120 bytes more than a table row's
    // one deadline (issue 18)
    byItem.set(it, deadlines || enums ? { deadlines: deadlines ? trimmed(deadlines) : none(), enumerations: enums ? trimmed(enums) : none() } : NO_DETAILS);
  }
  return { enumerations, byItem };
}

/** The deadlines a paragraph's text holds. A keystroke finds again only those of the paragraphs it
 *  changed: the others' come from the previous version by their place (kept from the paragraph's
 *  start and moved here; findDeadlines reads nothing but that text and the year), as most
 *  paragraphs hold a hint (年, 月, 前, 内, 时) and every pattern ran on them again (issue 18). */
function paragraphDeadlines(s: Structure, p: Paragraph, year: number | undefined): Deadline[] {
  const { start, end } = p.content;
  if (!structureCached(s)) return findDeadlines(s.text, start, end, year);
  const kept = carriedByParagraph(s, 'deadlines', year, p, () => new Shifter({ offset: -start, lines: 0 }).deadlines(findDeadlines(s.text, start, end, year)));
  return kept.length ? new Shifter({ offset: start, lines: 0 }).deadlines(kept) : none();
}

/** The inline enumerations a paragraph's text holds, carried from the previous version by its
 *  place as its deadlines are (findEnumerations reads nothing else: a `一是` is read again only
 *  in the paragraphs a keystroke changed). */
function paragraphEnumerations(s: Structure, p: Paragraph): InlineEnumeration[] {
  const { start, end } = p.content;
  if (!structureCached(s)) return findEnumerations(s.text, start, end);
  const kept = carriedByParagraph(s, 'enumerations', undefined, p, () => new Shifter({ offset: -start, lines: 0 }).enumerations(findEnumerations(s.text, start, end)));
  return kept.length ? new Shifter({ offset: start, lines: 0 }).enumerations(kept) : none();
}

/** The item's body without the document's closing after it: the last item's body runs on to the
 *  signature and date (`国务院办公厅` / `2019年1月16日`), whose dates are no time limit; and the
 *  last item ends with its unit clause — what follows it speaks to the whole plan
 *  (`…（市政府督查室负责）` then `各区政府要…制定具体实施方案，于7月31日前报市政府办公厅。`). */
function ownBody(s: Structure, it: ItemNode, lastClauses?: UnitClause[]): Paragraph[] {
  let body = it.body;
  const end = lastClauses?.filter((c) => c.units.length).reduce((e, c) => Math.max(e, c.span.end), -1) ?? -1;
  if (end >= 0) body = body.filter((p) => p.content.start < end);
  for (let j = 0; j < body.length; j++) {
    const t = s.folded.slice(body[j]!.content.start, body[j]!.content.end);
    if (!DATE_LINE_RE.test(t)) continue;
    const prev = j > 0 ? s.folded.slice(body[j - 1]!.content.start, body[j - 1]!.content.end) : '';
    return body.slice(0, j > 0 && SIGNATURE_RE.test(prev) ? j - 1 : j);
  }
  return body;
}

/** a signature line: a short name with no punctuation, ending like an organisation */
const SIGNATURE_RE = /^[^，。；：、,.;:（）()]{2,30}(?:政府|办公室|办公厅|委员会|局|厅|部|委|办|院|中心)$/;

/** the year the document is about, when its title names exactly one: a range
 *  (`2023—2025年工作方案`) names several, and `8月底前` is then no single date */
export function documentYear(title: string | undefined): number | undefined {
  if (!title) return undefined;
  const years = [...new Set([...title.matchAll(/((?:19|20)[0-9]{2})(?=年|\s*[—–\-~～至到]\s*(?:19|20)[0-9]{2}年)/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : undefined;
}

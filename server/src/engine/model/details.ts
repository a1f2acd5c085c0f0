// Phase 7 — details of every item: deadlines (`8月底前`, a 完成时限 cell) and inline
// enumerations (`一是…二是…`).
import type { Deadline, InlineEnumeration, ItemNode } from './types.js';
import type { Structure } from './structure.js';
import { findDeadlines, normaliseDeadline } from './deadlines.js';
import { findEnumerations } from './enumerations.js';

export interface Details {
  /** inline enumerations in every paragraph */
  enumerations: InlineEnumeration[];
  byItem: Map<ItemNode, { deadlines: Deadline[]; enumerations: InlineEnumeration[] }>;
}

export function findDetails(s: Structure, items: ItemNode[], year: number | undefined): Details {
  const { text } = s;
  const enumerations: InlineEnumeration[] = [];
  const enumsByLine = new Map<number, InlineEnumeration[]>();
  for (const p of s.paragraphs) {
    const found = findEnumerations(text, p.content.start, p.content.end);
    if (!found.length) continue;
    enumerations.push(...found);
    enumsByLine.set(p.line, found);
  }
  const byItem: Details['byItem'] = new Map();
  for (const it of items) {
    const d = { deadlines: [] as Deadline[], enumerations: [] as InlineEnumeration[] };
    byItem.set(it, d);
    for (const p of [it.heading, ...it.body]) {
      const found = findDeadlines(text, p.content.start, p.content.end, year);
      d.deadlines.push(...found);
      const row = s.tableRows.get(p.line);
      const cell = row?.columns?.deadline !== undefined ? row.cells[row.columns.deadline] : undefined;
      // a deadline column may hold what no pattern knows (`2024年6月`, `长期`): the cell is the deadline.
      // Only this paragraph's deadlines can lie in its cell: searching the item's (a table of 100,000
      // rows under one heading) made this quadratic.
      if (cell && cell.end > cell.start && !found.some((x) => x.span.start >= cell.start && x.span.end <= cell.end)) {
        const t = text.slice(cell.start, cell.end);
        const date = normaliseDeadline(t, year);
        d.deadlines.push(date ? { text: t, span: { ...cell }, date } : { text: t, span: { ...cell } });
      }
      d.enumerations.push(...(enumsByLine.get(p.line) ?? []));
    }
  }
  return { enumerations, byItem };
}

/** the year the document is about, when its title names exactly one: a range
 *  (`2023—2025年工作方案`) names several, and `8月底前` is then no single date */
export function documentYear(title: string | undefined): number | undefined {
  if (!title) return undefined;
  const years = [...new Set([...title.matchAll(/((?:19|20)[0-9]{2})(?=年|\s*[—–\-~～至到]\s*(?:19|20)[0-9]{2}年)/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : undefined;
}

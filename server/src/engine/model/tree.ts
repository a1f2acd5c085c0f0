// Phase 3 — the item tree: markers become items by rank, each with its body paragraphs; the
// numbering scheme of each rank (restart/through) and the numbering lists the rules check.
// Unnumbered headings (Markdown `#`, decimal `4.2.1`, short title lines) and lead-in lines ending
// in `：` close the list before them: a `1.` after one starts a new list, not a backward jump.
import type { Deadline, InlineEnumeration, ItemNode, JudgmentSlots, Marker, NumberingList, NumberingScheme, Paragraph, Rank, Span, UnitClause, UnitRef } from './types.js';
import type { MarkerCandidate, Structure } from './structure.js';
import { toChineseNumeral, toCircled } from '../text/numerals.js';
import { isWhitespace } from '../text/chars.js';
import { ARTICLE_RE } from '../lexicon/genres.js';
import { none, pushed } from './none.js';
import { firstAtOrAfter } from './search.js';

/** code units compared per paragraph: indexing a string for a character above U+00FF makes a new
 *  one-character string, for every paragraph of every keystroke */
const DI = '第'.charCodeAt(0);
const FULL_COLON = '：'.charCodeAt(0);
const COLON = ':'.charCodeAt(0);

export interface ItemTree {
  allItems: ItemNode[];
  numberingLists: NumberingList<ItemNode>[];
  /** numbering scheme per rank, of the main text (attachments have their own) */
  schemes: Partial<Record<Rank, NumberingScheme>>;
}

type Schemes = Partial<Record<Rank, NumberingScheme>>;

/** `二、` `（三）` `7.` `（1）` `①`: the canonical marker, as a path segment */
export function canonicalMarker(rank: Rank, value: number): string {
  switch (rank) {
    case 1: return `${toChineseNumeral(value)}、`;
    case 2: return `（${toChineseNumeral(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
    case 5: return toCircled(value);
  }
}

export function buildTree(s: Structure): ItemTree {
  // the markers are in line order: the body's are one slice (a filter read every marker of a
  // 10,000-line plan at each keystroke)
  const inBody = s.markers.slice(firstAtOrAfter(s.markers, s.bodyStartLine), firstAtOrAfter(s.markers, s.closingLine));
  // an attachment (`附件` on its own line) numbers on its own: its scheme is its own
  const schemesOfPart = new Map<number, Schemes>();
  for (let part = 0; part <= s.partBreaks.length; part++) {
    const from = part ? s.partBreaks[part - 1]! : -1;
    const to = s.partBreaks[part] ?? Infinity;
    schemesOfPart.set(part, inferSchemes(inBody.filter((c) => c.strength === 'definite' && c.line > from && c.line < to)));
  }
  const { allItems, numberingLists } = placeItems(s, inBody, schemesOfPart);
  return { allItems, numberingLists, schemes: schemesOfPart.get(0)! };
}

/** How each rank numbers across parents: restart under each parent (`（一）` again under every
 *  `一、`) or through the document (`1.`…`21.` across seven sections). Decided by the group
 *  boundaries the document shows; a rank seen under one parent only restarts. */
function inferSchemes(markers: MarkerCandidate[]): Schemes {
  const schemes: Partial<Record<Rank, NumberingScheme>> = {};
  const votes = new Map<Rank, { restart: number; through: number }>();
  const stack: MarkerCandidate[] = [];
  const lastChild = new Map<MarkerCandidate | undefined, Map<Rank, number>>();
  const lastOfRank = new Map<Rank, { value: number; parent: MarkerCandidate | undefined }>();
  for (const m of markers) {
    while (stack.length && stack[stack.length - 1]!.rank >= m.rank) stack.pop();
    const parent = stack[stack.length - 1];
    const siblings = lastChild.get(parent) ?? new Map<Rank, number>();
    lastChild.set(parent, siblings);
    const prev = lastOfRank.get(m.rank);
    if (!siblings.has(m.rank) && prev && prev.parent !== parent) {
      const v = votes.get(m.rank) ?? { restart: 0, through: 0 };
      if (m.value === 1) v.restart++;
      else if (m.value > prev.value) v.through++;
      votes.set(m.rank, v);
    }
    siblings.set(m.rank, m.value);
    lastOfRank.set(m.rank, { value: m.value, parent });
    stack.push(m);
  }
  for (const r of [1, 2, 3, 4, 5] as Rank[]) {
    const v = votes.get(r);
    schemes[r] = v && v.through > v.restart ? 'through' : 'restart';
  }
  return schemes;
}

interface Placement {
  stack: ItemNode[];
  listOf: Map<string, NumberingList<ItemNode>>;
  lists: NumberingList<ItemNode>[];
  allItems: ItemNode[];
  /** line of the last unnumbered heading or lead-in */
  lastBreak: number;
  /** the attachment part being placed (0: the main text) */
  part: number;
  /** line of the last `第X条` article: each article's lists are its own */
  lastArticle: number;
  /** header rows met so far (tab-separated lines that are no table row): each table's 序号 its own */
  tableHeaders: number;
}

function placeItems(s: Structure, candidates: MarkerCandidate[], schemesOfPart: Map<number, Schemes>): { allItems: ItemNode[]; numberingLists: NumberingList<ItemNode>[] } {
  const st: Placement = { stack: [], listOf: new Map(), lists: [], allItems: [], lastBreak: -1, part: 0, lastArticle: -1, tableHeaders: 0 };
  // the candidates are in text order: each paragraph's are the next ones (no list of them per line)
  let next = 0;
  let current: Item | undefined;
  const first = candidates[0]?.line ?? Infinity;
  // most plans hold no tab at all: no paragraph is then searched for one
  const tabs = s.text.includes('\t');
  // the paragraphs from the first candidate's line to the closing's: one range of the list
  const until = firstAtOrAfter(s.paragraphs, s.closingLine);
  for (let i = first === Infinity ? until : firstAtOrAfter(s.paragraphs, first); i < until; i++) {
    const p = s.paragraphs[i]!;
    if (st.part < s.partBreaks.length && p.line >= s.partBreaks[st.part]!) {
      st.part++;
      st.stack.length = 0; // an attachment's items are nobody's children in the main text
      current = undefined;
    }
    if (tabs && !s.tableRows.has(p.line) && s.text.slice(p.content.start, p.content.end).includes('\t')) st.tableHeaders++;
    let accepted = false;
    while (next < candidates.length && candidates[next]!.line < p.line) next++;
    for (; next < candidates.length && candidates[next]!.line === p.line; next++) {
      const item = place(s, st, candidates[next]!, p, schemesOfPart.get(st.part)!, candidates);
      if (item) { current = item; accepted = true; }
    }
    if (accepted || !current) continue;
    // `第二十四条　…：` then `（一）…`: an article is the parent of the lists under it, so they
    // restart under each article (a list there starting at `（二）` should start at `（一）`)
    if (s.folded.charCodeAt(p.content.start) === DI && ARTICLE_RE.test(s.folded.slice(p.content.start, p.content.end))) {
      st.lastArticle = p.line;
      st.stack.length = 0;
      current = undefined;
      continue;
    }
    // `三` alone on its line, its heading on the next (`工作要求`): that line is its title
    if (!current.title && !current.body.length && s.headings.get(p.line)?.kind === 'short') {
      current.title = s.text.slice(p.content.start, p.content.end);
      current.titleStart = p.content.start;
    }
    current.body = pushed(current.body, p);
    const end = s.folded.charCodeAt(p.content.end - 1);
    if (s.headings.has(p.line) || end === FULL_COLON || end === COLON) st.lastBreak = p.line;
  }
  // each item's span covers its last descendant's last paragraph
  for (let i = st.allItems.length - 1; i >= 0; i--) {
    const it = st.allItems[i]!;
    const lastPara = it.body.length ? it.body[it.body.length - 1]! : it.heading;
    let end = lastPara.span.end;
    for (const ch of it.children) end = Math.max(end, ch.span.end);
    // the heading's own span where the item is its heading alone (most tasks): spans are never edited
    it.span = end === it.heading.span.end ? it.heading.span : { start: it.heading.span.start, end };
  }
  return { allItems: st.allItems, numberingLists: st.lists };
}

function place(
  s: Structure, st: Placement, c: MarkerCandidate, p: Paragraph, schemes: Schemes, candidates: MarkerCandidate[],
): Item | undefined {
  let depth = st.stack.length;
  while (depth && st.stack[depth - 1]!.marker.rank >= c.rank) depth--;
  const parent = st.stack[depth - 1];
  const scheme = schemes[c.rank] ?? 'restart';
  // the 序号 cells of a table under its header number on their own: `1、鄉鎮排名` then a ranking
  // table `序號⇥鄉鎮⇥得分` whose rows count 1, 2, 3 is no duplicate of `1、`, and `2、` after it no jump
  const table = c.inTable && st.tableHeaders ? `:t${st.tableHeaders}` : '';
  let list = listFor(st, c.rank, scheme, parent, table);
  const last = list.items[list.items.length - 1];
  // `1.` after an unnumbered heading or a lead-in, or under a new parent of a list that ran
  // through the sections before, starts a new list: not a backward jump
  const newArticle = !!last && st.lastArticle > last.heading.line;
  if (newArticle || (c.value === 1 && last && (c.labelled || (last.marker.value > 1 && (st.lastBreak > last.heading.line || last.parent !== parent))))) {
    list = { rank: c.rank, scheme, items: [] };
    st.lists.push(list);
    st.listOf.set(listKey(st.part, c.rank, scheme, parent, table), list);
  }
  const prevValue = list.items.length ? list.items[list.items.length - 1]!.marker.value : 0;
  // a weak candidate fills the expected slot only if the real item does not follow: `3.1做好`
  // before `3.做好` is text of item 2, not item 3 followed by a duplicate
  if (c.strength !== 'definite' && !(c.value === prevValue + 1 && !definiteNext(candidates, c))) return undefined;
  st.stack.length = depth;
  const item = newItem(s, st.allItems.length, markerOf(c), p, parent);
  st.allItems.push(item);
  list.items.push(item);
  if (parent) parent.children = pushed(parent.children, item);
  st.stack.push(item);
  return item;
}

/** The marker without the candidate's line facts (a rest copy, `{ line, cell, labelled, ...marker }`,
 *  added its properties one by one: a 64-byte property store beside each of the plan's markers). */
function markerOf(c: MarkerCandidate): Marker {
  return new ItemMarker(c);
}

/** A placed item's marker. Its span is made when read, from its two offsets: an object of its own
 *  was 40 of the ~840 bytes a numbered task keeps (issue 18). The optional fields are set only when
 *  the candidate has them, as its literal had them. */
class ItemMarker implements Marker {
  rank: Rank;
  value: number;
  raw: string;
  start: number;
  end: number;
  delimiter: string;
  expectedDelimiter: string;
  strength: 'definite' | 'weak';
  declare inTable?: boolean;
  declare open?: string;
  declare close?: string;

  constructor(c: MarkerCandidate) {
    this.rank = c.rank;
    this.value = c.value;
    this.raw = c.raw;
    this.start = c.span.start;
    this.end = c.span.end;
    this.delimiter = c.delimiter;
    this.expectedDelimiter = c.expectedDelimiter;
    this.strength = c.strength;
    if (c.inTable) this.inTable = true;
    if (c.open !== undefined || c.close !== undefined) {
      this.open = c.open;
      this.close = c.close;
    }
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }
}

/** whether the next candidate of the same rank is a definite marker with the same number */
function definiteNext(candidates: MarkerCandidate[], c: MarkerCandidate): boolean {
  const next = candidates.find((o) => o.line > c.line && o.rank === c.rank);
  return !!next && next.strength === 'definite' && next.value === c.value;
}

const listKey = (part: number, rank: Rank, scheme: NumberingScheme, parent: ItemNode | undefined, table: string): string =>
  (scheme === 'through' ? `${part}:${rank}` : `${part}:${rank}:${parent?.id ?? -1}`) + table;

function listFor(st: Placement, rank: Rank, scheme: NumberingScheme, parent: ItemNode | undefined, table: string): NumberingList<ItemNode> {
  const key = listKey(st.part, rank, scheme, parent, table);
  let list = st.listOf.get(key);
  if (!list) {
    list = { rank, scheme, items: [] };
    st.listOf.set(key, list);
    st.lists.push(list);
  }
  return list;
}

/** the title: after the marker up to the first `。` or the end of its table cell; a table row's
 *  task is its task cell (`1⇥做好甲⇥办公室`: 做好甲) */
function newItem(s: Structure, id: number, marker: Marker, heading: Paragraph, parent: ItemNode | undefined): Item {
  const { text } = s;
  const row = s.tableRows.get(heading.line);
  // the row's last marker is its task's: `1⇥做好甲` or `一、医疗质量⇥（一）功能定位⇥1.门诊…`
  const last = row && (row.cellMarkers.length ? row.cellMarkers[row.cellMarkers.length - 1]!.span.start === marker.span.start : true);
  const cell = row && last ? row.cells[row.taskCell] : undefined;
  let ts = cell && marker.span.end <= cell.start ? cell.start : marker.span.end;
  while (ts < heading.content.end && isWhitespace(text[ts])) ts++;
  let te = ts;
  while (te < heading.content.end && text[te] !== '。' && text[te] !== '\t') te++;
  const path = (parent ? parent.path : '') + canonicalMarker(marker.rank, marker.value);
  return new Item(id, marker, text.slice(ts, te), ts, heading, parent, path);
}

/** An item node, and the PlanItem it becomes (parse.ts), made with its judgment's slots. Its title
 *  span is made when read, from where the title starts and the title's length (the title is the
 *  text there): an object of its own was 40 of the ~880 bytes a numbered task keeps (issue 18). */
class Item implements ItemNode, JudgmentSlots {
  id: number;
  marker: Marker;
  title: string;
  /** where the title starts: the title span's start */
  titleStart: number;
  heading: Paragraph;
  body: Paragraph[] = none();
  span: Span;
  children: ItemNode[] = none();
  parent: ItemNode | undefined;
  depth: number;
  path: string;
  isTask = false;
  unitClauses: UnitClause[] = none();
  units: UnitRef[] = none();
  deadlines: Deadline[] = none();
  enumerations: InlineEnumeration[] = none();

  constructor(id: number, marker: Marker, title: string, titleStart: number, heading: Paragraph, parent: ItemNode | undefined, path: string) {
    this.id = id;
    this.marker = marker;
    this.title = title;
    this.titleStart = titleStart;
    this.heading = heading;
    this.span = heading.span;
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
    this.path = path;
  }

  get titleSpan(): Span {
    return { start: this.titleStart, end: this.titleStart + this.title.length };
  }
}

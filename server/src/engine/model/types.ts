// The plan model: what the engine knows about a document after parsing.
// All offsets are UTF-16 code units into the text the engine was given (the same unit LSP uses
// by default and Chevrotain reports), half-open: [start, end).
import type { GenreVerdict } from './genre.js';
import type { SectionRole } from './sections.js';

export interface Span {
  start: number;
  end: number;
}

/** the document's genre (FORMAT.md §5): a plan assigns work; reports, regulations (第X条),
 *  notices and letters, and other documents (预案, 讲话) do not */
export type DocumentKind = 'plan' | 'report' | 'regulation' | 'notice' | 'other';

/** why a leaf item is not a task */
export type NonTaskReason =
  | 'has-children' | 'genre' | 'framing' | 'scope' | 'procedure' | 'unit' | 'problem' | 'review' | 'notes' | 'attachment' | 'table-group' | 'cover' | 'annexed';

/** Heading ranks after GB/T 9704-2012 §7.3.3: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`, 5 `①`. */
export type Rank = 1 | 2 | 3 | 4 | 5;

/** How a rank is numbered across parents: restarting at 1 under each parent, or running through. */
export type NumberingScheme = 'restart' | 'through';

export interface Marker {
  rank: Rank;
  /** numeric value: `十一、` → 11, `（二十二）` → 22, `③` → 3 */
  value: number;
  /** the marker exactly as written, delimiter included: `一、` `（一）、` `11` `3、` */
  raw: string;
  /** made when read for a placed item's marker (tree.ts ItemMarker) */
  readonly span: Span;
  /** the delimiter as written after the number, or after the closing bracket of ranks 2 and 4
   *  (`、` `.` `．`, or `` when there is none) */
  delimiter: string;
  /** `weak`: no delimiter (`11加强`) or a digit after the dot (`11.121…`): kept as an item only
   *  because the numbering around it expects exactly this number */
  strength: 'definite' | 'weak';
  /** the delimiter the rank requires (`、` for rank 1, `.` for rank 3, `` for bracketed ranks) */
  expectedDelimiter: string;
  /** the number stands in the 序号 column of a table pasted as tab-separated rows
   *  (`1\t任务\t牵头单位…`): a table cell takes no delimiter, so none is checked */
  inTable?: boolean;
  /** for bracketed ranks: the opening and closing bracket as written (`（` `)`) */
  open?: string;
  close?: string;
}

export type UnitRole = 'lead' | 'responsible' | 'cooperating' | 'guiding';

export interface UnitRef {
  /** name as written, whitespace normalised (`各处室`) */
  name: string;
  role: UnitRole;
  span: Span;
  /** `分别牵头`: every unit of the group leads its own part */
  separately?: boolean;
}

export interface UnitClause {
  /** the whole clause, brackets included when it has them */
  span: Span;
  /** the clause text without its brackets (made when read for a bracketed clause, clauses.ts) */
  readonly inner: Span;
  open?: string;
  close?: string;
  /** how the clause is written: bracketed `（…）`; bare = unbracketed at the end of the text;
   *  unclosed = opened but never closed; unopened = closed but never opened; paragraph = its own
   *  paragraph (`责任单位：…。`); cell = a unit column of a table pasted as tab-separated rows */
  form: 'bracketed' | 'bare' | 'unclosed' | 'unopened' | 'paragraph' | 'cell';
  units: UnitRef[];
  /** `按职责分工负责` and similar: each named unit within its remit */
  byRemit: boolean;
  /** malformations inside the clause: a label with no unit after it, two units run together */
  issues: { kind: 'empty-slot' | 'run-together'; span: Span; text: string }[];
}

export interface Deadline {
  /** as written: `8月底前` `2022年底前` `3个工作日内` `持续推进` */
  text: string;
  span: Span;
  /** ISO date (yyyy-mm-dd) when the document's year makes it certain */
  date?: string;
}

export interface InlineEnumeration {
  /** `一是` `二是` …, or `第一，` … */
  style: 'shi' | 'di';
  entries: { value: number; raw: string; span: Span }[];
}

export interface Paragraph {
  /** the line, without its line break */
  span: Span;
  /** the text after indentation */
  content: Span;
  line: number; // 0-based
}

/** An item as the tree phase knows it: where it stands and what it says. The later phases do not
 *  touch it; what they judge (task or not, units, deadlines) parse.ts writes into its slots at the
 *  end (JudgmentSlots), when the node becomes the PlanItem. */
export interface ItemNode {
  id: number; // document order, 0-based
  marker: Marker;
  /** the heading's title: text after the marker up to the first `。` (or the whole line, or the
   *  end of its table cell) */
  title: string;
  /** where the title stands (the title is the text there); made when read, from where it starts
   *  and the title's length (tree.ts) */
  readonly titleSpan: Span;
  /** the heading paragraph */
  heading: Paragraph;
  /** paragraphs after the heading up to the next marker */
  body: Paragraph[];
  /** whole extent: heading through its last descendant */
  span: Span;
  children: ItemNode[];
  parent?: ItemNode;
  depth: number; // 0 for top-level items
  /** `二、（三）7.` */
  path: string;
}

/** What the phases after the tree say about one item. */
export interface ItemJudgment {
  /** a task: a leaf item in a task section of a plan */
  isTask: boolean;
  /** why this item is not a task, when it is not */
  nonTaskReason?: NonTaskReason;
  /** the clauses the item writes itself */
  unitClauses: UnitClause[];
  /** the units of the task, by role: its own clauses', else those it takes from elsewhere (a
   *  merged table cell, a parent's clause, a lead-in, a declaration): what the task table lists */
  units: UnitRef[];
  /** where the units come from when the item names none itself, as written there */
  inheritedUnits?: { from: Span; text: string };
  unitSource?: 'merged' | 'group' | 'parent' | 'lead-in' | 'declared' | 'team' | 'remit';
  /** the units rest on weak evidence: a merged cell inferred, a lead-in, a declaration far above */
  uncertain?: true;
  deadlines: Deadline[];
  enumerations: InlineEnumeration[];
}

/** The fields of its judgment an ItemNode is made with, empty (tree.ts): parse.ts fills them in on
 *  the node itself, which becomes the PlanItem. A PlanItem made beside its node doubled every item
 *  at the end of the parse, the numbered headings shape's peak (112 bytes a task; issue 18). */
export type JudgmentSlots = Pick<ItemJudgment, 'isTask' | 'unitClauses' | 'units' | 'deadlines' | 'enumerations'>;

export interface PlanItem extends Omit<ItemNode, 'children' | 'parent'>, ItemJudgment {
  children: PlanItem[];
  parent?: PlanItem;
}

/** Bracket-like pair characters and their matches within one paragraph. */
export interface PairToken {
  char: string;
  offset: number;
  line: number;
  kind: 'open' | 'close' | 'ambiguous';
}

export interface PairProblem {
  kind: 'unclosed' | 'unopened' | 'crossed' | 'wrong-width' | 'doc-number-year';
  /** the offending character */
  at: PairToken;
  /** its partner where there is one (the other bracket of a crossing or of a wrong width) */
  partner?: PairToken;
  /** the character that would close or open it */
  expected?: string;
  /** true when the engine assumed something (an apostrophe, a title broken across lines) */
  uncertain?: boolean;
  note?: 'title-broken-across-lines' | 'broken-across-lines';
}

export interface NumberingList<T = PlanItem> {
  rank: Rank;
  scheme: NumberingScheme;
  items: T[];
}

export interface PlanDocument {
  text: string;
  kind: DocumentKind;
  /** the genre verdict with its evidence (`fengong inspect`, the title hover) */
  genre: GenreVerdict;
  /** each item's section role */
  sections: Map<PlanItem, SectionRole>;
  /** the document's title line, if one was found */
  title?: { text: string; span: Span };
  /** the year the document is about (for deadline normalisation), if certain */
  year?: number;
  preamble: Paragraph[];
  items: PlanItem[]; // top-level items
  /** every item in document order */
  allItems: PlanItem[];
  tasks: PlanItem[];
  closing: Paragraph[];
  paragraphs: Paragraph[];
  /** numbering scheme per rank, inferred from the document */
  schemes: Partial<Record<Rank, NumberingScheme>>;
  pairProblems: PairProblem[];
  /** the runs of sibling numbers the numbering rules check, per rank and scheme */
  numberingLists: NumberingList[];
  /** inline enumerations in every paragraph */
  enumerations: InlineEnumeration[];
  /** `列第一位者为牵头单位`: the first unit in every later clause leads */
  firstListedLeads: boolean;
  /** clauses on the heading of an item with sub-items, which the sub-items that name no unit
   *  take (`（一）加强平台建设。（办公室牵头）` over `1.…` `2.…`), in document order */
  headingClauses: { item: PlanItem; clause: UnitClause }[];
}

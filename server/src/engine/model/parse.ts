// The plan model, built in named phases (each its own file, each testable alone):
//   structure → genre → item tree → sections → tasks → units (where each task's come from) → details
// Each phase returns its own typed result; none edits what an earlier phase made (only this file lets
// go of the line structure's parts no later phase reads). The PlanItem the rules read is assembled
// here, once, from the tree's nodes and the later phases' judgments, after the scaffolding is gone.
import type { EngineConfig } from '../types.js';
import type { ItemNode, NumberingList, PairProblem, Paragraph, PlanDocument, PlanItem, UnitClause } from './types.js';
import { readStructure, withDocNumberYears } from './structure.js';
import { judgeGenre, type GenreVerdict } from './genre.js';
import { buildTree, type ItemTree } from './tree.js';
import { assignSections, type SectionRole } from './sections.js';
import { findDeclarations } from './clauses.js';
import { judgeTasks, type TaskVerdicts } from './tasks.js';
import { assignUnits, ownClauses, type ItemUnits } from './assign.js';
import { documentYear, findDetails, type Details } from './details.js';
import { documentRoleMatcher } from './units.js';
import { fold } from '../lexicon/fold.js';
import { none } from './none.js';
import { firstAtOrAfter } from './search.js';
import { LinePairs } from './line-pairs.js';
import type { ParagraphPairs } from './pairs.js';
import type { LineCache } from '../parser/parser.js';
import { ItemMap } from './item-map.js';

/** `cache`: the previous version's lines (the language server keeps one per open document); the
 *  plan is the same with or without it, only faster to build after a small edit. */
export function parsePlan(text: string, config: Partial<EngineConfig> = {}, cache?: LineCache): PlanDocument {
  return assembled(text, judged(text, config, cache));
}

/** What the phases judged, without the scaffolding they judged it from: the line structure's pairs,
 *  markers, headings and table rows and the items' own clauses are garbage once this returns, before
 *  the PlanItems are made (they were a quarter of a big plan's peak memory; issue 18). */
export interface Judged {
  genre: GenreVerdict;
  tree: ItemTree;
  sections: Map<ItemNode, SectionRole>;
  verdicts: TaskVerdicts;
  units: Map<ItemNode, ItemUnits>;
  details: Details;
  year: number | undefined;
  firstListedLeads: boolean;
  paragraphs: Paragraph[];
  preamble: Paragraph[];
  closing: Paragraph[];
  pairProblems: PairProblem[];
}

/** Exported for its test (test/unit/memory.test.ts): what it returns reaches no line scaffolding. */
export function judged(text: string, config: Partial<EngineConfig>, cache?: LineCache): Judged {
  const s = readStructure(text, cache);
  const roles = documentRoleMatcher(s.folded, config.roleKeywords, cache);
  const genre = judgeGenre(s, roles, config.documentKind, config.titleLines);
  const tree = buildTree(s);
  // what only an earlier phase reads goes as soon as it has: the marker candidates once the tree is
  // built (its items hold their own markers), each leaf's pairs once its own clauses are found, the
  // rest once the units are assigned (this Structure is the parse's own; a LineCache's memo keeps
  // its own references)
  s.markers = none();
  const sections = assignSections(s, tree.allItems, new Set((config.nonTaskSections ?? []).map(fold)));
  const declarations = findDeclarations(s, roles);
  const ctx = { s, roles, leadsFirst: false };
  const own = ownClauses({ ...ctx, declarations }, tree.allItems.filter((it) => !it.children.length), tree.allItems);
  s.pairsByLine = parentsPairs(s.pairsByLine, tree.allItems);
  const verdicts = judgeTasks(s, tree.allItems, genre, sections, own.clauses);
  const units = assignUnits(ctx, tree.allItems, own, declarations, sections, verdicts);
  s.pairsByLine = new LinePairs();
  const year = documentYear(genre.title?.text);
  const details = findDetails(s, tree.allItems, year, own.clauses);
  return {
    genre, tree, sections, verdicts, units, details, year, firstListedLeads: declarations.firstListedLeads !== undefined,
    // paragraphs are in line order: the preamble and the closing are a slice each, not a filter of
    // every paragraph at each keystroke
    paragraphs: s.paragraphs, preamble: s.paragraphs.slice(0, firstAtOrAfter(s.paragraphs, s.bodyStartLine)), closing: s.paragraphs.slice(firstAtOrAfter(s.paragraphs, s.closingLine)),
    pairProblems: withDocNumberYears(s),
  };
}

/** The pairs of the lines assignUnits still reads once every leaf's own clauses are found: those of
 *  the items with sub-items, whose clause the sub-items may inherit (`ancestorClause`). A plan of
 *  bare clause lines (`加强管理（办公室牵头）` under one heading) kept every line's pairs through the
 *  units phase, its peak: a quarter of it (issue 18). */
export function parentsPairs(pairs: LinePairs, items: readonly ItemNode[]): LinePairs {
  const kept = new Map<number, ParagraphPairs>();
  const keep = (p: Paragraph) => {
    const found = pairs.get(p.line);
    if (found) kept.set(p.line, found);
  };
  for (const it of items) {
    if (!it.children.length) continue;
    keep(it.heading);
    for (const p of it.body) keep(p);
  }
  return new LinePairs(kept);
}

function assembled(text: string, j: Judged): PlanDocument {
  const { genre, tree, units } = j;
  const { allItems, of } = assemble(tree.allItems, j.verdicts, units, j.details);
  return {
    text, kind: genre.genre, genre, sections: planSections(j.sections, allItems, of), title: genre.title, year: j.year,
    preamble: j.preamble,
    items: allItems.filter((it) => !it.parent), allItems, tasks: allItems.filter((it) => it.isTask),
    closing: j.closing, paragraphs: j.paragraphs, schemes: tree.schemes,
    pairProblems: j.pairProblems,
    numberingLists: tree.numberingLists.map((l): NumberingList => ({ rank: l.rank, scheme: l.scheme, items: l.items.map(of) })),
    enumerations: j.details.enumerations, firstListedLeads: j.firstListedLeads,
    headingClauses: headingClauses(units, of),
  };
}

/** each item's section role, keyed by its PlanItem */
function planSections(sections: Map<ItemNode, SectionRole>, allItems: PlanItem[], of: (n: ItemNode) => PlanItem): Map<PlanItem, SectionRole> {
  const out = new ItemMap<PlanItem, SectionRole>(allItems);
  for (const [n, r] of sections) out.set(of(n), r);
  return out;
}

/** the ancestors' clauses the items inherit, each once, in document order */
function headingClauses(units: Map<ItemNode, ItemUnits>, of: (n: ItemNode) => PlanItem): PlanDocument['headingClauses'] {
  const seen = new Map<UnitClause, PlanItem>();
  for (const u of units.values()) if (u.inheritedClause) seen.set(u.inheritedClause.clause, of(u.inheritedClause.node));
  return [...seen].map(([clause, item]) => ({ item, clause })).sort((a, b) => a.clause.span.start - b.clause.span.start);
}

/** Each tree node made the PlanItem, in place (document order): the phases have judged, and the
 *  node is the parse's own, made with its judgment's slots (JudgmentSlots); its children and parent
 *  are then PlanItems too. A PlanItem of its own beside each node doubled the items at the peak. */
function assemble(nodes: ItemNode[], verdicts: TaskVerdicts, units: Map<ItemNode, ItemUnits>, details: Details): { allItems: PlanItem[]; of: (n: ItemNode) => PlanItem } {
  for (const n of nodes) {
    const reason = verdicts.get(n);
    const u = units.get(n);
    const d = details.byItem.get(n)!;
    const item = n as unknown as PlanItem;
    item.isTask = reason === undefined;
    if (u) {
      item.unitClauses = u.unitClauses;
      item.units = u.units;
    }
    item.deadlines = d.deadlines;
    item.enumerations = d.enumerations;
    // optional fields added only when present, never deleted: `delete` made every task a dictionary-mode
    // object (780 bytes of properties each, a third of the plan's memory; issue 18)
    if (reason !== undefined) item.nonTaskReason = reason;
    if (u?.source) {
      item.inheritedUnits = { from: u.source.from, text: u.source.text };
      item.unitSource = u.source.kind;
    }
    if (u?.uncertain) item.uncertain = true;
  }
  const allItems = nodes as unknown as PlanItem[];
  return { allItems, of: (n) => allItems[n.id]! };
}

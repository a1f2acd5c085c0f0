// The plan model, built in named phases (each its own file, each testable alone):
//   structure → genre → item tree → sections → unit clauses → tasks → details
import type { EngineConfig } from '../types.js';
import type { PlanDocument, PlanItem } from './types.js';
import { readStructure, type Structure } from './structure.js';
import { judgeGenre } from './genre.js';
import { buildTree } from './tree.js';
import { assignSections } from './sections.js';
import { findDeclarations } from './clauses.js';
import { explicitUnits, inheritUnits, judgeTasks } from './tasks.js';
import { addDetails, documentYear } from './details.js';
import { makeRoleMatcher } from './units.js';
import { fold } from '../lexicon/fold.js';

export function parsePlan(text: string, config: Partial<EngineConfig> = {}): PlanDocument {
  const roles = makeRoleMatcher(config.roleKeywords);
  const s = readStructure(text);
  const genre = judgeGenre(s, roles, config.documentKind);
  const tree = buildTree(s);
  tableTitles(s, tree.allItems);
  const sections = assignSections(s, tree.allItems, new Set((config.nonTaskSections ?? []).map(fold)));
  const declarations = findDeclarations(s);
  const ctx = { s, roles, leadsFirst: false };
  const leaves = tree.allItems.filter((it) => !it.children.length);
  const known = explicitUnits({ ...ctx, declarations }, leaves);
  judgeTasks(s, tree.allItems, genre, sections);
  inheritUnits(ctx, tree.allItems, known, declarations, sections);
  const year = documentYear(genre.title?.text);
  const enumerations = addDetails(s, tree.allItems, year);
  return {
    text, kind: genre.genre, genre, sections, title: genre.title, year,
    preamble: s.paragraphs.filter((p) => p.line < s.bodyStartLine),
    items: tree.allItems.filter((it) => !it.parent), allItems: tree.allItems, tasks: tree.allItems.filter((it) => it.isTask),
    closing: s.paragraphs.filter((p) => p.line >= s.closingLine), paragraphs: s.paragraphs, schemes: tree.schemes,
    pairProblems: s.pairProblems, numberingLists: tree.numberingLists, enumerations, firstListedLeads: declarations.firstListedLeads !== undefined,
  };
}

/** a table row's title is its task cell (up to the first `。`), not the whole row */
function tableTitles(s: Structure, items: PlanItem[]): void {
  for (const it of items) {
    const row = s.tableRows.get(it.heading.line);
    if (!row || it.children.length) continue;
    const cell = row.cells[row.taskCell];
    if (!cell) continue;
    let start = cell.start;
    if (it.marker.span.start >= cell.start && it.marker.span.end <= cell.end) start = it.marker.span.end;
    while (start < cell.end && /\s/.test(s.text[start]!)) start++;
    let end = start;
    while (end < cell.end && s.text[end] !== '。') end++;
    it.titleSpan = { start, end };
    it.title = s.text.slice(start, end);
  }
}

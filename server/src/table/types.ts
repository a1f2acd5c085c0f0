// The 任务分工表 model: one plan (or several) as rows by task and by unit. Plain data, JSON-ready:
// the json format writes it as is (schemas/plan.schema.json), md/csv/xlsx lay it out for people.
import type { Rank, UnitRole } from '../engine/model/types.js';
import type { WordPlace } from '../io/word-source.js';

export const ROLES: readonly UnitRole[] = ['lead', 'responsible', 'cooperating', 'guiding'];

export interface TableDocument {
  /** the file the plan came from, as given on the command line (absent for a bare text) */
  file?: string;
  /** the document's title line */
  title?: string;
  /** the year the plan is about, when certain */
  year?: number;
}

export interface DeadlineCell {
  /** as written: `8月底前` */
  text: string;
  /** ISO date when the plan's year makes it certain: `2020-08-31` */
  date?: string;
}

/** A group a task sits in: `一、推进政策制度履职依据公开`, `（二）推进减税、降费…`. */
export interface SectionRef {
  /** the marker as written: `一、` `（二）` */
  marker: string;
  title: string;
  rank: Rank;
}

export interface TaskRow {
  /** index into TaskTable.documents */
  doc: number;
  /** the item's full path without its trailing delimiter, `二、（三）7` */
  path: string;
  /** 序号 as every layout prints it (md, csv, xlsx, docx, the previews): the task's own number,
   *  joined to its parents' where the plan restarts that rank's numbering; unique in the plan:
   *  `7` (numbered through), `（二）1` (restarting under each （一）) */
  serial: string;
  /** the task's own number without its delimiter: `7` `（三）` */
  number: string;
  /** the title (the heading up to its first `。`), without a unit clause that runs into it */
  title: string;
  /** 工作任务: the whole heading paragraph after the number (its task cell in a table row),
   *  without unit clauses: `积极推进…试点工作。8月底前出台…工作方案。` */
  text: string;
  /** the paragraphs after the heading (or the other cells of its table row: 工作要求), without
   *  unit clauses, deadline cells and unit cells */
  body: string[];
  /** the groups it sits in, outermost first */
  sections: SectionRef[];
  /** for a plan read from Word: the paragraph or table cell of its heading */
  word?: WordPlace;
  /** canonical unit names per role, in the order the plan names them */
  lead: string[];
  responsible: string[];
  cooperating: string[];
  guiding: string[];
  /** roles whose units act each on their own (`分别牵头`, `分别负责`) */
  separately: UnitRole[];
  /** a clause said `按职责分工负责`: each unit within its remit */
  byRemit: boolean;
  /** units declared once for many tasks (`以下均需…落实，不再列出`) that apply here, as written */
  inherited?: string;
  /** the units rest on weak evidence (a merged cell inferred, a lead-in, a declaration far
   *  above): kept, and said, so a clerk checks them before sending the table */
  uncertain?: true;
  /** 时限 */
  deadlines: DeadlineCell[];
  /** 行号: 1-based line of the task's heading */
  line: number;
}

export interface TaskRef {
  doc: number;
  path: string;
  /** 序号, as TaskRow.serial */
  serial: string;
  title: string;
  /** the task's whole text, as TaskRow.text */
  text: string;
  line: number;
}

export interface UnitRow {
  /** canonical name */
  name: string;
  /** other spellings in the plan that were mapped to this name (config `units` aliases) */
  aliases: string[];
  lead: TaskRef[];
  responsible: TaskRef[];
  cooperating: TaskRef[];
  guiding: TaskRef[];
  counts: { lead: number; responsible: number; cooperating: number; guiding: number; total: number };
}

export interface TaskTable {
  documents: TableDocument[];
  tasks: TaskRow[];
  units: UnitRow[];
}

// Small hand-built plan models for the table builder and renderers: exact spans computed from the
// text, so the tests do not depend on the parser's heuristics.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { PlanDocument, PlanItem, UnitClause, UnitRole, Deadline, Paragraph } from '../../server/src/engine/model/types.js';

export interface TaskSpec {
  /** engine path with its delimiter: `一、1.` */
  path: string;
  /** the marker as written at the start of the line: `1.` */
  marker: string;
  line: string;
  clauses?: { text: string; units: [string, UnitRole, boolean?][]; byRemit?: boolean }[];
  deadlines?: { text: string; date?: string }[];
  inherited?: string;
}

export function miniPlan(spec: { title?: string; year?: number; tasks: TaskSpec[]; extraLines?: string[] }): PlanDocument {
  const lines: string[] = [];
  if (spec.title) lines.push(spec.title, '');
  for (const l of spec.extraLines ?? []) lines.push(l);
  const taskLines: number[] = [];
  for (const t of spec.tasks) {
    taskLines.push(lines.length);
    lines.push(t.line, '');
  }
  const text = lines.join('\n');
  const lineStart = (n: number) => lines.slice(0, n).reduce((a, l) => a + l.length + 1, 0);
  const paragraphs: Paragraph[] = lines.map((l, i) => ({ span: { start: lineStart(i), end: lineStart(i) + l.length }, content: { start: lineStart(i), end: lineStart(i) + l.length }, line: i }));
  const tasks: PlanItem[] = spec.tasks.map((t, id) => {
    const ln = taskLines[id]!;
    const base = lineStart(ln);
    const mAt = t.line.indexOf(t.marker);
    if (mAt < 0) throw new Error(`marker ${t.marker} not in ${t.line}`);
    const titleStart = base + mAt + t.marker.length;
    const stop = t.line.indexOf('。', mAt);
    const titleEnd = stop < 0 ? base + t.line.length : base + stop;
    const unitClauses: UnitClause[] = (t.clauses ?? []).map((c) => {
      const at = t.line.indexOf(c.text);
      if (at < 0) throw new Error(`clause ${c.text} not in ${t.line}`);
      const start = base + at;
      return {
        span: { start, end: start + c.text.length },
        inner: { start: start + 1, end: start + c.text.length - 1 },
        form: 'bracketed',
        byRemit: c.byRemit ?? false,
        units: c.units.map(([name, role, separately]) => {
          const u = c.text.indexOf(name);
          const s = u < 0 ? start : start + u;
          return { name, role, span: { start: s, end: s + name.length }, ...(separately ? { separately: true } : {}) };
        }),
      } as UnitClause;
    });
    const deadlines: Deadline[] = (t.deadlines ?? []).map((d) => {
      const at = t.line.indexOf(d.text);
      return { text: d.text, span: { start: base + at, end: base + at + d.text.length }, ...(d.date ? { date: d.date } : {}) };
    });
    const item = {
      id,
      marker: { rank: 3, value: id + 1, raw: t.marker, span: { start: base + mAt, end: titleStart }, delimiter: '.', expectedDelimiter: '.' },
      title: text.slice(titleStart, titleEnd),
      titleSpan: { start: titleStart, end: titleEnd },
      heading: paragraphs[ln]!,
      body: [],
      span: { start: base, end: base + t.line.length },
      children: [],
      depth: 1,
      path: t.path,
      isTask: true,
      unitClauses,
      units: unitClauses.flatMap((c) => c.units),
      deadlines,
      enumerations: [],
      ...(t.inherited ? { inheritedUnits: { from: { start: 0, end: 0 }, text: t.inherited } } : {}),
    } as unknown as PlanItem;
    return item;
  });
  return {
    text,
    kind: 'plan',
    ...(spec.title ? { title: { text: spec.title, span: { start: 0, end: spec.title.length } } } : {}),
    ...(spec.year ? { year: spec.year } : {}),
    preamble: [],
    items: tasks,
    allItems: tasks,
    tasks,
    closing: [],
    paragraphs,
    schemes: {},
    pairProblems: [],
    firstListedLeads: false,
    headingClauses: [],
  } as unknown as PlanDocument;
}

/** Three tasks touching every column and every quoting hazard of the text formats. */
export const SAMPLE = miniPlan({
  title: '某局2021年工作要点',
  year: 2021,
  tasks: [
    {
      path: '一、1.',
      marker: '1.',
      line: '1. 梳理规范性文件，动态更新。8月底前完成清理。（办公室牵头，各处室、“信息中心”配合）',
      clauses: [{ text: '（办公室牵头，各处室、“信息中心”配合）', units: [['办公室', 'lead'], ['各处室', 'cooperating'], ['“信息中心”', 'cooperating']] }],
      deadlines: [{ text: '8月底前', date: '2021-08-31' }],
    },
    {
      path: '一、2.',
      marker: '2.',
      line: '2. 完善权责清单|公开"职能",依法公开。（审批处、人事处分别牵头，厅 办公室配合；省厅指导）',
      clauses: [
        {
          text: '（审批处、人事处分别牵头，厅 办公室配合；省厅指导）',
          units: [['审批处', 'lead', true], ['人事处', 'lead', true], ['厅 办公室', 'cooperating'], ['省厅', 'guiding']],
        },
      ],
      deadlines: [{ text: '持续推进' }],
    },
    {
      path: '二、3.',
      marker: '3.',
      line: '3. 做好解读工作，提供支撑(各处室按职责分工负责)',
      clauses: [{ text: '(各处室按职责分工负责)', units: [['各处室', 'responsible']], byRemit: true }],
    },
  ],
});

/** ajv (draft 2020-12, strict) compiled against schemas/plan.schema.json */
export function validator() {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8'));
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

// fengong/taskTablePreview: the 任务分工表 preview in the editor and in the web page (web/), laid out
// by the export code. Pure (no node: imports), so the page bundles this very function.
import { officeTable } from '../table/office.js';
import type { TaskTablePreviewParams, TaskTablePreviewResult } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { toRange } from './convert.js';
import { headingSpan } from './features.js';

/** The table laid out as the docx/xlsx exports lay it out, each task row with its heading's range. */
export function taskTablePreview(a: Analysis, p: TaskTablePreviewParams): TaskTablePreviewResult {
  const o = officeTable(a.table, p.by === 'unit' ? 'unit' : 'task', { locale: a.config.locale, withBody: !!p.withBody });
  const rows = o.rows.map((r) => {
    if (r.kind === 'section') return r;
    const task = a.table.tasks[r.task]!;
    const item = a.itemByLine(task.line - 1);
    const start = { line: task.line - 1, character: 0 };
    return { kind: 'task' as const, cells: r.cells, range: item ? toRange(a.lines, headingSpan(item)) : { start, end: start } };
  });
  return { title: o.title, notes: o.notes, columns: o.columns, rows };
}

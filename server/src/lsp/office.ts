// fengong/taskTablePreview and fengong/wordText: the 任务分工表 preview in the editor, and the text
// of a Word document for its read-only view. Kept apart from server.ts, which only registers them.
import { fileURLToPath } from 'node:url';
import { officeTable } from '../table/office.js';
import type { TaskTablePreviewParams, TaskTablePreviewResult, WordTextResult } from '../protocol.js';
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

/** The extracted text of the office file (Word, WPS, Excel) at a file: URI, or what is wrong with it. */
export async function wordText(uri: string, locale: 'zh' | 'en'): Promise<WordTextResult> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { error: `not a file: URI: ${uri}` };
  }
  const { readPlanSource } = await import('../io/word-source.js');
  const r = await readPlanSource(path);
  return r.ok ? { text: r.text } : { error: r.error.message[locale] };
}

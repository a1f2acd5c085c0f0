// The 任务分工表 beside the plan, as VS Code's preview shows it: the layout the docx and xlsx
// exports draw (taskTablePreview → officeTable), by task or by unit; a click on a task row goes to
// the task. Exports are generated in the page by the CLI's own writers (server/src/table).
import { renderTable, type TableFormat, type TableView } from '../../server/src/table/render.js';
import type { TaskTablePreviewResult } from '../../server/src/protocol.js';
import type { Analysis } from '../../server/src/lsp/analysis.js';
import { taskTablePreview } from '../../server/src/lsp/office.js';
import { officeTitle } from '../../server/src/table/office.js';
import { escapeHtml } from './text-view.js';
import { loadOfficeLibraries } from './office-libs.js';

const CENTER = ['number', 'role', 'deadline'];

export function tableHtml(a: Analysis, by: TableView): { html: string; table: TaskTablePreviewResult } {
  const t = taskTablePreview(a, { uri: a.uri, by });
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const cols = t.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
  const head = t.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const rows = t.rows.map((r) => r.kind === 'section'
    ? `<tr class="section d${r.depth}"><td colspan="${t.columns.length}">${escapeHtml(r.text)}</td></tr>`
    : `<tr class="task" data-line="${r.range.start.line}">${r.cells.map((c, k) => `<td${CENTER.includes(t.columns[k]!.key) ? ' class="c"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`);
  const notes = t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  const html = `<h2 class="sheet-title">${escapeHtml(t.title)}</h2>${notes}<table class="sheet"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return { html, table: t };
}

const MIME: Record<TableFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
};

/** The exported file, named as an office would file it: `XX工作要点任务分工表.docx`. */
export async function exportTable(a: Analysis, format: TableFormat, by: TableView): Promise<{ name: string; bytes: Uint8Array; mime: string }> {
  if (format === 'docx' || format === 'xlsx') await loadOfficeLibraries();
  const bytes = await renderTable(a.table, format, by, { locale: a.config.locale });
  const base = officeTitle(a.plan.title?.text, a.config.locale).replace(/[\\/:*?"<>|]/g, '_');
  return { name: `${base}.${format}`, bytes, mime: MIME[format] };
}

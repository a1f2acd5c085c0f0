// The 任务分工表 beside the plan, as VS Code's preview shows it: the layout the docx and xlsx
// exports draw (taskTablePreview → officeTable), by task or by unit; a click on a task row goes to
// the task. Exports are generated in the page by the CLI's own writers (server/src/table).
import { renderTable, type TableFormat, type TableView } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';
import type { TaskTablePreviewResult } from '../../server/src/protocol.js';
import type { Analysis } from '../../server/src/lsp/analysis.js';
import { taskTablePreview } from '../../server/src/lsp/office.js';
import { officeTitle } from '../../server/src/table/office.js';
import { escapeHtml } from './text-view.js';
import { text } from '../../server/src/i18n/catalogue.js';
import { loadOfficeLibraries } from './office-libs.js';

const CENTER = ['number', 'role', 'deadline'];
/** columns a click on the header sorts by, as in the VS Code preview */
const SORTABLE = ['lead', 'units', 'guiding'];

/** Sorted by a unit column (ascending, descending; a third click restores document order). */
export interface SheetSort { col: number; dir: 1 | -1 }

export function nextSort(sort: SheetSort | undefined, col: number): SheetSort | undefined {
  if (!sort || sort.col !== col) return { col, dir: 1 };
  return sort.dir > 0 ? { col, dir: -1 } : undefined;
}

type Row = TaskTablePreviewResult['rows'][number];

/** Sorted, the group rows no longer describe what follows them and are left out; empty cells last. */
function sortedRows(rows: Row[], sort: SheetSort | undefined): Row[] {
  if (!sort) return rows;
  const key = (r: Row) => (r.kind === 'task' ? r.cells[sort.col] || '\uffff' : '');
  return rows.map((r, i) => ({ r, i })).filter((x) => x.r.kind === 'task')
    .sort((a, b) => sort.dir * key(a.r).localeCompare(key(b.r), 'zh-Hans-CN') || a.i - b.i).map((x) => x.r);
}

function rowHtml(r: Row, t: TaskTablePreviewResult): string {
  if (r.kind === 'section') return `<tr class="section d${r.depth}"><td colspan="${t.columns.length}">${escapeHtml(r.text)}</td></tr>`;
  const cells = r.cells.map((c, k) => `<td${CENTER.includes(t.columns[k]!.key) ? ' class="c"' : ''}>${escapeHtml(c)}</td>`).join('');
  return `<tr class="task" data-line="${r.range.start.line}" tabindex="0">${cells}</tr>`;
}

export function tableHtml(a: Analysis, by: TableView, sort?: SheetSort): string {
  const locale = a.config.locale;
  const t = taskTablePreview(a, { uri: a.uri, by });
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const cols = t.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(2)}%">`).join('');
  const head = t.columns.map((c, i) => {
    const arrow = sort?.col === i ? `<span class="arrow">${sort.dir > 0 ? ' ▲' : ' ▼'}</span>` : '';
    return SORTABLE.includes(c.key) ? `<th class="sortable" data-col="${i}">${escapeHtml(c.header)}${arrow}</th>` : `<th>${escapeHtml(c.header)}</th>`;
  }).join('');
  const rows = sortedRows(t.rows, sort).map((r) => rowHtml(r, t)).join('');
  const notes = t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  const after = t.rows.length ? `<p class="hint">${escapeHtml(text(locale, 'client.sortHint'))}</p>` : `<p class="none">${escapeHtml(text(locale, 'client.emptyTable'))}</p>`;
  return `<h2 class="sheet-title">${escapeHtml(t.title)}</h2>${notes}<table class="sheet"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${after}`;
}

const MIME: Record<TableFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
};

/** The exported file, named as an office would file it: `XX工作要点任务分工表.docx`. */
export async function exportTable(a: Analysis, table: TaskTable, format: TableFormat, by: TableView): Promise<{ name: string; bytes: Uint8Array; mime: string }> {
  if (format === 'docx' || format === 'xlsx') await loadOfficeLibraries();
  const bytes = await renderTable(table, format, by, { locale: a.config.locale });
  const base = officeTitle(a.plan.title?.text, a.config.locale).replace(/[\\/:*?"<>|]/g, '_');
  return { name: `${base}.${format}`, bytes, mime: MIME[format] };
}

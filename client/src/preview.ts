// The 任务分工表 preview: a webview beside the plan showing the table exactly as the docx/xlsx export
// lays it out (title, group rows, columns), sortable by unit, a click on a row reveals the task in the
// editor, refreshed after every lint of the plan, with export buttons. The server lays the table out
// (fengong/taskTablePreview); this only draws it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat, LspRange, TableViewName, TaskTablePreviewResult } from '../../server/src/protocol.js';

export interface PreviewHost {
  /** the server's layout of the plan's table, or an error message */
  fetch(uri: vscode.Uri, by: TableViewName): Promise<TaskTablePreviewResult>;
  export(uri: vscode.Uri, format: ExportFormat, by: TableViewName): Promise<void>;
  text(key: PreviewText): string;
}

export type PreviewText = 'previewTitle' | 'byTask' | 'byUnit' | 'sortHint' | 'exportAs' | 'empty';

type FromWebview =
  | { type: 'reveal'; row: number }
  | { type: 'view'; by: TableViewName }
  | { type: 'export'; format: ExportFormat }
  | { type: 'ready' };

export class TaskTablePreview {
  private static readonly panels = new Map<string, TaskTablePreview>();
  private by: TableViewName = 'task';
  private rows: TaskTablePreviewResult['rows'] = [];
  private generation = 0;

  /** Opens (or shows) the preview of a plan beside its editor. */
  static show(uri: vscode.Uri, host: PreviewHost, context: vscode.ExtensionContext): TaskTablePreview {
    const key = uri.toString();
    const open = TaskTablePreview.panels.get(key);
    if (open) {
      open.panel.reveal(vscode.ViewColumn.Beside, true);
      return open;
    }
    const panel = vscode.window.createWebviewPanel('fengong.taskTablePreview', `${host.text('previewTitle')}：${path.posix.basename(uri.path)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] });
    const p = new TaskTablePreview(uri, panel, host);
    TaskTablePreview.panels.set(key, p);
    panel.onDidDispose(() => TaskTablePreview.panels.delete(key), null, context.subscriptions);
    return p;
  }

  /** The plan was linted again: every preview of it redraws. */
  static planChanged(uri: string): void {
    TaskTablePreview.panels.get(vscode.Uri.parse(uri).toString())?.refresh();
  }

  private constructor(private readonly uri: vscode.Uri, readonly panel: vscode.WebviewPanel, private readonly host: PreviewHost) {
    panel.webview.html = this.html();
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m));
  }

  private async receive(m: FromWebview): Promise<void> {
    if (m.type === 'ready') return this.refresh();
    if (m.type === 'view') {
      this.by = m.by;
      return this.refresh();
    }
    if (m.type === 'export') return this.host.export(this.uri, m.format, this.by);
    const row = this.rows[m.row];
    if (row?.kind === 'task') await reveal(this.uri, row.range);
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    try {
      const table = await this.host.fetch(this.uri, this.by);
      if (gen !== this.generation) return; // a newer refresh is under way
      this.rows = table.rows;
      void this.panel.webview.postMessage({ type: 'table', by: this.by, table });
    } catch (e) {
      if (gen !== this.generation) return;
      void this.panel.webview.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private html(): string {
    const nonce = Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
    const t = (k: PreviewText) => escapeHtml(this.host.text(k));
    const formats: ExportFormat[] = ['docx', 'xlsx', 'csv', 'md'];
    return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">${CSS}</style></head><body>
<div class="bar">
  <span class="views"><button data-view="task" class="on">${t('byTask')}</button><button data-view="unit">${t('byUnit')}</button></span>
  <span class="export">${t('exportAs')} ${formats.map((f) => `<button data-export="${f}">${f}</button>`).join('')}</span>
</div>
<h1 id="title"></h1><div id="notes"></div>
<table id="table"><colgroup id="cols"></colgroup><thead><tr id="head"></tr></thead><tbody id="body"></tbody></table>
<p id="empty" hidden>${t('empty')}</p><p class="hint">${t('sortHint')}</p>
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
  }
}

async function reveal(uri: vscode.Uri, r: LspRange): Promise<void> {
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  // the plan's own editor if it is showing, else the first column
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const CSS = `
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "Noto Serif CJK SC", serif; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
.bar { display: flex; justify-content: space-between; gap: 8px; padding: 8px 0; font-family: var(--vscode-font-family); font-size: 12px; position: sticky; top: 0; background: var(--vscode-editor-background); }
.bar button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 0; padding: 3px 9px; margin-left: 2px; cursor: pointer; }
.bar button.on { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
h1 { font-family: "方正小标宋简体", "黑体", SimHei, "Noto Serif CJK SC", serif; font-weight: 900; font-size: 20px; text-align: center; margin: 12px 0; }
#notes p { color: var(--vscode-errorForeground); font-weight: bold; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 14px; }
th, td { border: 1px solid var(--vscode-editor-foreground); padding: 4px 6px; vertical-align: middle; white-space: pre-wrap; word-break: break-all; }
th { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; }
th.sortable { cursor: pointer; text-decoration: underline dotted; }
th .arrow { font-size: 10px; }
tr.section td { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
tr.section.d2 td { font-family: "楷体_GB2312", "楷体", KaiTi, "Noto Serif CJK SC", serif; }
tr.task { cursor: pointer; }
tr.task:hover td { background: var(--vscode-list-hoverBackground); }
td.c { text-align: center; }
.hint { font-family: var(--vscode-font-family); font-size: 11px; opacity: .7; }
`;

// The webview's own script: draws the table the extension posts, sorts by a unit column on a header
// click (document order again on the third), and posts row clicks, view and export choices back.
const SCRIPT = `
const vscode = acquireVsCodeApi();
const $ = (id) => document.getElementById(id);
let table = null, sort = null;
const SORTABLE = ['lead', 'units', 'guiding'];
const CENTER = ['number', 'role', 'deadline'];
function cell(tag, text, cls) { const e = document.createElement(tag); e.textContent = text; if (cls) e.className = cls; return e; }
function draw() {
  const t = table;
  $('title').textContent = t.title;
  $('notes').replaceChildren(...t.notes.map((n) => cell('p', n)));
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  $('cols').replaceChildren(...t.columns.map((c) => { const e = document.createElement('col'); e.style.width = (100 * c.width / total).toFixed(2) + '%'; return e; }));
  $('head').replaceChildren(...t.columns.map((c, i) => {
    const th = cell('th', c.header, SORTABLE.includes(c.key) ? 'sortable' : '');
    if (sort && sort.col === i) th.append(cell('span', sort.dir > 0 ? ' ▲' : ' ▼', 'arrow'));
    th.dataset.col = i;
    return th;
  }));
  let rows = t.rows.map((r, i) => ({ r, i }));
  if (sort) {
    // sorted by a unit: the group rows no longer describe what follows them
    const key = (x) => x.r.cells[sort.col] || '\\uffff';
    rows = rows.filter((x) => x.r.kind === 'task').sort((a, b) => sort.dir * key(a).localeCompare(key(b), 'zh-Hans-CN') || a.i - b.i);
  }
  $('body').replaceChildren(...rows.map(({ r, i }) => {
    const tr = document.createElement('tr');
    tr.dataset.row = i;
    if (r.kind === 'section') {
      tr.className = 'section d' + r.depth;
      const td = cell('td', r.text);
      td.colSpan = t.columns.length;
      tr.append(td);
    } else {
      tr.className = 'task';
      r.cells.forEach((c, k) => tr.append(cell('td', c, CENTER.includes(t.columns[k].key) ? 'c' : '')));
    }
    return tr;
  }));
  $('empty').hidden = t.rows.length > 0;
}
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'table') {
    if (!table || table.columns.map((c) => c.key).join() !== m.table.columns.map((c) => c.key).join()) sort = null;
    table = m.table;
    document.querySelectorAll('[data-view]').forEach((b) => b.classList.toggle('on', b.dataset.view === m.by));
    draw();
  } else if (m.type === 'error') {
    $('empty').hidden = false;
    $('empty').textContent = m.message;
  }
});
document.addEventListener('click', (e) => {
  const el = e.target.closest('[data-view],[data-export],th.sortable,tr.task');
  if (!el) return;
  if (el.dataset.view) vscode.postMessage({ type: 'view', by: el.dataset.view });
  else if (el.dataset.export) vscode.postMessage({ type: 'export', format: el.dataset.export });
  else if (el.tagName === 'TH') {
    const col = Number(el.dataset.col);
    sort = !sort || sort.col !== col ? { col, dir: 1 } : sort.dir > 0 ? { col, dir: -1 } : null;
    draw();
  } else vscode.postMessage({ type: 'reveal', row: Number(el.dataset.row) });
});
vscode.postMessage({ type: 'ready' });
`;

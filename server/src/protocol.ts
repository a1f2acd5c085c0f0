// fengong's own LSP requests and notifications, shared by the server (server/src/lsp) and the VS Code
// client (client/src): one place for their names, parameters and results, and for the docs URL
// diagnostics link to. Plain shapes and strings only: the client bundles this file on its own.

/** The rules' documentation; a diagnostic's codeDescription is `${DOCS_URL}#${ruleId}`. */
export const DOCS_URL = 'https://github.com/fengong/fengong/blob/main/docs/rules.md';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export type UnitRoleName = 'lead' | 'responsible' | 'cooperating' | 'guiding';
export type TableViewName = 'task' | 'unit';

/** `fengong/taskTable`: the units of an open plan with their tasks (the 任务分工 tree). */
export const TASK_TABLE_REQUEST = 'fengong/taskTable';
export interface TaskTableParams { uri: string }
export interface TaskTableTask { path: string; title: string; role: UnitRoleName; range: LspRange }
export interface TaskTableUnit { name: string; tasks: TaskTableTask[] }
export interface TaskTableResult { units: TaskTableUnit[] }

/** `fengong/exportTaskTable`: the table as `fengong table` writes it, base64. */
export const EXPORT_TASK_TABLE_REQUEST = 'fengong/exportTaskTable';
/** the formats `fengong table` writes and the server exports: the one list (the CLI's --format
 *  choices, the export request's validation and its error message read it) */
export const TABLE_FORMATS = ['md', 'csv', 'json', 'xlsx', 'docx'] as const;
export type ExportFormat = (typeof TABLE_FORMATS)[number];
export const TABLE_VIEWS = ['task', 'unit'] as const;
export interface ExportTaskTableParams { uri: string; format: ExportFormat; by: TableViewName; withBody?: boolean }
export interface ExportTaskTableResult { contentBase64: string }

/** `fengong/taskTablePreview`: the table as the office formats lay it out, for the preview webview. */
export const TASK_TABLE_PREVIEW_REQUEST = 'fengong/taskTablePreview';
export interface TaskTablePreviewParams { uri: string; by: TableViewName; withBody?: boolean }
export type PreviewRow =
  | { kind: 'section'; text: string; depth: number }
  /** `range`: the task's heading in the plan, revealed when the row is clicked */
  | { kind: 'task'; cells: string[]; range: LspRange };
export interface TaskTablePreviewResult {
  title: string;
  notes: string[];
  columns: { key: string; header: string; width: number }[];
  rows: PreviewRow[];
}

/** `fengong/wordText`: the text of a Word document (a `file:` URI) as the engine reads it. */
export const WORD_TEXT_REQUEST = 'fengong/wordText';
export interface WordTextParams { uri: string }
export type WordTextResult = { text: string } | { error: string };

/** Sent once the lints of an open plan paused for PLAN_CHANGED_QUIET_MS (typing: once it stops),
 *  so views of it can refresh. */
export const PLAN_CHANGED_NOTIFICATION = 'fengong/planChanged';
export const PLAN_CHANGED_QUIET_MS = 300;
export interface PlanChangedParams { uri: string }

/** URI scheme of the read-only text view of a Word document: `fengong-word:/path/计划.docx.txt?<file URI>` */
export const WORD_SCHEME = 'fengong-word';

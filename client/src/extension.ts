// The VS Code side of fengong: starts the language server (dist/server.cjs) and adds what LSP has no
// standard for — the 任务分工 tree, the task-table export and the "treat this .txt as a plan" switch.
// Everything about plans themselves (diagnostics, outline, hover, fixes) comes from the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  RequestType,
  NotificationType,
  type ServerOptions,
  TransportKind,
  State,
} from 'vscode-languageclient/node';
import {
  EXPORT_TASK_TABLE_REQUEST, PLAN_CHANGED_NOTIFICATION, TASK_TABLE_PREVIEW_REQUEST, TASK_TABLE_REQUEST, WORD_SCHEME, WORD_TEXT_REQUEST,
  type ExportFormat, type ExportTaskTableParams, type ExportTaskTableResult, type LspRange, type PlanChangedParams, type TableViewName,
  type TaskTableParams, type TaskTablePreviewParams, type TaskTablePreviewResult, type TaskTableResult, type TaskTableTask, type TaskTableUnit,
  type WordTextParams, type WordTextResult,
} from '../../server/src/protocol.js';
import { TaskTablePreview, type PreviewText } from './preview.js';
import { roleNameOrSelf, text, type MessageData, type MessageId } from '../../server/src/i18n/catalogue.js';

const LANGUAGE_ID = 'workplan';

// ---- fengong's own requests: names and shapes from the module the server uses too ----

const TaskTableRequest = new RequestType<TaskTableParams, TaskTableResult | null, void>(TASK_TABLE_REQUEST);
const ExportTaskTableRequest = new RequestType<ExportTaskTableParams, ExportTaskTableResult, void>(EXPORT_TASK_TABLE_REQUEST);
const PreviewRequest = new RequestType<TaskTablePreviewParams, TaskTablePreviewResult, void>(TASK_TABLE_PREVIEW_REQUEST);
const WordTextRequest = new RequestType<WordTextParams, WordTextResult, void>(WORD_TEXT_REQUEST);
const PlanChangedNotification = new NotificationType<PlanChangedParams>(PLAN_CHANGED_NOTIFICATION);

// ---- extension-side strings (package.nls*.json covers the manifest; these are runtime messages) ----


/** Chinese when the `fengong.locale` setting or VS Code's display language says so. */
function isZh(): boolean {
  const setting = vscode.workspace.getConfiguration('fengong').get<string>('locale', 'auto');
  if (setting === 'zh') return true;
  if (setting === 'en') return false;
  return vscode.env.language.toLowerCase().startsWith('zh');
}
function t(id: MessageId, data: MessageData = {}): string {
  return text(isZh() ? 'zh' : 'en', id, data);
}
function roleLabel(role: string): string {
  return roleNameOrSelf(isZh() ? 'zh' : 'en', role);
}
const PREVIEW_TEXT: Record<PreviewText, MessageId> = {
  previewTitle: 'client.previewTitle', byTask: 'client.byTask', byUnit: 'client.byUnit', sortHint: 'client.sortHint', exportAs: 'client.exportAs', empty: 'client.emptyTable',
};

// ---- state ----

let client: LanguageClient | undefined;
let clientStarting: Promise<void> | undefined;

function isPlainTxt(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'plaintext' && doc.uri.path.toLowerCase().endsWith('.txt');
}

async function startClient(context: vscode.ExtensionContext, tree: TaskTableProvider): Promise<void> {
  if (client) return;
  if (clientStarting) return clientStarting;
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // the read-only text view of a Word document
      { scheme: WORD_SCHEME, language: LANGUAGE_ID },
    ],
    initializationOptions: { locale: vscode.env.language },
    synchronize: {
      configurationSection: 'fengong',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.fengongrc.json'),
    },
  };
  const c = new LanguageClient('fengong', 'fengong', serverOptions, clientOptions);
  clientStarting = (async () => {
    context.subscriptions.push(
      c.onNotification(PlanChangedNotification, (p) => { tree.onPlanChanged(p.uri); TaskTablePreview.planChanged(p.uri); }),
      c.onDidChangeState((e) => { if (e.newState === State.Running) tree.refresh(); }),
    );
    await c.start();
    client = c;
    tree.refresh();
  })();
  try {
    await clientStarting;
  } finally {
    clientStarting = undefined;
  }
}

// ---- 任务分工 tree: unit → tasks ----

type Node =
  | { kind: 'unit'; unit: TaskTableUnit; uri: vscode.Uri }
  | { kind: 'task'; task: TaskTableTask; unit: string; uri: vscode.Uri };

const roleIcon: Record<string, string> = {
  lead: 'star-full',
  responsible: 'pass',
  cooperating: 'organization',
  guiding: 'compass',
};

class TaskTableProvider implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** the plan the view shows: the active plan editor, or the last one while another editor has focus */
  private uri: vscode.Uri | undefined;
  private units: TaskTableUnit[] = [];
  private generation = 0;
  view: vscode.TreeView<Node> | undefined;

  /** Follows the active editor; keeps the last plan while a non-plan editor is active. */
  track(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.languageId === LANGUAGE_ID) {
      if (this.uri?.toString() !== editor.document.uri.toString()) {
        this.uri = editor.document.uri;
        this.refresh();
      }
    }
  }

  forget(doc: vscode.TextDocument): void {
    if (this.uri?.toString() === doc.uri.toString()) {
      this.uri = undefined;
      this.units = [];
      this.update();
    }
  }

  onPlanChanged(uri: string): void {
    if (this.uri && this.uri.toString() === vscode.Uri.parse(uri).toString()) this.refresh();
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const uri = this.uri;
    if (!uri || !client) {
      this.units = [];
      this.update();
      return;
    }
    try {
      const result = await client.sendRequest(TaskTableRequest, { uri: uri.toString() });
      if (gen !== this.generation) return; // a newer refresh is under way
      this.units = result?.units ?? [];
    } catch (e) {
      if (gen !== this.generation) return;
      this.units = [];
      client.outputChannel.appendLine(`fengong/taskTable failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.update();
  }

  private update(): void {
    if (this.view) {
      this.view.description = this.uri ? path.posix.basename(this.uri.path) : undefined;
      this.view.message = this.uri && this.units.length === 0 ? t('client.emptyTable') : undefined;
    }
    this.emitter.fire();
  }

  getChildren(node?: Node): Node[] {
    const uri = this.uri;
    if (!uri) return [];
    if (!node) return this.units.map((unit) => ({ kind: 'unit', unit, uri }));
    if (node.kind === 'unit') return node.unit.tasks.map((task) => ({ kind: 'task', task, unit: node.unit.name, uri }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'unit') {
      const item = new vscode.TreeItem(node.unit.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `unit:${node.unit.name}`;
      item.description = node.unit.tasks.length === 1 ? t('client.task1') : t('client.tasks', { n: node.unit.tasks.length });
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'fengong.unit';
      return item;
    }
    const { task } = node;
    const item = new vscode.TreeItem(`${task.path} ${task.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `task:${node.unit}:${task.path}:${task.role}`;
    item.description = roleLabel(task.role);
    item.tooltip = `${task.path} ${task.title}\n${node.unit}：${roleLabel(task.role)}`;
    item.iconPath = new vscode.ThemeIcon(roleIcon[task.role] ?? 'circle-outline');
    item.contextValue = 'fengong.task';
    item.command = {
      command: 'fengong.revealTask',
      title: task.title,
      arguments: [node.uri, task.range],
    };
    return item;
  }
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

// ---- commands ----

async function treatAsPlan(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(t('client.noEditor'));
    return;
  }
  if (editor.document.languageId === LANGUAGE_ID) return;
  if (!editor.document.uri.path.toLowerCase().endsWith('.txt') && editor.document.languageId !== 'plaintext') {
    void vscode.window.showWarningMessage(t('client.notPlainText'));
    return;
  }
  await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
}

function activePlanEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showWarningMessage(t('client.noPlan'));
  return undefined;
}

async function fixAll(): Promise<void> {
  const editor = activePlanEditor();
  if (!editor) return;
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  // Ask for the server's source.fixAll.fengong action directly (resolving it if it is lazy) rather
  // than `editor.action.sourceAction`, which would show a menu when several actions exist.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.fengong', 1,
  );
  const action = actions?.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('fengong').contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage(t('client.noFixes'));
    return;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

async function exportTaskTable(context: vscode.ExtensionContext, tree: TaskTableProvider, arg?: vscode.Uri, preset?: { format: ExportFormat; by: TableViewName }): Promise<void> {
  let uri = arg instanceof vscode.Uri ? arg : undefined;
  if (!uri) uri = activePlanEditor()?.document.uri;
  if (!uri) return;
  await startClient(context, tree);
  if (!client) {
    void vscode.window.showErrorMessage(t('client.serverNotReady'));
    return;
  }
  const formats: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { label: 'docx', description: t('client.fmtDocx'), format: 'docx' },
    { label: 'xlsx', description: t('client.fmtXlsx'), format: 'xlsx' },
    { label: 'csv', description: t('client.fmtCsv'), format: 'csv' },
    { label: 'md', description: t('client.fmtMd'), format: 'md' },
    { label: 'json', description: t('client.fmtJson'), format: 'json' },
  ];
  // the preview's export buttons say the format and the view already
  const fmt = preset ? formats.find((f) => f.format === preset.format) : await vscode.window.showQuickPick(formats, { title: t('client.pickFormat'), placeHolder: t('client.pickFormat') });
  if (!fmt) return;
  const bys: (vscode.QuickPickItem & { by: 'task' | 'unit' })[] = [
    { label: t('client.byTask'), detail: t('client.byTaskDetail'), by: 'task' },
    { label: t('client.byUnit'), detail: t('client.byUnitDetail'), by: 'unit' },
  ];
  const by = preset ? bys.find((b) => b.by === preset.by) : await vscode.window.showQuickPick(bys, { title: t('client.pickBy'), placeHolder: t('client.pickBy') });
  if (!by) return;

  const base = path.posix.basename(uri.path).replace(/(\.(docx?|wps|xlsx|xlsm))?(\.plan)?\.(txt|plan)$/i, '');
  const suffix = isZh() ? (by.by === 'task' ? '任务分工表' : '按单位') : (by.by === 'task' ? 'tasks' : 'units');
  const source = uri.scheme === WORD_SCHEME ? vscode.Uri.parse(uri.query) : uri;
  const dir = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${base}-${suffix}.${fmt.format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: dir ? vscode.Uri.joinPath(dir, name) : undefined,
    filters: { [fmt.description ?? fmt.label]: [fmt.format] },
    saveLabel: t('client.saveLabel'),
  });
  if (!target) return;
  try {
    const res = await client.sendRequest(ExportTaskTableRequest, { uri: uri.toString(), format: fmt.format, by: by.by });
    await vscode.workspace.fs.writeFile(target, Buffer.from(res.contentBase64, 'base64'));
  } catch (e) {
    void vscode.window.showErrorMessage(t('client.failed', { message: e instanceof Error ? e.message : String(e) }));
    return;
  }
  const shown = target.scheme === 'file' ? target.fsPath : target.toString();
  const choice = await vscode.window.showInformationMessage(t('client.exported', { file: shown }), t('client.open'));
  if (choice) {
    if (fmt.format === 'xlsx' || fmt.format === 'docx') await vscode.env.openExternal(target);
    else await vscode.window.showTextDocument(target);
  }
}

async function revealTask(uri: vscode.Uri, range: LspRange): Promise<void> {
  const r = toRange(range);
  const editor = await vscode.window.showTextDocument(uri, { selection: r, preserveFocus: false });
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

// ---- the 任务分工表 preview ----

async function previewTaskTable(context: vscode.ExtensionContext, tree: TaskTableProvider, arg?: vscode.Uri): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : activePlanEditor()?.document.uri;
  if (!uri) return;
  await startClient(context, tree);
  TaskTablePreview.show(uri, {
    fetch: async (u, by) => {
      if (!client) throw new Error(t('client.serverNotReady'));
      return client.sendRequest(PreviewRequest, { uri: u.toString(), by });
    },
    export: (u, format, by) => exportTaskTable(context, tree, u, { format, by }),
    text: (key: PreviewText) => t(PREVIEW_TEXT[key]),
  }, context);
}

// ---- Word documents: a read-only text view of what fengong reads, checked like any plan ----

/** `fengong-word:/…/计划.docx.txt?file:///…/计划.docx` */
function wordViewUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: WORD_SCHEME, path: `${file.path}.txt`, query: file.toString() });
}

class WordTextProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly context: vscode.ExtensionContext, private readonly tree: TaskTableProvider) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await startClient(this.context, this.tree);
    if (!client) throw new Error(t('client.serverNotReady'));
    const r = await client.sendRequest(WordTextRequest, { uri: uri.query });
    if ('error' in r) throw new Error(r.error);
    return r.text;
  }
}

async function openWordPlan(context: vscode.ExtensionContext, tree: TaskTableProvider, arg?: vscode.Uri, column?: vscode.ViewColumn): Promise<void> {
  const file = arg instanceof vscode.Uri ? arg : undefined;
  if (!file) return;
  try {
    await startClient(context, tree);
    const doc = await vscode.workspace.openTextDocument(wordViewUri(file));
    const plan = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    await vscode.window.showTextDocument(plan, { viewColumn: column ?? vscode.ViewColumn.Active, preview: false });
  } catch (e) {
    void vscode.window.showErrorMessage(t('client.wordFailed', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/** Opening a .docx, .doc, .wps or .xlsx in VS Code (which cannot show one) opens its text view instead. */
class WordPlanEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly context: vscode.ExtensionContext, private readonly tree: TaskTableProvider) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const column = panel.viewColumn;
    panel.webview.html = '<!DOCTYPE html><html><body></body></html>';
    await openWordPlan(this.context, this.tree, document.uri, column);
    panel.dispose();
  }
}

// ---- activation ----

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const tree = new TaskTableProvider();
  const view = vscode.window.createTreeView('fengong.taskTable', { treeDataProvider: tree, showCollapseAll: true });
  tree.view = view;

  const maybeAdopt = async (doc: vscode.TextDocument) => {
    if (vscode.workspace.getConfiguration('fengong', doc.uri).get<boolean>('plainTextAsPlan', false) && isPlainTxt(doc)) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  };
  // a code lens of the server names its document by URI string (JSON), a menu by vscode.Uri
  const uriArg = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined);
  // The server is started only once a plan is open: the plaintext activation event (needed for
  // `fengong.plainTextAsPlan`) must not cost a Node process for every .txt someone opens.
  const maybeStart = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID && fengongEnabled(doc)) void startClient(context, tree).catch(reportStartError);
  };

  context.subscriptions.push(
    view,
    vscode.commands.registerCommand('fengong.treatAsPlan', treatAsPlan),
    vscode.commands.registerCommand('fengong.fixAll', fixAll),
    vscode.commands.registerCommand('fengong.exportTaskTable', (arg?: vscode.Uri | string) => exportTaskTable(context, tree, uriArg(arg))),
    vscode.commands.registerCommand('fengong.refreshTaskTable', () => tree.refresh()),
    vscode.commands.registerCommand('fengong.revealTask', revealTask),
    vscode.commands.registerCommand('fengong.previewTaskTable', (arg?: vscode.Uri | string) => previewTaskTable(context, tree, uriArg(arg))),
    vscode.commands.registerCommand('fengong.openWordPlan', (arg?: vscode.Uri) => openWordPlan(context, tree, arg)),
    vscode.workspace.registerTextDocumentContentProvider(WORD_SCHEME, new WordTextProvider(context, tree)),
    vscode.window.registerCustomEditorProvider('fengong.wordPlan', new WordPlanEditor(context, tree), { supportsMultipleEditorsPerDocument: false }),
    vscode.commands.registerCommand('fengong.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context, tree);
    }),
    vscode.workspace.onDidOpenTextDocument(async (doc) => { await maybeAdopt(doc); maybeStart(doc); }),
    vscode.workspace.onDidCloseTextDocument((doc) => tree.forget(doc)),
    vscode.window.onDidChangeActiveTextEditor((e) => tree.track(e)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('fengong.plainTextAsPlan')) {
        for (const doc of vscode.workspace.textDocuments) await maybeAdopt(doc);
      }
      // turning fengong.enable on starts the server if it was skipped; the server itself honours `false`
      if (e.affectsConfiguration('fengong.enable')) for (const doc of vscode.workspace.textDocuments) maybeStart(doc);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'fengong.active', true);

  for (const doc of vscode.workspace.textDocuments) {
    await maybeAdopt(doc);
    maybeStart(doc);
  }
  tree.track(vscode.window.activeTextEditor);
}

function fengongEnabled(doc: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('fengong', doc.uri).get<boolean>('enable', true);
}

function reportStartError(e: unknown): void {
  void vscode.window.showErrorMessage(t('client.failed', { message: e instanceof Error ? e.message : String(e) }));
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

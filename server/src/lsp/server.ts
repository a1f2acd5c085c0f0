// The fengong language server: document sync, debounced linting, push or pull diagnostics, and the
// features in features.ts / actions.ts. Thin over the engine: every answer is read off an Analysis
// (one lint of one document version). Any LSP client can drive it: `fengong lsp --stdio`.
import type { DocumentKind } from '../engine/model/types.js';
import { DOCUMENT_KINDS } from '../engine/types.js';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  CodeActionKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
  type DocumentDiagnosticReport,
  type DiagnosticServerCancellationData,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineConfig, Locale, Severity } from '../engine/types.js';
import { defaultConfig, mergeConfig, type ConfigOverride } from '../engine/config.js';
import { rules } from '../engine/rules/index.js';
import { CONFIG_FILE, clearConfigCache, loadConfigForFile, type ConfigError } from '../config/load.js';
import { Analysis } from './analysis.js';
import { withoutBaselined } from '../baseline/store.js';
import { BASELINE_FILE } from '../baseline/baseline.js';
import { codeActions, fixAllEdit, isFixAllData, FIX_ALL_KIND, type ActionOptions } from './actions.js';
import { documentHighlights, documentSymbols, foldingRanges, hover, selectionRanges, taskTable } from './features.js';
import { localeFromTag, t } from './text.js';

declare const FENGONG_VERSION: string | undefined;
const VERSION = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';

import {
  EXPORT_FORMATS, EXPORT_TASK_TABLE_REQUEST, PLAN_CHANGED_NOTIFICATION, TASK_TABLE_PREVIEW_REQUEST, TASK_TABLE_REQUEST, WORD_TEXT_REQUEST,
  type TaskTablePreviewParams,
} from '../protocol.js';
import { taskTablePreview, wordText } from './office.js';

export { EXPORT_TASK_TABLE_REQUEST, PLAN_CHANGED_NOTIFICATION, TASK_TABLE_REQUEST };
const DEFAULT_DEBOUNCE_MS = 100;
/** the longest typing without a pause may hold diagnostics back */
const MAX_WAIT_MS = 1000;

/** `fengong.*` client settings, validated */
export interface ClientSettings {
  enable: boolean;
  locale: 'auto' | Locale;
  rules: Record<string, Severity>;
  documentKind: 'auto' | DocumentKind;
  /** quiet time between two lints of one document while typing */
  debounceMs?: number;
}

const SEVERITIES = new Set<Severity>(['error', 'warning', 'info', 'off']);
const RULE_IDS = new Set(rules.map((r) => r.meta.id));

export function parseSettings(raw: unknown): ClientSettings {
  const s: ClientSettings = { enable: true, locale: 'auto', rules: {}, documentKind: 'auto' };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.locale === 'zh' || r.locale === 'en' || r.locale === 'auto') s.locale = r.locale;
  if (typeof r.documentKind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(r.documentKind)) s.documentKind = r.documentKind as ClientSettings['documentKind'];
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const sev = v === 'warn' ? 'warning' : v;
      if (RULE_IDS.has(id) && SEVERITIES.has(sev as Severity)) s.rules[id] = sev as Severity;
    }
  }
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 10_000) s.debounceMs = r.debounceMs;
  return s;
}

interface DocConfig {
  config: EngineConfig;
  configPath?: string;
  error?: ConfigError;
}

interface DocState {
  doc: TextDocument;
  settings?: ClientSettings;
  settingsLoading?: Promise<void>;
  resolved?: DocConfig;
  analysis?: Analysis;
  timer?: NodeJS.Timeout;
  /** when the pending lint was first asked for (ms, performance.now) */
  pendingSince: number;
  /** when the last change arrived and the last lint ended */
  lastChange: number;
  lastLintEnd: number;
  /** pull requests waiting for the pending lint */
  waiters: (() => void)[];
  closed: boolean;
}

export interface StartOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const TRANSPORT_ARGS = /^--(stdio|node-ipc|socket|pipe)\b/;

/** Starts the server on the transport the command line names (--stdio, --node-ipc, --socket=N,
 *  --pipe=…), stdio when it names none, or on the given streams. */
export function startServer(opts: StartOptions = {}): Connection {
  const connection = opts.input && opts.output
    ? createConnection(opts.input, opts.output)
    : process.argv.some((a) => TRANSPORT_ARGS.test(a))
      ? createConnection()
      : createConnection(process.stdin, process.stdout);
  const server = new FengongServer(connection);
  // a bug in one handler must not take the editor's checking down with it
  process.on('uncaughtException', (e) => server.log('error', `uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => server.log('error', `unhandled rejection: ${(e as Error)?.stack ?? e}`));
  connection.listen();
  return connection;
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

class FengongServer {
  private readonly docs = new Map<string, DocState>();
  private caps: ClientCapabilities = {};
  private clientLocale: Locale = 'zh';
  private globalSettings: unknown;
  private initOptions: Record<string, unknown> = {};
  private pull = false;
  private configurationPull = false;
  private refreshTimer?: NodeJS.Timeout;
  /** config file URIs we published a problem for */
  private readonly configDiagnostics = new Map<string, string>();
  private actionOptions: ActionOptions = { lazy: false, documentChanges: false };

  constructor(private readonly connection: Connection) {
    const c = connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => this.initialized());
    c.onShutdown(() => {
      for (const st of this.docs.values()) clearTimeout(st.timer);
      clearTimeout(this.refreshTimer);
    });

    c.onDidOpenTextDocument((p) => this.guard('didOpen', () => {
      const { uri, languageId, version, text } = p.textDocument;
      const prev = this.docs.get(uri);
      if (prev) this.dispose(prev);
      const st: DocState = { doc: TextDocument.create(uri, languageId, version, text), pendingSince: 0, lastChange: -Infinity, lastLintEnd: -Infinity, waiters: [], closed: false };
      this.docs.set(uri, st);
      this.loadSettings(st);
      this.schedule(st);
    }));
    c.onDidChangeTextDocument((p) => this.guard('didChange', () => {
      const st = this.docs.get(p.textDocument.uri);
      if (!st) return this.log('warn', `didChange for a document that is not open: ${p.textDocument.uri}`);
      const version = p.textDocument.version;
      if (version <= st.doc.version) this.log('warn', `didChange ${p.textDocument.uri}: version ${version} after ${st.doc.version}`);
      // changes apply in the order the client sent them, whatever the version says: that order is
      // how the client's text came about
      st.doc = TextDocument.update(st.doc, p.contentChanges, version);
      this.schedule(st);
    }));
    c.onDidCloseTextDocument((p) => this.guard('didClose', () => {
      const st = this.docs.get(p.textDocument.uri);
      if (!st) return;
      this.dispose(st);
      this.docs.delete(p.textDocument.uri);
      if (!this.pull) void c.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
      this.syncConfigDiagnostics();
    }));
    c.onDidChangeConfiguration((p) => this.guard('didChangeConfiguration', () => {
      const settings = (p.settings as Record<string, unknown> | null | undefined)?.fengong;
      if (settings !== undefined) this.globalSettings = settings;
      this.refreshSoon();
    }));
    c.onDidChangeWatchedFiles((p) => this.guard('didChangeWatchedFiles', () => {
      if (p.changes.some((ch) => ch.uri.endsWith('/' + CONFIG_FILE) || ch.uri.endsWith('/' + BASELINE_FILE))) this.refreshSoon();
    }));

    c.onDocumentSymbol((p, tok) => this.request('documentSymbol', tok, p?.textDocument?.uri, [], (a) => documentSymbols(a)));
    c.onHover((p, tok) => this.request('hover', tok, p?.textDocument?.uri, null, (a) => hover(a, p.position)));
    c.onFoldingRanges((p, tok) => this.request('foldingRange', tok, p?.textDocument?.uri, [], (a) => foldingRanges(a)));
    c.onSelectionRanges((p, tok) => this.request('selectionRange', tok, p?.textDocument?.uri, [], (a) => selectionRanges(a, p.positions)));
    c.onDocumentHighlight((p, tok) => this.request('documentHighlight', tok, p?.textDocument?.uri, [], (a) => documentHighlights(a, p.position)));
    c.onCodeAction((p, tok) => this.request('codeAction', tok, p?.textDocument?.uri, [], (a) => codeActions(a, p.range, p.context?.only, this.actionOptions)));
    c.onCodeActionResolve((action) => {
      try {
        if (!isFixAllData(action.data) || action.edit) return action;
        const st = this.docs.get(action.data.uri);
        if (!st || st.doc.version !== action.data.version || !this.enabled(st)) return action; // stale: no edit rather than a wrong one
        return { ...action, edit: fixAllEdit(this.analysis(st)!, this.actionOptions) };
      } catch (e) {
        this.log('error', `codeAction/resolve: ${(e as Error)?.stack ?? e}`);
        return action;
      }
    });
    c.languages.diagnostics.on((p, tok) => this.pullDiagnostics(p?.textDocument?.uri, p?.previousResultId, tok));

    c.onRequest(TASK_TABLE_REQUEST, (p: { uri?: string }, tok) => this.custom(TASK_TABLE_REQUEST, tok, p?.uri, (a) => taskTable(a)));
    c.onRequest(TASK_TABLE_PREVIEW_REQUEST, (p: TaskTablePreviewParams, tok) => this.custom(TASK_TABLE_PREVIEW_REQUEST, tok, p?.uri, (a) => taskTablePreview(a, p)));
    c.onRequest(WORD_TEXT_REQUEST, (p: { uri?: string }) => wordText(String(p?.uri), this.clientLocale));
    c.onRequest(EXPORT_TASK_TABLE_REQUEST, (p: { uri?: string; format?: string; by?: string; withBody?: boolean }, tok) =>
      this.custom(EXPORT_TASK_TABLE_REQUEST, tok, p?.uri, async (a) => {
        const format = p.format ?? 'md';
        const by = p.by ?? 'task';
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return new ResponseError(ErrorCodes.InvalidParams, t(a.config.locale, 'exportUnknownFormat', { format }));
        if (by !== 'task' && by !== 'unit') return new ResponseError(ErrorCodes.InvalidParams, t(a.config.locale, 'exportUnknownBy', { by }));
        // loaded on first export: the xlsx writer is large and most sessions never export
        const { renderTable } = await import('../table/render.js');
        const buf = await renderTable(a.table, format as (typeof EXPORT_FORMATS)[number], by, { locale: a.config.locale, withBody: !!p.withBody });
        return { contentBase64: buf.toString('base64') };
      }));
  }

  // ---- lifecycle ----

  private initialize(p: InitializeParams): InitializeResult {
    this.caps = p.capabilities ?? {};
    this.initOptions = (p.initializationOptions && typeof p.initializationOptions === 'object') ? p.initializationOptions as Record<string, unknown> : {};
    this.clientLocale = localeFromTag(this.initOptions.locale) ?? localeFromTag(p.locale) ?? 'zh';
    if (this.initOptions.settings !== undefined) this.globalSettings = this.initOptions.settings;
    this.pull = !!this.caps.textDocument?.diagnostic;
    this.configurationPull = !!this.caps.workspace?.configuration;
    const ca = this.caps.textDocument?.codeAction;
    this.actionOptions = {
      lazy: !!ca?.resolveSupport?.properties?.includes('edit'),
      documentChanges: !!this.caps.workspace?.workspaceEdit?.documentChanges,
    };
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'fengong' },
      hoverProvider: true,
      codeActionProvider: ca?.codeActionLiteralSupport
        ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: true }
        : true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentHighlightProvider: true,
    };
    if (this.pull) capabilities.diagnosticProvider = { identifier: 'fengong', interFileDependencies: false, workspaceDiagnostics: false };
    return { capabilities, serverInfo: { name: 'fengong', version: VERSION } };
  }

  private initialized(): void {
    this.log('info', `fengong ${VERSION} language server ready (${this.pull ? 'pull' : 'push'} diagnostics, locale ${this.clientLocale})`);
    if (this.caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      // clients that watch files on the server's behalf (VS Code, Neovim 0.9+) tell us when a
      // .fengongrc.json changes on disk; duplicate events from a client that also watches are coalesced
      this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: `**/${BASELINE_FILE}` }] })
        .catch((e: unknown) => this.log('warn', `cannot watch ${CONFIG_FILE}: ${(e as Error)?.message ?? e}`));
    }
    if (this.configurationPull && this.caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'fengong' })
        .catch(() => { /* the client pushes settings without being asked */ });
    }
  }

  // ---- settings and configuration ----

  private loadSettings(st: DocState): Promise<void> {
    if (st.settings) return Promise.resolve();
    if (st.settingsLoading) return st.settingsLoading;
    if (!this.configurationPull) {
      st.settings = parseSettings(this.globalSettings);
      return Promise.resolve();
    }
    const p = this.connection.workspace.getConfiguration({ scopeUri: st.doc.uri, section: 'fengong' }).then(
      (raw: unknown) => { st.settings = parseSettings(raw ?? this.globalSettings); },
      (e: unknown) => {
        this.log('warn', `workspace/configuration failed: ${(e as Error)?.message ?? e}`);
        st.settings = parseSettings(this.globalSettings);
      },
    ).finally(() => { if (st.settingsLoading === p) st.settingsLoading = undefined; });
    st.settingsLoading = p;
    return p;
  }

  private settingsOf(st: DocState): ClientSettings {
    return st.settings ?? parseSettings(this.globalSettings);
  }

  private enabled(st: DocState): boolean {
    return this.settingsOf(st).enable;
  }

  private docConfig(st: DocState): DocConfig {
    if (st.resolved) return st.resolved;
    const s = this.settingsOf(st);
    const cli: ConfigOverride = { rules: s.rules };
    if (s.documentKind !== 'auto') cli.documentKind = s.documentKind;
    if (s.locale !== 'auto') cli.locale = s.locale;
    const path = filePath(st.doc.uri);
    let resolved: DocConfig;
    if (path) {
      const r = loadConfigForFile(path, { locale: this.clientLocale, cli });
      resolved = { config: r.config, configPath: r.configPath, error: r.error };
    } else {
      resolved = { config: mergeConfig({ ...defaultConfig(), locale: this.clientLocale }, cli) };
    }
    // only cache once the settings are known: until then the defaults stand in
    if (st.settings) st.resolved = resolved;
    return resolved;
  }

  /** settings or .fengongrc.json changed: re-resolve and re-check every open document */
  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.guard('refresh', () => this.refreshAll()), 20);
  }

  private refreshAll(): void {
    clearConfigCache();
    for (const st of this.docs.values()) {
      st.settings = undefined;
      st.settingsLoading = undefined;
      st.resolved = undefined;
      st.analysis = undefined;
      st.lastChange = -Infinity;
      st.lastLintEnd = -Infinity;
      this.loadSettings(st);
      this.schedule(st);
    }
    if (this.pull && this.caps.workspace?.diagnostics?.refreshSupport) {
      this.connection.languages.diagnostics.refresh().catch(() => { /* the client pulls again on its own */ });
    }
  }

  // ---- linting ----

  private debounceMs(st: DocState): number {
    const s = this.settingsOf(st).debounceMs;
    if (s !== undefined) return s;
    const o = this.initOptions.debounceMs;
    return typeof o === 'number' && o >= 0 ? o : DEFAULT_DEBOUNCE_MS;
  }

  /** Lints at once when a change comes after a quiet spell (a single keystroke gets diagnostics as
   *  fast as the engine allows); while typing goes on, waits until it pauses for the debounce
   *  interval (at most MAX_WAIT_MS). A pending lint always takes the newest text, so an older
   *  version is never checked after a newer one arrived. */
  private schedule(st: DocState): void {
    const now = performance.now();
    const debounce = this.debounceMs(st);
    const quiet = now - Math.max(st.lastChange, st.lastLintEnd) >= debounce;
    st.lastChange = now;
    if (st.timer) {
      if (now - st.pendingSince >= MAX_WAIT_MS) return; // typing without a pause: let the pending lint run
      clearTimeout(st.timer);
      st.timer = setTimeout(() => { void this.flush(st); }, debounce);
      return;
    }
    st.pendingSince = now;
    st.timer = setTimeout(() => { void this.flush(st); }, quiet ? 0 : debounce);
  }

  private async flush(st: DocState): Promise<void> {
    try {
      if (st.settingsLoading) await st.settingsLoading;
      st.timer = undefined;
      if (st.closed) return;
      const a = this.analysis(st);
      st.lastLintEnd = performance.now();
      const diagnostics = this.diagnosticsOf(st, a);
      if (!this.pull || isConfigUri(st.doc.uri)) void this.connection.sendDiagnostics({ uri: st.doc.uri, version: st.doc.version, diagnostics });
      this.syncConfigDiagnostics();
      if (a) void this.connection.sendNotification(PLAN_CHANGED_NOTIFICATION, { uri: st.doc.uri });
    } catch (e) {
      st.timer = undefined;
      this.log('error', `lint ${st.doc.uri}: ${(e as Error)?.stack ?? e}`);
    } finally {
      const waiters = st.waiters.splice(0);
      for (const w of waiters) w();
    }
  }

  /** the analysis of the document's current version (linted now if it is stale); none for a
   *  disabled document or an open .fengongrc.json */
  private analysis(st: DocState): Analysis | undefined {
    if (!this.enabled(st) || isConfigUri(st.doc.uri)) return undefined;
    const { config } = this.docConfig(st);
    // a request before the settings arrived was answered on the defaults: redo it once they are known
    if (st.analysis && st.analysis.version === st.doc.version && st.analysis.config === config) return st.analysis;
    const path = filePath(st.doc.uri);
    st.analysis = new Analysis(st.doc.uri, st.doc.version, st.doc.getText(), config, path ? basename(path) : undefined);
    return st.analysis;
  }

  private diagnosticsOf(st: DocState, a: Analysis | undefined): LspDiagnostic[] {
    if (isConfigUri(st.doc.uri)) return this.configFileDiagnostics(st.doc.uri);
    if (!a) return [];
    // problems held in the nearest .fengong-baseline.json are not shown, as `fengong check` does
    const path = filePath(st.doc.uri);
    const kept = path ? new Set(withoutBaselined(path, a.text, a.diagnostics)) : undefined;
    const shown = kept ? a.lsp.filter((_, i) => kept.has(a.diagnostics[i]!)) : a.lsp;
    const { error } = this.docConfig(st);
    if (!error || this.docs.has(pathToFileURL(error.file).href)) return shown;
    return [this.configBrokenDiagnostic(a, error), ...shown];
  }

  /** line 1 of a plan whose .fengongrc.json is broken (and not open here to show it itself) */
  private configBrokenDiagnostic(a: Analysis, e: ConfigError): LspDiagnostic {
    const end = a.lines.lineEnd(0);
    return {
      range: { start: { line: 0, character: 0 }, end: a.lines.positionAt(end) },
      severity: DiagnosticSeverity.Warning,
      code: 'config',
      source: 'fengong',
      message: t(a.config.locale, 'configBroken', {
        file: e.file, line: e.line, col: e.column, message: e.message,
        path: e.jsonPath && !e.message.includes(e.jsonPath) ? t(a.config.locale, 'configPath', { path: e.jsonPath }) : '',
      }),
    };
  }

  private configErrors(): Map<string, ConfigError> {
    const errors = new Map<string, ConfigError>();
    for (const st of this.docs.values()) {
      if (isConfigUri(st.doc.uri) || !st.settings) continue;
      const { error } = this.docConfig(st);
      if (error) errors.set(pathToFileURL(error.file).href, error);
    }
    return errors;
  }

  private configFileDiagnostics(uri: string): LspDiagnostic[] {
    const e = this.configErrors().get(uri);
    if (!e) return [];
    const pos = { line: e.line - 1, character: e.column - 1 };
    return [{ range: { start: pos, end: pos }, severity: DiagnosticSeverity.Error, code: 'config', source: 'fengong', message: e.message }];
  }

  /** one diagnostic in each broken .fengongrc.json that an open plan uses; cleared once it is fixed */
  private syncConfigDiagnostics(): void {
    const errors = this.configErrors();
    for (const [uri, e] of errors) {
      const key = `${e.line}:${e.column}:${e.message}`;
      if (this.configDiagnostics.get(uri) === key) continue;
      this.configDiagnostics.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics: this.configFileDiagnostics(uri) });
    }
    for (const uri of [...this.configDiagnostics.keys()]) {
      if (errors.has(uri)) continue;
      this.configDiagnostics.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  private async pullDiagnostics(uri: string | undefined, previousResultId: string | undefined, tok: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    try {
      const st = uri === undefined ? undefined : this.docs.get(uri);
      if (!st) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (st.timer || st.settingsLoading) {
        // answer with the lint the debounce is about to run, not one the next keystroke makes stale
        await new Promise<void>((resolve) => {
          st.waiters.push(resolve);
          tok.onCancellationRequested(() => resolve());
        });
      }
      // retrigger: the client cancels a running pull when a newer one starts and must pull again
      if (tok.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled', { retriggerRequest: true });
      if (st.closed) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const a = this.analysis(st);
      const items = this.diagnosticsOf(st, a);
      const resultId = `${st.doc.version}:${hash(JSON.stringify(items))}`;
      if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (e) {
      this.log('error', `textDocument/diagnostic: ${(e as Error)?.stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, String((e as Error)?.message ?? e), { retriggerRequest: false });
    }
  }

  // ---- request plumbing ----

  /** standard requests: an unknown or closed document gets the empty answer, a failure is logged */
  private request<T, F>(name: string, tok: CancellationToken, uri: string | undefined, empty: F, fn: (a: Analysis) => T): T | F | ResponseError {
    if (tok.isCancellationRequested) return cancelled();
    try {
      const st = uri === undefined ? undefined : this.docs.get(uri);
      const a = st && this.analysis(st);
      return a ? fn(a) : empty;
    } catch (e) {
      this.log('error', `${name} ${uri}: ${(e as Error)?.stack ?? e}`);
      return empty;
    }
  }

  /** fengong/* requests: an unknown document is an error the client can show */
  private async custom<T>(name: string, tok: CancellationToken, uri: unknown, fn: (a: Analysis) => T | Promise<T>): Promise<T | ResponseError> {
    if (tok.isCancellationRequested) return cancelled();
    const st = typeof uri === 'string' ? this.docs.get(uri) : undefined;
    if (!st) return new ResponseError(ErrorCodes.InvalidParams, t(this.clientLocale, 'unknownDocument', { uri: String(uri) }));
    try {
      if (st.settingsLoading) await st.settingsLoading;
      const a = this.analysis(st);
      if (!a) return new ResponseError(ErrorCodes.InvalidRequest, `fengong is disabled for ${uri}`);
      return await fn(a);
    } catch (e) {
      this.log('error', `${name} ${uri}: ${(e as Error)?.stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, String((e as Error)?.message ?? e));
    }
  }

  private guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log('error', `${name}: ${(e as Error)?.stack ?? e}`);
    }
  }

  private dispose(st: DocState): void {
    st.closed = true;
    clearTimeout(st.timer);
    st.timer = undefined;
    for (const w of st.waiters.splice(0)) w();
  }

  log(level: 'error' | 'warn' | 'info', msg: string): void {
    try {
      this.connection.console[level](`[fengong] ${msg}`);
    } catch { /* the connection is gone */ }
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const isConfigUri = (uri: string): boolean => uri.endsWith('/' + CONFIG_FILE);

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

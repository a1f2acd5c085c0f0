// The fengong language server: the state of one session — open documents, settings, the analysis of
// each document's current version — and the plumbing every handler shares. The handlers are in
// handlers/ (lifecycle, documents, features, fengong's own requests); diagnostics.ts decides what
// is shown; documents.ts when to lint; settings.ts how the settings become a configuration. Thin
// over the engine: every answer is read off an Analysis. Any LSP client can drive it:
// `fengong lsp --stdio`.
import { basename } from 'node:path';
import {
  createConnection,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Locale } from '../engine/types.js';
import { clearConfigCache } from '../config/load.js';
import { forgetBaselineLookups } from '../baseline/store.js';
import { PLAN_CHANGED_NOTIFICATION, PLAN_CHANGED_QUIET_MS } from '../protocol.js';
import { Analysis } from './analysis.js';
import type { ActionOptions } from './actions.js';
import { Diagnostics } from './diagnostics.js';
import { cancelPending, DEFAULT_DEBOUNCE_MS, INCREMENTAL_MAX_CHARS, resetDocument, Scheduler, type DocState } from './documents.js';
import { LineCache } from '../engine/index.js';
import { filePath, isConfigUri, parseSettings, resolveDocConfig, type ClientSettings, type DocConfig } from './settings.js';
import { localeFromTag } from './text.js';
import { stdioTransport } from './transport.js';
import { text } from '../i18n/catalogue.js';
import { registerCustomHandlers } from './handlers/custom.js';
import { registerDocumentHandlers } from './handlers/documents.js';
import { registerFeatureHandlers } from './handlers/features.js';
import { actionOptions, registerWatchers, serverCapabilities } from './handlers/lifecycle.js';
import { completionOptions, registerDraftingHandlers, workspaceRoots } from './handlers/drafting.js';
import type { CompletionOptions } from './drafting/completion.js';
import { WorkspaceIndex } from './workspace-index.js';
import { IdleCollector, keepYoungGenerationSmall, withYoungGenerationFor } from './memory.js';

export { parseSettings, type ClientSettings } from './settings.js';

declare const FENGONG_VERSION: string | undefined;
const VERSION = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';

export interface StartOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const TRANSPORT_ARGS = /^--(stdio|node-ipc|socket|pipe)\b/;

/** Starts the server on the transport the command line names (--stdio, --node-ipc, --socket=N,
 *  --pipe=…), stdio when it names none, or on the given streams. */
export function startServer(opts: StartOptions = {}): Connection {
  keepYoungGenerationSmall();
  const connection = opts.input && opts.output
    ? createConnection(opts.input, opts.output)
    : process.argv.some((a) => TRANSPORT_ARGS.test(a) && a !== '--stdio')
      ? createConnection()
      : stdioConnection();
  const server = new FengongServer(connection);
  // a bug in one handler must not take the editor's checking down with it
  process.on('uncaughtException', (e) => server.log('error', `uncaught: ${e?.stack ?? e}`));
  process.on('unhandledRejection', (e) => server.log('error', `unhandled rejection: ${(e as Error)?.stack ?? e}`));
  connection.listen();
  return connection;
}

/** Standard input and output through fengong's own framing (transport.ts): a bad header is
 *  logged and skipped, and the process exits once input has ended and every request read is
 *  answered (0 after shutdown, else 1, as the library does). */
function stdioConnection(): Connection {
  const t = stdioTransport(process.stdin, process.stdout, (msg) => process.stderr.write(`[fengong] ${msg}\n`));
  void t.drained.then(({ shutdown }) => process.exit(shutdown ? 0 : 1));
  return createConnection(t.reader, t.writer);
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

export class FengongServer {
  readonly docs = new Map<string, DocState>();
  readonly scheduler = new Scheduler((st) => this.lintAndPublish(st), (st) => this.debounceMs(st));
  readonly diagnostics: Diagnostics;
  clientLocale: Locale = 'zh';
  /** the `fengong` settings the client pushed (initializationOptions or didChangeConfiguration) */
  globalSettings: unknown;
  pull = false;
  /** the plans of the workspace folders, for questions across files (built after initialized) */
  readonly workspace = new WorkspaceIndex((level, msg) => this.log(level, msg));
  /** a full GC once a big document's analysis is done and nothing follows (memory.ts) */
  readonly memory = new IdleCollector();
  /** what the client's completion takes: snippets, one edit range for all items */
  completionOptions: CompletionOptions = { snippets: false, editRangeDefault: false };
  actionOptions: ActionOptions = { lazy: false, documentChanges: false };
  private caps: ClientCapabilities = {};
  private initOptions: Record<string, unknown> = {};
  private roots: string[] = [];
  private refreshTimer?: NodeJS.Timeout;
  /** the pending plan-changed notification of each document (planChangedSoon) */
  private readonly planChangedTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly connection: Connection) {
    this.diagnostics = new Diagnostics({
      docs: this.docs,
      docConfig: (st) => this.docConfig(st),
      analysis: (st) => this.analysis(st),
      settled: (st, tok) => this.scheduler.settled(st, (cb) => tok.onCancellationRequested(cb)),
      send: (uri, diagnostics, version) => this.send(uri, diagnostics, version),
      log: (level, msg) => this.log(level, msg),
    });
    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => {
      this.log('info', `fengong ${VERSION} language server ready (${this.pull ? 'pull' : 'push'} diagnostics, locale ${this.clientLocale})`);
      registerWatchers(connection, this.caps, (level, msg) => this.log(level, msg));
      this.workspace.start(this.roots);
    });
    connection.onShutdown(() => {
      this.memory.dispose();
      for (const st of this.docs.values()) cancelPending(st);
      clearTimeout(this.refreshTimer);
      for (const t of this.planChangedTimers.values()) clearTimeout(t);
    });
    registerDocumentHandlers(connection, this);
    registerFeatureHandlers(connection, this);
    registerCustomHandlers(connection, this);
    registerDraftingHandlers(connection, this);
  }

  private initialize(p: InitializeParams): InitializeResult {
    this.caps = p.capabilities ?? {};
    this.initOptions = (p.initializationOptions && typeof p.initializationOptions === 'object') ? p.initializationOptions as Record<string, unknown> : {};
    this.clientLocale = localeFromTag(this.initOptions.locale) ?? localeFromTag(p.locale) ?? 'zh';
    if (this.initOptions.settings !== undefined) this.globalSettings = this.initOptions.settings;
    this.pull = !!this.caps.textDocument?.diagnostic;
    this.actionOptions = actionOptions(this.caps);
    this.completionOptions = completionOptions(this.caps);
    this.roots = workspaceRoots(p);
    return { capabilities: serverCapabilities(this.caps, this.pull), serverInfo: { name: 'fengong', version: VERSION } };
  }

  // ---- settings and configuration ----

  loadSettings(st: DocState): Promise<void> {
    if (st.settings) return Promise.resolve();
    if (st.settingsLoading) return st.settingsLoading;
    if (!this.caps.workspace?.configuration) {
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

  docConfig(st: DocState): DocConfig {
    if (st.resolved) return st.resolved;
    const resolved = resolveDocConfig(st.doc.uri, this.settingsOf(st), this.clientLocale);
    // only cache once the settings are known: until then the defaults stand in
    if (st.settings) st.resolved = resolved;
    return resolved;
  }

  /** settings or .fengongrc.json changed: re-resolve and re-check every open document */
  refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.guard('refresh', () => this.refreshAll()), 20);
  }

  private refreshAll(): void {
    clearConfigCache();
    forgetBaselineLookups();
    for (const st of this.docs.values()) {
      resetDocument(st);
      this.loadSettings(st);
      this.scheduler.schedule(st);
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

  private async lintAndPublish(st: DocState): Promise<void> {
    try {
      const a = this.analysis(st);
      const diagnostics = this.diagnostics.of(st, a);
      if (!this.pull || isConfigUri(st.doc.uri)) this.send(st.doc.uri, diagnostics, st.doc.version);
      this.diagnostics.syncConfigFiles();
      if (a) this.planChangedSoon(st.doc.uri);
      this.memory.analysed(a ? st.doc.getText().length : 0);
    } catch (e) {
      this.log('error', `lint ${st.doc.uri}: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** Tells the client the plan changed once its lints paused for PLAN_CHANGED_QUIET_MS: the views
   *  it refreshes (the 任务分工 tree, the table preview) ask for the whole task table, which at each
   *  keystroke of a 10,000-line plan ran between that keystroke's diagnostics and the next one's. */
  private planChangedSoon(uri: string): void {
    clearTimeout(this.planChangedTimers.get(uri));
    const timer = setTimeout(() => {
      this.planChangedTimers.delete(uri);
      if (this.docs.has(uri)) void this.connection.sendNotification(PLAN_CHANGED_NOTIFICATION, { uri });
    }, PLAN_CHANGED_QUIET_MS);
    timer.unref();
    this.planChangedTimers.set(uri, timer);
  }

  /** the analysis of the document's current version (linted now if it is stale); none for a
   *  disabled document or an open .fengongrc.json */
  analysis(st: DocState): Analysis | undefined {
    if (!this.settingsOf(st).enable || isConfigUri(st.doc.uri)) return undefined;
    const { config } = this.docConfig(st);
    // a request before the settings arrived was answered on the defaults: redo it once they are known
    if (st.analysis && st.analysis.version === st.doc.version && st.analysis.config === config) return st.analysis;
    const path = filePath(st.doc.uri);
    const text = st.doc.getText();
    // the kept line records cost ~1.5 KB a line (a 10 MB plan: +78 MB of server memory): a plan
    // that large is linted whole at each keystroke, and keeps nothing
    const incremental = text.length <= INCREMENTAL_MAX_CHARS;
    // the stale analysis goes first: two plan models of a 10 MB text alive at once peaked at 384 MB
    st.analysis = undefined;
    if (!incremental) st.lines = new LineCache();
    const analysis = withYoungGenerationFor(incremental && st.lines.text !== undefined, () => new Analysis(st.doc.uri, st.doc.version, text, config, path ? basename(path) : undefined, incremental ? st.lines : undefined));
    st.analysis = analysis;
    return analysis;
  }

  send(uri: string, diagnostics: LspDiagnostic[], version?: number): void {
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  // ---- request plumbing ----

  /** standard requests: an unknown or closed document gets the empty answer, a failure is logged */
  request<T, F>(name: string, tok: CancellationToken, uri: string | undefined, empty: F, fn: (a: Analysis) => T): T | F | ResponseError {
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
  async custom<T>(name: string, tok: CancellationToken, uri: unknown, fn: (a: Analysis) => T | Promise<T>): Promise<T | ResponseError> {
    if (tok.isCancellationRequested) return cancelled();
    const st = typeof uri === 'string' ? this.docs.get(uri) : undefined;
    if (!st) return new ResponseError(ErrorCodes.InvalidParams, text(this.clientLocale, 'lsp.unknownDocument', { uri: String(uri) }));
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

  guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log('error', `${name}: ${(e as Error)?.stack ?? e}`);
    }
  }

  /** a message the user must see (window/showMessage), not just the log */
  warnUser(msg: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: msg });
  }

  log(level: 'error' | 'warn' | 'info', msg: string): void {
    try {
      this.connection.console[level](`[fengong] ${msg}`);
    } catch { /* the connection is gone */ }
  }
}

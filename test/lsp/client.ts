// A minimal LSP client for the protocol tests: spawns the built server as an editor would
// (`fengong lsp --stdio`) and speaks JSON-RPC to it with vscode-languageserver-protocol.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
export const PLAN_000 = '000_6fbd649499c5ed32.txt';

/** `fengong lsp --stdio`, bundled, as an editor runs it */
export function serverCommand(): string[] {
  return [join(ROOT, 'dist/cli.cjs'), 'lsp', '--stdio'];
}

export function tempDir(prefix = 'fengong-lsp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** a copy of a corpus plan in a fresh folder: tests never touch test/corpus */
export function corpusCopy(name = PLAN_000, as = name): { dir: string; file: string; uri: string; text: string } {
  const dir = tempDir();
  const file = join(dir, as);
  cpSync(join(CORPUS, name), file);
  return { dir, file, uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

export interface CliMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** what `fengong check --format json` reports for a file: the reference the server must match */
export function cliDiagnostics(file: string, args: string[] = []): CliMessage[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/fengong.cjs'), 'check', '--format', 'json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`fengong check failed (${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { messages: CliMessage[] }[];
  return results[0]!.messages;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  locale?: string;
  /** answers to workspace/configuration (section `fengong`); mutate and send didChangeConfiguration */
  settings?: Record<string, unknown>;
  rootUri?: string | null;
  env?: Record<string, string>;
  /** script and arguments instead of serverCommand() */
  command?: string[];
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    foldingRange: {},
    selectionRange: {},
  },
};

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly planChanged: string[] = [];
  readonly logs: string[] = [];
  stderr = '';
  private listeners: (() => void)[] = [];
  exitCode: number | null | undefined;
  private exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcessWithoutNullStreams, readonly conn: ProtocolConnection, readonly settings: Record<string, unknown>) {
    proc.stderr.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.exited = new Promise((resolve) => proc.on('exit', (code) => { this.exitCode = code; resolve(code); }));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.notify();
    });
    conn.onNotification('fengong/planChanged', (p: { uri: string }) => { this.planChanged.push(p.uri); this.notify(); });
    conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'fengong' ? this.settings : null)));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => { this.refreshes++; this.notify(); return null; });
  }

  refreshes = 0;

  static async start(opts: StartOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const [script, ...args] = opts.command ?? serverCommand();
    if (!existsSync(script!)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    const proc = spawn(process.execPath, [script!, ...args], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, conn, opts.settings ?? {});
    conn.listen();
    const died = new Promise<never>((_, reject) => proc.on('exit', (code) => reject(new Error(`server exited (${code}) before initialize answered: ${client.stderr}`))));
    const init = await Promise.race([died, conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      capabilities: opts.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: opts.initializationOptions,
      locale: opts.locale,
    })]);
    died.catch(() => { /* exits later are the tests' business */ });
    await conn.sendNotification('initialized', {});
    return { client, init };
  }

  private notify(): void {
    for (const l of this.listeners.splice(0)) l();
  }

  /** resolves when `check` holds, re-checked on every notification from the server */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined && v !== false) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\nserver stderr: ${this.stderr}\nlogs: ${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.listeners.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  /** the diagnostics published for `uri` at `version` (the newest such publication) */
  diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.until(() => {
      const list = this.diagnostics.get(uri) ?? [];
      const hit = version === undefined ? list[list.length - 1] : [...list].reverse().find((p) => p.version === version);
      return hit;
    }, `diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''}`);
  }

  /** the next publication for `uri` after the ones seen so far */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri)?.length ?? 0;
    return this.until(() => (this.diagnostics.get(uri) ?? []).slice(seen).find(predicate), `new diagnostics for ${uri}`);
  }

  open(uri: string, text: string, version = 1, languageId = 'workplan'): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  async shutdown(): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    }
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    this.conn.dispose();
    if (code === 'timeout') {
      this.proc.kill();
      throw new Error('server did not exit within 5 s of exit');
    }
    return code;
  }

  kill(): void {
    if (this.exitCode === undefined) this.proc.kill();
    this.conn.dispose();
  }
}


/** an LSP diagnostic in the CLI's JSON shape (1-based, ESLint severities) */
export function asCli(d: Diagnostic): CliMessage {
  return {
    ruleId: String(d.code),
    severity: d.severity === 1 ? 2 : 1,
    message: messageText(d),
    messageId: (d.data as { messageKey: string }).messageKey,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}
export const cliShape = (m: CliMessage): CliMessage => ({
  ruleId: m.ruleId, severity: m.severity, message: m.message, messageId: m.messageId,
  line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
});

export function applyEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  const edits: TextEdit[] = edit.documentChanges
    ? edit.documentChanges.flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits as TextEdit[] : []))
    : edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'workplan', 0, text), edits);
}


/** LSP 3.18 lets a message be markup; fengong's are plain strings */
export const messageText = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** diagnostics as one line each (`rule range message`), for comparing the server with the engine */
export const diagnosticLines = (ds: Diagnostic[]): string[] =>
  ds.map((d) => `${d.code} ${JSON.stringify(d.range.start)}-${JSON.stringify(d.range.end)} ${messageText(d)}`);

// What the server shows as diagnostics: a plan's findings (less those held in its baseline), a
// warning on line 1 when its .fengongrc.json is broken, and the error inside that config file
// itself; pushed after each lint or pulled by the client (textDocument/diagnostic).
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic as LspDiagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { ConfigError } from '../config/load.js';
import { withoutBaselined } from '../baseline/store.js';
import type { Analysis } from './analysis.js';
import type { DocState } from './documents.js';
import { filePath, isConfigUri, type DocConfig } from './settings.js';
import { text } from '../i18n/catalogue.js';

export interface DiagnosticsHost {
  readonly docs: ReadonlyMap<string, DocState>;
  docConfig(st: DocState): DocConfig;
  analysis(st: DocState): Analysis | undefined;
  /** waits for the document's pending lint */
  settled(st: DocState, tok: CancellationToken): Promise<void>;
  send(uri: string, diagnostics: LspDiagnostic[], version?: number): void;
  log(level: 'error' | 'warn' | 'info', msg: string): void;
}

export class Diagnostics {
  /** config file URIs a problem was published for, with what was published */
  private readonly published = new Map<string, string>();

  constructor(private readonly host: DiagnosticsHost) {}

  of(st: DocState, a: Analysis | undefined): LspDiagnostic[] {
    if (isConfigUri(st.doc.uri)) return this.configFileDiagnostics(st.doc.uri);
    if (!a) return [];
    // problems held in the nearest .fengong-baseline.json are not shown, as `fengong check` does
    const path = filePath(st.doc.uri);
    const left = path ? withoutBaselined(path, a.text, a.diagnostics) : a.diagnostics;
    const kept = left === a.diagnostics ? undefined : new Set(left);
    const shown = kept ? a.lsp.filter((_, i) => kept.has(a.diagnostics[i]!)) : a.lsp;
    const { error } = this.host.docConfig(st);
    if (!error || this.host.docs.has(pathToFileURL(error.file).href)) return shown;
    return [configBrokenDiagnostic(a, error), ...shown];
  }

  /** one diagnostic in each broken .fengongrc.json that an open plan uses; cleared once it is fixed */
  syncConfigFiles(): void {
    const errors = this.configErrors();
    for (const [uri, e] of errors) {
      const key = `${e.line}:${e.column}:${e.message}`;
      if (this.published.get(uri) === key) continue;
      this.published.set(uri, key);
      this.host.send(uri, this.configFileDiagnostics(uri));
    }
    for (const uri of [...this.published.keys()]) {
      if (errors.has(uri)) continue;
      this.published.delete(uri);
      this.host.send(uri, []);
    }
  }

  async pull(uri: string | undefined, previousResultId: string | undefined, tok: CancellationToken): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> {
    try {
      const st = uri === undefined ? undefined : this.host.docs.get(uri);
      if (!st) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // answer with the lint the debounce is about to run, not one the next keystroke makes stale
      await this.host.settled(st, tok);
      // retrigger: the client cancels a running pull when a newer one starts and must pull again
      if (tok.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled', { retriggerRequest: true });
      if (st.closed) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const items = this.of(st, this.host.analysis(st));
      const resultId = `${st.doc.version}:${hash(JSON.stringify(items))}`;
      if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (e) {
      this.host.log('error', `textDocument/diagnostic: ${(e as Error)?.stack ?? e}`);
      return new ResponseError(ErrorCodes.InternalError, String((e as Error)?.message ?? e), { retriggerRequest: false });
    }
  }

  private configErrors(): Map<string, ConfigError> {
    const errors = new Map<string, ConfigError>();
    for (const st of this.host.docs.values()) {
      if (isConfigUri(st.doc.uri) || !st.settings) continue;
      const { error } = this.host.docConfig(st);
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
}

/** line 1 of a plan whose .fengongrc.json is broken (and not open here to show it itself) */
function configBrokenDiagnostic(a: Analysis, e: ConfigError): LspDiagnostic {
  const end = a.lines.lineEnd(0);
  return {
    range: { start: { line: 0, character: 0 }, end: a.lines.positionAt(end) },
    severity: DiagnosticSeverity.Warning,
    code: 'config',
    source: 'fengong',
    message: text(a.config.locale, 'lsp.configBroken', {
      file: e.file, line: e.line, col: e.column, message: e.message,
      path: e.jsonPath && !e.message.includes(e.jsonPath) ? text(a.config.locale, 'lsp.configPath', { path: e.jsonPath }) : '',
    }),
  };
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

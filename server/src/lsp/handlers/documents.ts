// Document sync and workspace notifications: open, change, close, settings and watched files.
import { FileChangeType, MessageType, ShowMessageNotification, type Connection, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { openDocument } from '../documents.js';
import type { FengongServer } from '../server.js';
import { isWatchedFile } from './lifecycle.js';
import { applyChanges, noteEdit, resyncText } from '../sync.js';
import { text as catalogue } from '../../i18n/catalogue.js';

/** An edit that cannot be applied: logged, the document closed (its diagnostics cleared) and the
 *  user told to reopen it; a later change with the whole text brings it back. */
function loseSync(c: Connection, s: FengongServer, lost: Map<string, string>, uri: string, languageId: string, why: string): void {
  s.log('error', `didChange ${uri}: ${why}; the document is treated as closed until its whole text is sent again`);
  const st = s.docs.get(uri);
  if (st) s.scheduler.dispose(st);
  s.docs.delete(uri);
  lost.set(uri, languageId);
  s.send(uri, []);
  const file = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  void c.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: catalogue(s.clientLocale, 'lsp.lostSync', { file, why }) });
}

function reopen(s: FengongServer, lost: Map<string, string>, uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
  const from = resyncText(changes);
  if (!from) return s.log('warn', `didChange ${uri}: the document lost sync; waiting for its whole text`);
  const applied = applyChanges(openDocument(uri, lost.get(uri)!, version, '').doc, from, version);
  if ('error' in applied) return s.log('error', `didChange ${uri}: ${applied.error}`);
  lost.delete(uri);
  const st = openDocument(uri, applied.doc.languageId, version, applied.doc.getText());
  s.docs.set(uri, st);
  s.loadSettings(st);
  s.scheduler.schedule(st);
  s.log('info', `${uri} is in step again (its whole text was sent)`);
}

export function registerDocumentHandlers(c: Connection, s: FengongServer): void {
  // documents whose sync was lost (an invalid edit), by language id: back with their whole text
  const lost = new Map<string, string>();
  c.onDidOpenTextDocument((p) => s.guard('didOpen', () => {
    const { uri, languageId, version, text } = p.textDocument;
    lost.delete(uri);
    const prev = s.docs.get(uri);
    if (prev) s.scheduler.dispose(prev);
    const st = openDocument(uri, languageId, version, text);
    s.docs.set(uri, st);
    s.loadSettings(st);
    s.scheduler.schedule(st);
  }));
  c.onDidChangeTextDocument((p) => s.guard('didChange', () => {
    const { uri, version } = p.textDocument;
    const st = s.docs.get(uri);
    if (!st) return lost.has(uri) ? reopen(s, lost, uri, version, p.contentChanges) : s.log('warn', `didChange for a document that is not open: ${uri}`);
    if (version <= st.doc.version) s.log('warn', `didChange ${uri}: version ${version} after ${st.doc.version}`);
    // changes apply in the order the client sent them, whatever the version says: that order is
    // how the client's text came about
    // TextDocument.update changes the document in place: its text before the changes is read first
    const before = st.doc.getText();
    const applied = applyChanges(st.doc, p.contentChanges, version);
    if ('error' in applied) return loseSync(c, s, lost, uri, st.doc.languageId, applied.error);
    noteEdit(st.lines, before, applied.alike);
    st.doc = applied.doc;
    s.scheduler.schedule(st);
  }));
  c.onDidCloseTextDocument((p) => s.guard('didClose', () => {
    lost.delete(p.textDocument.uri);
    const st = s.docs.get(p.textDocument.uri);
    if (!st) return;
    s.scheduler.dispose(st);
    s.docs.delete(p.textDocument.uri);
    // what is on disk answers for it again (the editor may have closed it unsaved)
    s.workspace.fileChanged(p.textDocument.uri, false);
    if (!s.pull) s.send(p.textDocument.uri, []);
    s.diagnostics.syncConfigFiles();
  }));
  c.onDidChangeConfiguration((p) => s.guard('didChangeConfiguration', () => {
    const settings = (p.settings as Record<string, unknown> | null | undefined)?.fengong;
    if (settings !== undefined) s.globalSettings = settings;
    s.refreshSoon();
  }));
  c.onDidChangeWatchedFiles((p) => s.guard('didChangeWatchedFiles', () => {
    if (p.changes.some((ch) => isWatchedFile(ch.uri))) {
      s.refreshSoon();
      s.workspace.rescan(); // a config's units, files or ignore may have changed
    }
    for (const ch of p.changes) s.workspace.fileChanged(ch.uri, ch.type === FileChangeType.Deleted);
  }));
}

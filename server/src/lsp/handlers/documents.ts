// Document sync and workspace notifications: open, change, close, settings and watched files.
import { FileChangeType, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openDocument } from '../documents.js';
import type { FengongServer } from '../server.js';
import { isWatchedFile } from './lifecycle.js';

export function registerDocumentHandlers(c: Connection, s: FengongServer): void {
  c.onDidOpenTextDocument((p) => s.guard('didOpen', () => {
    const { uri, languageId, version, text } = p.textDocument;
    const prev = s.docs.get(uri);
    if (prev) s.scheduler.dispose(prev);
    const st = openDocument(uri, languageId, version, text);
    s.docs.set(uri, st);
    s.loadSettings(st);
    s.scheduler.schedule(st);
  }));
  c.onDidChangeTextDocument((p) => s.guard('didChange', () => {
    const st = s.docs.get(p.textDocument.uri);
    if (!st) return s.log('warn', `didChange for a document that is not open: ${p.textDocument.uri}`);
    const version = p.textDocument.version;
    if (version <= st.doc.version) s.log('warn', `didChange ${p.textDocument.uri}: version ${version} after ${st.doc.version}`);
    // changes apply in the order the client sent them, whatever the version says: that order is
    // how the client's text came about
    st.doc = TextDocument.update(st.doc, p.contentChanges, version);
    s.scheduler.schedule(st);
  }));
  c.onDidCloseTextDocument((p) => s.guard('didClose', () => {
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

// The standard requests, each read off the document's Analysis: symbols, hover, folding, selection,
// highlights, code actions (and their lazy resolve), pulled diagnostics.
import type { Connection } from 'vscode-languageserver/node';
import { codeActions, fixAllEdit, isFixAllData } from '../actions.js';
import { documentHighlights, documentSymbols, foldingRanges, hover, selectionRanges } from '../features.js';
import type { FengongServer } from '../server.js';

export function registerFeatureHandlers(c: Connection, s: FengongServer): void {
  c.onDocumentSymbol((p, tok) => s.request('documentSymbol', tok, p?.textDocument?.uri, [], (a) => documentSymbols(a)));
  c.onHover((p, tok) => s.request('hover', tok, p?.textDocument?.uri, null, (a) => hover(a, p.position)));
  c.onFoldingRanges((p, tok) => s.request('foldingRange', tok, p?.textDocument?.uri, [], (a) => foldingRanges(a)));
  c.onSelectionRanges((p, tok) => s.request('selectionRange', tok, p?.textDocument?.uri, [], (a) => selectionRanges(a, p.positions)));
  c.onDocumentHighlight((p, tok) => s.request('documentHighlight', tok, p?.textDocument?.uri, [], (a) => documentHighlights(a, p.position)));
  c.onCodeAction((p, tok) => s.request('codeAction', tok, p?.textDocument?.uri, [], (a) => codeActions(a, p.range, p.context?.only, s.actionOptions)));
  c.onCodeActionResolve((action) => {
    try {
      if (!isFixAllData(action.data) || action.edit) return action;
      const st = s.docs.get(action.data.uri);
      const a = st && st.doc.version === action.data.version ? s.analysis(st) : undefined;
      if (!a) return action; // stale or disabled: no edit rather than a wrong one
      return { ...action, edit: fixAllEdit(a, s.actionOptions) };
    } catch (e) {
      s.log('error', `codeAction/resolve: ${(e as Error)?.stack ?? e}`);
      return action;
    }
  });
  c.languages.diagnostics.on((p, tok) => s.diagnostics.pull(p?.textDocument?.uri, p?.previousResultId, tok));
}

// Drafting features: completion, references, rename, code lens, inlay hints, semantic tokens and
// workspace symbols (lsp/drafting/), and the workspace folders the index walks.
import type { ClientCapabilities, Connection, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { FengongServer } from '../server.js';
import { completion, type CompletionOptions } from '../drafting/completion.js';
import { prepareRename, references, rename, workspaceSymbols } from '../drafting/units.js';
import { codeLenses, inlayHints } from '../drafting/lenses.js';
import { LEGEND, semanticTokens } from '../drafting/tokens.js';

/** the files the workspace index keeps current (the client watches them for the server) */
export const PLAN_FILE_GLOB = '**/*.{txt,plan}';

/** completion is asked for as the writer types a clause's brackets and separators */
export const COMPLETION_TRIGGERS = ['（', '(', '〔', '、', '，', '：', ':'];

export function draftingCapabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: true,
    semanticTokensProvider: { legend: LEGEND, full: true },
    workspaceSymbolProvider: true,
  };
}

export function completionOptions(caps: ClientCapabilities): CompletionOptions {
  const c = caps.textDocument?.completion;
  return { snippets: !!c?.completionItem?.snippetSupport, editRangeDefault: !!c?.completionList?.itemDefaults?.includes('editRange') };
}

/** the folders to index: the workspace folders, else the root */
export function workspaceRoots(p: InitializeParams): string[] {
  if (p.workspaceFolders?.length) return p.workspaceFolders.map((f) => f.uri);
  if (p.rootUri) return [p.rootUri];
  return [];
}

export function registerDraftingHandlers(c: Connection, s: FengongServer): void {
  const uriOf = (p: { textDocument?: { uri?: string } } | undefined) => p?.textDocument?.uri;
  c.onCompletion((p, tok) => s.request('completion', tok, uriOf(p), [], (a) => completion(s, a, p.position, s.completionOptions)));
  c.onReferences((p, tok) => s.request('references', tok, uriOf(p), [], (a) => references(s, a, p.position)));
  c.onPrepareRename((p, tok) => s.request('prepareRename', tok, uriOf(p), null, (a) => prepareRename(a, p.position)));
  c.onRenameRequest((p, tok) => s.request('rename', tok, uriOf(p), null, (a) => rename(s, a, p.position, p.newName, s.actionOptions.documentChanges)));
  c.onCodeLens((p, tok) => s.request('codeLens', tok, uriOf(p), [], (a) => codeLenses(a)));
  c.languages.inlayHint.on((p, tok) => s.request('inlayHint', tok, uriOf(p), [], (a) => inlayHints(a, p.range)));
  c.languages.semanticTokens.on((p, tok) => s.request('semanticTokens', tok, uriOf(p), { data: [] }, (a) => semanticTokens(a)));
  c.onWorkspaceSymbol((p, tok) => {
    if (tok.isCancellationRequested) return [];
    try {
      return workspaceSymbols(s, p.query ?? '');
    } catch (e) {
      s.log('error', `workspaceSymbol: ${(e as Error)?.stack ?? e}`);
      return [];
    }
  });
}

// initialize / initialized: what the server offers for what the client can do.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { CONFIG_FILE } from '../../config/load.js';
import { BASELINE_FILE } from '../../baseline/baseline.js';
import { FIX_ALL_KIND, type ActionOptions } from '../actions.js';
import { draftingCapabilities, PLAN_FILE_GLOB } from './drafting.js';

export function serverCapabilities(caps: ClientCapabilities, pull: boolean): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'fengong' },
    hoverProvider: true,
    codeActionProvider: caps.textDocument?.codeAction?.codeActionLiteralSupport
      ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: true }
      : true,
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    documentHighlightProvider: true,
    ...draftingCapabilities(),
  };
  if (pull) capabilities.diagnosticProvider = { identifier: 'fengong', interFileDependencies: false, workspaceDiagnostics: false };
  return capabilities;
}

export function actionOptions(caps: ClientCapabilities): ActionOptions {
  return {
    lazy: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
  };
}

/** after initialized: ask the client to watch the config and baseline files, and for settings changes */
export function registerWatchers(connection: Connection, caps: ClientCapabilities, log: (level: 'warn', msg: string) => void): void {
  if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    // clients that watch files on the server's behalf (VS Code, Neovim 0.9+) tell us when a
    // .fengongrc.json changes on disk; duplicate events from a client that also watches are coalesced
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: `**/${BASELINE_FILE}` }, { globPattern: PLAN_FILE_GLOB }] })
      .catch((e: unknown) => log('warn', `cannot watch ${CONFIG_FILE}: ${(e as Error)?.message ?? e}`));
  }
  if (caps.workspace?.configuration && caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'fengong' })
      .catch(() => { /* the client pushes settings without being asked */ });
  }
}

/** a file the server watches changed: settings and checks must be redone */
export const isWatchedFile = (uri: string): boolean => uri.endsWith('/' + CONFIG_FILE) || uri.endsWith('/' + BASELINE_FILE);

// Code actions: the rules' fixes one per diagnostic (safe fixes preferred, suggestions offered), and
// "fix all" — the same text `fengong check --fix` would write, as minimal edits.
import {
  CodeActionKind,
  type CodeAction,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Analysis } from './analysis.js';
import { diffEdits, toLspFix } from './convert.js';
import { text } from '../i18n/catalogue.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.fengong`;

export interface ActionOptions {
  /** the client resolves actions lazily (codeAction/resolve with `edit`): fix-all edits wait */
  lazy: boolean;
  /** the client takes versioned documentChanges: a stale edit is refused instead of misapplied */
  documentChanges: boolean;
}

export interface FixAllData {
  fengong: 'fixAll';
  uri: string;
  version: number;
}

const wants = (only: string[] | undefined, kind: string): boolean =>
  !only?.length || only.some((o) => kind === o || kind.startsWith(o + '.'));

export function workspaceEdit(a: Analysis, edits: TextEdit[], opts: ActionOptions): WorkspaceEdit {
  return opts.documentChanges
    ? { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] }
    : { changes: { [a.uri]: edits } };
}

export function codeActions(a: Analysis, range: Range, only: string[] | undefined, opts: ActionOptions): CodeAction[] {
  const out: CodeAction[] = [];
  const start = a.offsetAt(range.start);
  const end = a.offsetAt(range.end);
  let fixableHere = false;
  if (wants(only, CodeActionKind.QuickFix)) {
    a.diagnostics.forEach((d, i) => {
      if (d.span.start > end || d.span.end < start) return;
      const lspDiag = a.lsp[i]!;
      if (d.fix) {
        fixableHere = true;
        const f = toLspFix(a.lines, d.fix);
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], isPreferred: true, edit: workspaceEdit(a, f.edits, opts) });
      }
      for (const s of d.suggestions ?? []) {
        const f = toLspFix(a.lines, s);
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiag], edit: workspaceEdit(a, f.edits, opts) });
      }
    });
  }
  const anyFix = a.diagnostics.some((d) => d.fix);
  if (anyFix) {
    if (fixableHere) out.push(fixAll(a, CodeActionKind.QuickFix, opts));
    if (wants(only, FIX_ALL_KIND)) out.push(fixAll(a, FIX_ALL_KIND, opts));
  }
  return out;
}

function fixAll(a: Analysis, kind: string, opts: ActionOptions): CodeAction {
  const action: CodeAction = { title: text(a.config.locale, 'lsp.fixAll'), kind };
  if (opts.lazy) action.data = { fengong: 'fixAll', uri: a.uri, version: a.version } satisfies FixAllData;
  else action.edit = fixAllEdit(a, opts);
  return action;
}

export function fixAllEdit(a: Analysis, opts: ActionOptions): WorkspaceEdit {
  return workspaceEdit(a, diffEdits(a.lines, a.text, a.fixed), opts);
}

export const isFixAllData = (d: unknown): d is FixAllData =>
  !!d && typeof d === 'object' && (d as FixAllData).fengong === 'fixAll' && typeof (d as FixAllData).uri === 'string';

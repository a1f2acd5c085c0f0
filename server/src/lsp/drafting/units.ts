// A unit across the workspace: every task that names it (references), renaming it everywhere at
// once (machinery reforms rename units: `区发改委` → `区发展改革委`), and tasks found by their
// words (workspace symbols). Names are the same unit when they are under the asking document's
// config (aliases included): what the task table counts as one unit.
import {
  ErrorCodes, ResponseError, SymbolKind,
  type Location, type Position, type Range, type SymbolInformation, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { normalizeUnitName, unitKey } from '../../engine/text/unit-names.js';
import { fold } from '../../engine/lexicon/fold.js';
import { text } from '../../i18n/catalogue.js';
import { toRange } from '../convert.js';
import { filePath } from '../settings.js';
import type { Analysis } from '../analysis.js';
import type { FengongServer } from '../server.js';
import { openTest, otherPlans, planOf, unitIdentity } from './plans.js';

/** every place the unit at `pos` is named, this document first, in document order; `encoding`
 *  where the place is in a file on disk that is not UTF-8 */
function placesOf(s: FengongServer, a: Analysis, pos: Position, fresh: boolean): { uri: string; range: Range; encoding?: string }[] | undefined {
  const m = a.mentionAt(a.offsetAt(pos));
  if (!m) return undefined;
  const identity = unitIdentity(a);
  const key = identity(unitKey(m.written));
  const out: { uri: string; range: Range; encoding?: string }[] = [];
  for (const p of [planOf(a), ...otherPlans(s, a, fresh)]) {
    for (const u of p.units) if (identity(u.key) === key) out.push(p.encoding ? { uri: p.uri, range: u.range, encoding: p.encoding } : { uri: p.uri, range: u.range });
  }
  return out;
}

export function references(s: FengongServer, a: Analysis, pos: Position): Location[] {
  return (placesOf(s, a, pos, false) ?? []).map((p) => ({ uri: p.uri, range: p.range }));
}

export function prepareRename(a: Analysis, pos: Position): { range: Range; placeholder: string } | ResponseError {
  const m = a.mentionAt(a.offsetAt(pos));
  if (!m) return new ResponseError(ErrorCodes.InvalidRequest, text(a.config.locale, 'lsp.renameNotUnit'));
  return { range: toRange(a.lines, m.ref.span), placeholder: m.written };
}

/** a name a clause can hold: one line, no bracket, no separator of a clause */
const BAD_NAME = /[\r\n（）()〔〕［］[\]【】、，,；;：:。]/;

export function rename(s: FengongServer, a: Analysis, pos: Position, newName: string, documentChanges: boolean): WorkspaceEdit | ResponseError {
  const name = normalizeUnitName(newName);
  if (!name || BAD_NAME.test(name)) return new ResponseError(ErrorCodes.InvalidParams, text(a.config.locale, 'lsp.renameInvalid', { name: newName }));
  const places = placesOf(s, a, pos, true);
  if (!places) return new ResponseError(ErrorCodes.InvalidRequest, text(a.config.locale, 'lsp.renameNotUnit'));
  const byUri = new Map<string, TextEdit[]>();
  // a GB18030 or UTF-16 plan the editor has not opened: it may decode it otherwise and put the
  // edit in the wrong place, so it is named instead of edited (open it, then rename again)
  const skipped = [...new Set(places.filter((p) => p.encoding).map((p) => p.uri))];
  if (skipped.length) s.warnUser(text(a.config.locale, 'lsp.renameSkipped', { files: skipped.map((u) => filePath(u) ?? u).join(a.config.locale === 'en' ? ', ' : '、') }));
  for (const p of places) {
    if (p.encoding) continue;
    const edits = byUri.get(p.uri) ?? [];
    edits.push({ range: p.range, newText: name });
    byUri.set(p.uri, edits);
  }
  if (!documentChanges) return { changes: Object.fromEntries(byUri) };
  // open documents carry their version, so a client applies the edit only to the text it was made for
  return {
    documentChanges: [...byUri].map(([uri, edits]) => ({ textDocument: { uri, version: s.docs.get(uri)?.doc.version ?? null }, edits })),
  };
}

const MAX_SYMBOLS = 1000;

/** tasks whose words hold every word of the query (traditional folded to simplified) */
export function workspaceSymbols(s: FengongServer, query: string): SymbolInformation[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  const plans = [...s.docs.values()].flatMap((st) => {
    const a = st.analysis ?? s.analysis(st);
    return a ? [planOf(a)] : [];
  });
  plans.push(...s.workspace.entries(openTest(s)));
  for (const p of plans) {
    for (const t of p.tasks) {
      const hay = fold(t.name);
      if (!words.every((w) => hay.includes(w))) continue;
      out.push({ name: t.name, kind: SymbolKind.Event, location: { uri: p.uri, range: t.range }, containerName: t.container });
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
}

// Incremental edits a client sends are checked before they are applied: a reversed, negative or
// out-of-range range was applied silently and corrupted the server's copy (a reversed range
// deleted `）加强管理。（办公室牵头）⏎（二）加强`), and every answer after it was of a text the
// user never wrote. Such an edit is refused and the document treated as closed until the client
// sends its whole text again (didOpen, or a change without a range).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { LineCache } from '../engine/index.js';

/** What changes left of a text: at least its first `head` and last `tail` code units. */
export interface Alike {
  head: number;
  tail: number;
}

/** The document after the changes, in the order sent, and what they left alike of its text; or
 *  why one of them cannot be applied. */
export function applyChanges(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): { doc: TextDocument; alike: Alike } | { error: string } {
  let d = doc;
  const alike = { head: Infinity, tail: Infinity };
  for (const [i, ch] of changes.entries()) {
    if (typeof ch?.text !== 'string') return { error: `change ${i} has no text` };
    if (hasRange(ch) && 'range' in ch) {
      const why = badRange(d, ch.range.start, ch.range.end);
      if (why) return { error: `change ${i}: ${why}` };
      // the suffix after the range and the prefix before it are still the first version's
      const start = d.offsetAt(ch.range.start);
      alike.head = Math.min(alike.head, start);
      alike.tail = Math.min(alike.tail, d.getText().length - Math.max(start, d.offsetAt(ch.range.end)));
    } else {
      alike.head = alike.tail = 0;
    }
    d = TextDocument.update(d, [ch], version);
  }
  return { doc: d, alike };
}

/** Tells the document's LineCache what the editor's changes left alike of the text it last saw,
 *  so the next lint need not compare two versions of a big plan to find the edit (~1 ms a
 *  keystroke at 10,000 lines; issue 18). Changes between two lints add up; `before` is the text the
 *  changes applied to. Told nothing when the cache's text is not where they started. */
export function noteEdit(cache: LineCache, before: string, alike: Alike): void {
  const e = cache.edit;
  if (cache.text === undefined) cache.edit = undefined;
  else if (e && e.before === cache.text) cache.edit = { before: e.before, head: Math.min(e.head, alike.head), tail: Math.min(e.tail, alike.tail) };
  else cache.edit = before === cache.text ? { before, head: alike.head, tail: alike.tail } : undefined;
}

/** A text to start again from: the last change that carries the whole text, and those after it. */
export function resyncText(changes: TextDocumentContentChangeEvent[]): TextDocumentContentChangeEvent[] | undefined {
  for (let i = changes.length - 1; i >= 0; i--) if (!hasRange(changes[i]!)) return changes.slice(i);
  return undefined;
}

function hasRange(ch: TextDocumentContentChangeEvent): boolean {
  return 'range' in ch && ch.range !== undefined;
}

function badRange(doc: TextDocument, start: Position, end: Position): string | undefined {
  for (const p of [start, end]) {
    if (!Number.isInteger(p?.line) || !Number.isInteger(p?.character) || p.line < 0 || p.character < 0) return `position ${JSON.stringify(p)} is not a position`;
    // one past the last line at character 0 is the end, as some clients write it; further is not
    if (p.line > doc.lineCount || (p.line === doc.lineCount && p.character > 0)) return `position ${p.line}:${p.character} is past the end (${doc.lineCount} lines)`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `range ${start.line}:${start.character}-${end.line}:${end.character} is reversed`;
  return undefined;
}

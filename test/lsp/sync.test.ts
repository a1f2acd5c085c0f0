// What the server tells a document's LineCache about the editor's changes (issue 18): the text the
// last lint saw, and how much of its start and end the changes since left alike, so the next lint
// need not compare two versions of a big plan. A claim too wide would keep a changed line's old
// record; these tests pin the bounds, and test/lsp/robustness.test.ts checks the diagnostics over
// stdio after 10,000 random edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, noteEdit } from '../../server/src/lsp/sync.js';
import { LineCache, lint } from '../../server/src/engine/index.js';

const TEXT = '2024年工作要点\n一、加强领导\n（一）落实责任\n';
const at = (doc: TextDocument, offset: number) => doc.positionAt(offset);

test('changes in one didChange: the head before the first range, the tail after the last, in the first text\'s terms', () => {
  const doc = TextDocument.create('file:///a.txt', 'workplan', 1, TEXT);
  // `领导` → `组织领导` at 14, then `（一）` deleted at the third line's start: 19 to 22 in the text
  // after the first change (17 to 20 in the first text)
  const middle = TextDocument.create('file:///a.txt', 'workplan', 1, TEXT.replace('领导', '组织领导'));
  const r = applyChanges(doc, [
    { range: { start: at(doc, 14), end: at(doc, 14) }, text: '组织' },
    { range: { start: at(middle, 19), end: at(middle, 22) }, text: '' },
  ], 2);
  assert.ok(!('error' in r));
  assert.equal(r.doc.getText(), '2024年工作要点\n一、加强组织领导\n落实责任\n');
  assert.deepEqual(r.alike, { head: 14, tail: TEXT.length - 20 });
});

test('a change without a range (the whole text) leaves nothing alike', () => {
  const doc = TextDocument.create('file:///a.txt', 'workplan', 1, TEXT);
  const r = applyChanges(doc, [{ text: TEXT + '二、' }], 2);
  assert.ok(!('error' in r));
  assert.deepEqual(r.alike, { head: 0, tail: 0 });
});

test('noteEdit: changes between two lints add up from the text the last lint saw; told nothing when the cache saw another text', () => {
  const cache = new LineCache();
  lint(TEXT, undefined, undefined, cache);
  noteEdit(cache, TEXT, { head: 18, tail: 10 });
  assert.deepEqual(cache.edit, { before: TEXT, head: 18, tail: 10 });
  // the next change applies to the edited text, whatever it is: the bounds narrow
  noteEdit(cache, 'the edited text', { head: 20, tail: 4 });
  assert.deepEqual(cache.edit, { before: TEXT, head: 18, tail: 4 });
  // a lint reads the claim once
  lint(TEXT.replace('领导', '组织领导'), undefined, undefined, cache);
  assert.equal(cache.edit, undefined);
  const fresh = new LineCache();
  lint(TEXT, undefined, undefined, fresh);
  noteEdit(fresh, 'not the text the cache saw', { head: 3, tail: 3 });
  assert.equal(fresh.edit, undefined);
  const empty = new LineCache();
  noteEdit(empty, TEXT, { head: 3, tail: 3 });
  assert.equal(empty.edit, undefined);
});

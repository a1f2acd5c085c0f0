// Display width for the stylish columns and help tables (server/src/cli/width.ts): string-width's
// answers on the characters plans are written in, without its grapheme segmenter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth } from '../../server/src/cli/width.js';

// what a plan, a path and a message hold: ASCII, CJK (also extension A and the compatibility block),
// full-width and CJK punctuation, the ambiguous “” ‘’ … — ·, combining marks, zero-width and control characters
const plan = fc.constantFrom(...'aZ09 .:/\\-_（）《》“”‘’…—·、，。；：！？〔〕【】一二三四五六七八九十推进办公室牵头負責㐀豈ＡＢ１２é\u0301\u200b\u200d\u00ad\u0007\ufeff\t');

test('the width string-width gives, narrow and wide ambiguous, for strings of plan characters', () => {
  fc.assert(fc.property(fc.array(plan, { maxLength: 40 }).map((a) => a.join('')), (s) => {
    assert.equal(displayWidth(s), stringWidth(s), JSON.stringify(s));
    assert.equal(displayWidth(s, true), stringWidth(s, { ambiguousIsNarrow: false }), JSON.stringify(s));
  }), { numRuns: 2000 });
});

test('exact widths: CJK two, ASCII one, “” one or two, marks and tabs none', () => {
  assert.deepEqual(['1:1', '第12段', '警告?', '“办公室”', 'e\u0301', 'a\tb', '𠀀'].map((s) => [displayWidth(s), displayWidth(s, true)]),
    [[3, 3], [6, 6], [5, 5], [8, 10], [1, 1], [2, 2], [2, 2]]);
});

test('the office layout’s widest line: the widest of the lines split at \\n, surrogate pairs and lone halves alike', async () => {
  const table = await import('../../server/src/table/width.js');
  const chars = fc.constantFrom(...'a1 .（）“”…—·、推进办公室㐀豈Ａ１\n\n\r\t', '𠀀', '\ud840', '\udc00');
  fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (s) => {
    assert.equal(table.widestLine(s), Math.max(0, ...s.split('\n').map(table.displayWidth)), JSON.stringify(s));
  }), { numRuns: 2000 });
  assert.deepEqual(['', '推进', '推进\nab', 'a\n推进工作\n', '𠀀b'].map(table.widestLine), [0, 4, 4, 8, 3]);
});

test('the office layout\'s wrapped lines: each line split at \\r\\n, \\r or \\n at least one, wrapped at the width', async () => {
  const table = await import('../../server/src/table/width.js');
  const chars = fc.constantFrom(...'a1 .（）“”…—·、推进办公室㐀豈Ａ１\n\n\r\r\t', '\r\n', '𠀀', '\ud840', '\udc00');
  const split = (s: string, usable: number) => s.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(table.displayWidth(line) / usable)), 0);
  fc.assert(fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 0.5, 0.25), (s, whole, part) => {
    assert.equal(table.wrappedLineCount(s, whole + part), split(s, whole + part), JSON.stringify([s, whole + part]));
  }), { numRuns: 3000 });
  assert.deepEqual(['', '推进', '推进工作\r\nab', 'a\r\r推进工作\n', '𠀀𠀀b'].map((s) => table.wrappedLineCount(s, 3)), [1, 2, 4, 6, 2]);
});

// Lexer and parser: markers only at the start of a line, every rank with its value, raw text,
// delimiter and exact span; garbage never becomes structure; any input parses.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Lexer } from 'chevrotain';
import { readdirSync, readFileSync } from 'node:fs';
import { allTokens } from '../../server/src/engine/lexer/tokens.js';
import { LineParser, parseWhole } from '../../server/src/engine/parser/parser.js';
import { LineIndex, parsePlan, type Marker } from '../../server/src/engine/index.js';
import { doc, TITLE, plan } from '../fixtures/helpers.js';

const markerOf = (text: string, line: number): Marker | undefined => plan(text).allItems.find((i) => i.heading.line === line - 1)?.marker;

describe('lexer', () => {
  test('the token set passes Chevrotain validation with optimisations ensured (the start-up skips it)', () => {
    assert.doesNotThrow(() => new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' }));
  });
});

describe('parser', () => {
  test('the line grammar passes Chevrotain\'s grammar validations (the start-up skips them)', () => {
    // with validations on, performSelfAnalysis throws on any definition error (ambiguity, left recursion…)
    assert.doesNotThrow(() => new LineParser(true));
  });
  test('any token sequence parses: markers, indents and pairs in any order, no line break at the end', () => {
    const lines = parseWhole('）（一）\n  \n一、（1）（\n#\t（一）甲）\r\n①').records();
    assert.deepEqual(lines.map((l) => [l.start, l.end, l.marker?.image, l.pairs.map((p) => p.image).join('')]), [
      [0, 4, undefined, '）（）'], [5, 7, undefined, ''], [8, 14, '一、', '（）（'], [15, 22, '（一）', '）'], [24, 25, '①', ''],
    ]);
  });
});

describe('markers by rank', () => {
  const text = doc(
    TITLE,
    '一、总体要求',
    '十一、第十一部分',
    '（一）全角括号',
    '(二十二)半角括号',
    '1.下脚点',
    '2．全角点',
    '（1）全角括号数字',
    '(2)半角括号数字',
    '①圈码',
    '　　二十二、缩进的一级',
  );
  const cases: [number, Partial<Marker>][] = [
    [2, { rank: 1, value: 1, raw: '一、', delimiter: '、', strength: 'definite', expectedDelimiter: '、' }],
    [3, { rank: 1, value: 11, raw: '十一、', delimiter: '、' }],
    [4, { rank: 2, value: 1, raw: '（一）', delimiter: '', open: '（', close: '）', expectedDelimiter: '' }],
    [5, { rank: 2, value: 22, raw: '(二十二)', delimiter: '', open: '(', close: ')' }],
    [6, { rank: 3, value: 1, raw: '1.', delimiter: '.', expectedDelimiter: '.' }],
    [7, { rank: 3, value: 2, raw: '2．', delimiter: '．' }],
    [8, { rank: 4, value: 1, raw: '（1）', delimiter: '' }],
    [9, { rank: 4, value: 2, raw: '(2)', delimiter: '' }],
    [10, { rank: 5, value: 1, raw: '①', delimiter: '' }],
    [11, { rank: 1, value: 22, raw: '二十二、' }],
  ];
  for (const [line, want] of cases) {
    test(`line ${line}: ${want.raw}`, () => {
      const m = markerOf(text, line);
      assert.ok(m, `a marker on line ${line}`);
      for (const [k, v] of Object.entries(want)) assert.deepEqual(m[k as keyof Marker], v, k);
      assert.equal(text.slice(m.span.start, m.span.end), m.raw);
    });
  }

  test('an indented marker: span after the full-width spaces, paragraph content likewise', () => {
    const p = plan(text);
    const it = p.allItems.find((i) => i.heading.line === 10)!;
    const pos = new LineIndex(text).positionAt(it.marker.span.start);
    assert.deepEqual(pos, { line: 10, character: 2 });
    assert.equal(it.heading.content.start, it.marker.span.start);
    assert.equal(it.heading.span.start, it.marker.span.start - 2);
  });

  test('depth by rank: 一、 → （一） → 1. → （1） → ①, with paths', () => {
    const t = doc(TITLE, '一、甲', '（一）乙', '1.丙', '（1）丁', '①戊。（办公室负责）', '二、己', '1.庚。（办公室负责）');
    const p = plan(t);
    assert.deepEqual(p.allItems.map((i) => [i.path, i.depth]), [
      ['一、', 0], ['一、（一）', 1], ['一、（一）1.', 2], ['一、（一）1.（1）', 3], ['一、（一）1.（1）①', 4], ['二、', 0], ['二、1.', 1],
    ]);
    assert.deepEqual(p.tasks.map((i) => i.path), ['一、（一）1.（1）①', '二、1.']);
  });
});

describe('not markers', () => {
  test('`一、` in the middle of a sentence is text', () => {
    const p = plan(doc(TITLE, '一、甲', '坚持两个原则：一、公开；二、公正。'));
    assert.equal(p.allItems.length, 1);
    assert.equal(p.allItems[0]!.body.length, 1);
  });

  test('a garbled date `2020824` and a bare number on its own line are no items', () => {
    const p = plan(doc(TITLE, '一、甲', '1.做好甲。（办公室负责）', '2020824', '12', '2.做好乙。（办公室负责）'));
    assert.deepEqual(p.allItems.map((i) => i.path), ['一、', '一、1.', '一、2.']);
    assert.deepEqual(p.allItems[1]!.body.map((b) => b.line + 1), [4, 5]);
  });

  test('numbers followed by a quantity or a date are text: `2020年`, `30个`, `8月`', () => {
    const p = plan(doc(TITLE, '一、甲', '1.做好甲。（办公室负责）', '2020年完成清理。', '30个工作日内答复。', '8月底前出台方案。'));
    assert.equal(p.allItems.length, 2);
    assert.equal(p.allItems[1]!.body.length, 3);
  });

  test('`3.1` is a section number, not item 3', () => {
    const t = doc(TITLE, '一、甲', '1.做好甲。（办公室负责）', '2.做好乙。（办公室负责）', '3.1 做好丙。', '3.做好丁。（办公室负责）');
    const p = plan(t);
    assert.deepEqual(p.allItems.map((i) => i.path), ['一、', '一、1.', '一、2.', '一、3.']);
    assert.equal(p.allItems[3]!.heading.line + 1, 6);
    assert.equal(p.allItems[2]!.body[0]!.line + 1, 5);
  });

  test('`3.1做好` before a real `3.` is text of item 2, not item 3 and a duplicate', () => {
    const p = plan(doc(TITLE, '一、甲', '1.做好甲。（办公室负责）', '2.做好乙。（办公室负责）', '3.1做好丙。', '3.做好丁。（办公室负责）'));
    assert.deepEqual(p.allItems.map((i) => [i.path, i.heading.line + 1]), [['一、', 2], ['一、1.', 3], ['一、2.', 4], ['一、3.', 6]]);
  });

  test('`11.121人才梯队项目` is item 11 whose text starts with digits', () => {
    const lines = [TITLE, '一、甲', ...Array.from({ length: 10 }, (_, i) => `${i + 1}.做好第${i + 1}项。（办公室负责）`), '11.121人才梯队项目。（人事处负责）'];
    const p = plan(doc(...lines));
    const it = p.allItems.find((i) => i.heading.line === 12)!;
    assert.equal(it.path, '一、11.');
    assert.equal(it.marker.raw, '11.');
    assert.equal(it.marker.strength, 'weak');
    assert.equal(it.title, '121人才梯队项目');
  });

  test('`11.121…` where 11 is not expected stays text', () => {
    const p = plan(doc(TITLE, '一、甲', '1.做好甲。（办公室负责）', '11.121人才梯队项目。'));
    assert.equal(p.allItems.length, 2);
  });
});

describe('titles, paragraphs and lines', () => {
  test('title: the text up to the first `。`, or the whole line', () => {
    const t = doc(TITLE, '一、总体要求', '（一）深入解读重要政策。围绕中心工作。（办公室负责）', '（二）加强平台建设');
    const p = plan(t);
    assert.equal(p.allItems[1]!.title, '深入解读重要政策');
    assert.equal(t.slice(p.allItems[1]!.titleSpan.start, p.allItems[1]!.titleSpan.end), '深入解读重要政策');
    assert.equal(p.allItems[2]!.title, '加强平台建设');
  });

  test('CRLF, lone CR and blank lines keep line numbers aligned with editors', () => {
    const t = `${TITLE}\r\n\r\n一、甲\r1.做好甲。（办公室负责）\r\n\r\n2.做好乙。（办公室负责）`;
    const p = plan(t);
    assert.deepEqual(p.allItems.map((i) => i.heading.line), [2, 3, 5]);
    const li = new LineIndex(t);
    for (const it of p.allItems) assert.equal(li.positionAt(it.marker.span.start).line, it.heading.line);
    assert.equal(p.allItems[2]!.heading.span.end, t.length);
  });

  test('line starts: \\n only (the native search), and any \\r (CRLF, lone CR)', () => {
    const starts = (t: string) => [...new LineIndex(t).lineStarts];
    assert.deepEqual(starts(''), [0]);
    assert.deepEqual(starts('甲'), [0]);
    assert.deepEqual(starts('\n'), [0, 1]);
    assert.deepEqual(starts('一、甲\n\n乙\n'), [0, 4, 5, 7]);
    assert.deepEqual(starts('一、甲\r\n\r乙\n丙'), [0, 5, 6, 8]);
    assert.deepEqual(new LineIndex('一、甲\n乙').positionAt(5), { line: 1, character: 1 });
  });

  test('trailing whitespace is not content', () => {
    const t = doc(TITLE, '一、甲', '1.做好甲。（办公室负责）\u3000 \t');
    const it = plan(t).allItems[1]!;
    assert.equal(t.slice(it.heading.content.start, it.heading.content.end), '1.做好甲。（办公室负责）');
  });

  test('a BOM and NBSP indentation do not hide a marker', () => {
    const t = `\ufeff${TITLE}\n\u00a0\u00a0一、甲\n1.做好甲。（办公室负责）\n`;
    assert.deepEqual(plan(t).allItems.map((i) => i.path), ['一、', '一、1.']);
  });
});

describe('any input parses, never throws', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['only line breaks', '\n\n\r\n\r'],
    ['only whitespace', '\u3000\u3000  \t\n  '],
    ['brackets only', '（（（））)))】】《《〈'],
    ['markers only', '一、\n（一）\n1.\n（1）\n①\n'],
    ['a lone surrogate', 'a\ud800b\n一、\udc00'],
    ['binary-looking', '\u0000\u0001\u0002\uffff\ufffe'],
    ['very long line', '1.' + '很'.repeat(50_000)],
    ['deep brackets', '（'.repeat(5_000) + '）'.repeat(4_999)],
  ];
  for (const [name, text] of inputs) {
    test(name, () => {
      const p = parsePlan(text);
      assert.equal(p.text, text);
      for (const para of p.paragraphs) assert.ok(para.span.start <= para.content.start && para.content.end <= para.span.end && para.span.end <= text.length);
    });
  }
});

describe('long plans', () => {
  // a search over the whole text per unit (lastIndexOf) once made long plans quadratic (200 KB took
  // 17 s). Speed is measured in `npm run bench` (linearity from 50 KB to 10 MB), not asserted here:
  // this test pins the shape that was slow, and that every task of it is found.
  test('1 MB of tasks with long unit lists (bracketed, bare, table cells): every task found', () => {
    const units = Array.from({ length: 30 }, (_, i) => `第${i}处`).join('、');
    const block = doc('一、甲', `1.做好甲。（${units}负责）`, `2.做好乙。${units}负责`, `3\t做好丙\t${units}\t6月底前`);
    const text = block.repeat(Math.ceil(1_000_000 / block.length));
    const p = parsePlan(text);
    assert.equal(p.tasks.length, 3 * Math.ceil(1_000_000 / block.length));
    assert.ok(p.tasks.every((t) => t.unitClauses.some((c) => c.units.length === 30)));
  });
});

describe('lexed a slice of lines at a time', () => {
  /** a line record as plain data: extent, marker and pair tokens by type, offset and text */
  const plain = (text: string, slice?: number) => parseWhole(text, slice).records().map((l) => ({
    start: l.start, end: l.end, contentStart: l.contentStart,
    marker: l.marker && [l.marker.tokenType.name, l.marker.startOffset, l.marker.image],
    pairs: l.pairs.map((t) => [t.tokenType.name, t.startOffset, t.image]),
  }));
  const corpus = new URL('../corpus/', import.meta.url);
  const texts = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, corpus), 'utf8'));
  // slice edges on CRLF, on lines that are all indent or Markdown prefix, right before a marker
  texts.push('#\t（一）甲\n标题\r\n  \r\n## 一、甲\r\n\r\n   1.乙（办公室负责）\r\n★2.丙\r\n\n\n（一）丁\n①戊', '一、甲\r二、乙\r', '');
  for (const slice of [1, 2, 7, 64, 4096]) {
    test(`slices of ${slice}: the same records as the whole text at once (the 33 corpus plans and line-edge cases)`, () => {
      for (const [i, t] of texts.entries()) assert.deepEqual(plain(t, slice), plain(t, Infinity), `text ${i}`);
    });
  }
  test('one record per line: a marker after a Markdown prefix and a tab is that line\'s (it once began a record of its own, every later line one off)', () => {
    const t = '标题\n#\t（一）甲（办公室）\n乙\n';
    assert.deepEqual(plain(t), [
      { start: 0, end: 2, contentStart: 0, marker: undefined, pairs: [] },
      { start: 3, end: 14, contentStart: 3, marker: ['Rank2Marker', 5, '（一）'], pairs: [['PairOpen', 9, '（'], ['PairClose', 13, '）']] },
      { start: 15, end: 16, contentStart: 15, marker: undefined, pairs: [] },
      { start: 17, end: 17, contentStart: 17, marker: undefined, pairs: [] },
    ]);
  });
  test('a slice ends at a line break: markers after it are still at a line start', () => {
    const t = '标题\n一、甲\n（一）乙\n1.丙\n';
    assert.deepEqual(plain(t, 3).map((l) => l.marker?.[2]), [undefined, '一、', '（一）', '1.', undefined]);
  });
});

// numbering-inline: inline enumerations in a paragraph run in order — `一是…二是…三是…`,
// `第一，…第二，…`; words that merely contain 是 (`统一是`, `不是`) are no enumeration.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, diagnosticsOf, doc, reportsOf, TITLE } from '../fixtures/helpers.js';

const RULE = 'numbering-inline';

describe('numbering-inline: must pass', () => {
  const clean: [string, string][] = [
    ['一是 二是 三是', doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实，三是总结经验。（办公室负责）')],
    ['第一， 第二， 第三，', doc(TITLE, '一、任务', '1.做好甲。第一，加强学习；第二，强化落实；第三，总结经验。（办公室负责）')],
    ['统一是 / 不是 are words, not entries', doc(TITLE, '一、任务', '1.标准统一是前提，公开不是例外，二是不算。（办公室负责）')],
    ['each paragraph is its own enumeration', doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实。', '一是总结经验，二是推广做法。（办公室负责）')],
  ];
  for (const [name, text] of clean) test(name, () => assert.deepEqual(reportsOf(text, RULE), []));

  test('the corpus report 003 (一是…四是) is in order', () => {
    assert.deepEqual(reportsOf(corpusText('003_'), RULE), []);
  });
});

describe('numbering-inline: must fail', () => {
  test('一是 … 三是: expected 二是', () => {
    const text = doc(TITLE, '一、任务', '1.做好甲。一是加强学习，三是强化落实。（办公室负责）');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 3, column: 14, key: 'numbering-inline/order' }]);
    const [d] = diagnosticsOf(text, RULE);
    assert.deepEqual(d!.data, { expected: '二是', actual: '三是' });
    assert.equal(d!.message, '分项“三是”顺序不对：此处应为“二是”');
    assert.equal(d!.fix, undefined, 'not fixable: the text may be what is wrong');
  });

  test('第一， 第二， 第四，: expected 第三', () => {
    const text = doc(TITLE, '一、任务', '1.做好丁。第一，加强学习；第二，强化落实；第四，总结。（办公室负责）');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 3, column: 23, key: 'numbering-inline/order' }]);
    assert.equal(diagnosticsOf(text, RULE)[0]!.data.expected, '第三');
  });

  test('a repeated entry: 一是 二是 二是 → expected 三是', () => {
    const text = doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实，二是总结经验。（办公室负责）');
    assert.deepEqual(reportsOf(text, RULE).map((r) => [r.line, r.column]), [[3, 21]]);
    assert.equal(diagnosticsOf(text, RULE)[0]!.data.expected, '三是');
  });
});

// numbering-inline: inline enumerations in a paragraph run in order — `一是…二是…三是…`,
// `第一，…第二，…`; words that merely contain 是 (`统一是`, `不是`) are no enumeration.
import { corpusText, doc, TITLE } from '../fixtures/helpers.js';
import { ruleTester } from '../fixtures/rule-tester.js';

ruleTester('numbering-inline', {
  valid: [
    { name: '一是 二是 三是', text: doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实，三是总结经验。（办公室负责）') },
    { name: '第一， 第二， 第三，', text: doc(TITLE, '一、任务', '1.做好甲。第一，加强学习；第二，强化落实；第三，总结经验。（办公室负责）') },
    { name: '统一是 / 不是 are words, not entries', text: doc(TITLE, '一、任务', '1.标准统一是前提，公开不是例外，二是不算。（办公室负责）') },
    { name: 'each paragraph is its own enumeration', text: doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实。', '一是总结经验，二是推广做法。（办公室负责）') },
    { name: 'the corpus report 003 (一是…四是) is in order', text: corpusText('003_') },
  ],
  invalid: [
    {
      name: '一是 … 三是: expected 二是', text: doc(TITLE, '一、任务', '1.做好甲。一是加强学习，三是强化落实。（办公室负责）'),
      // not fixable: the text may be what is wrong
      errors: [{ messageId: 'order', line: 3, column: 14, data: { expected: '二是', actual: '三是' }, message: '分项“三是”顺序不对：此处应为“二是”', fix: null }],
    },
    {
      name: '第一， 第二， 第四，: expected 第三', text: doc(TITLE, '一、任务', '1.做好丁。第一，加强学习；第二，强化落实；第四，总结。（办公室负责）'),
      errors: [{ messageId: 'order', line: 3, column: 23, data: { expected: '第三', actual: '第四，' } }],
    },
    {
      name: 'a repeated entry: 一是 二是 二是 → expected 三是', text: doc(TITLE, '一、任务', '1.做好甲。一是加强学习，二是强化落实，二是总结经验。（办公室负责）'),
      errors: [{ messageId: 'order', line: 3, column: 21, data: { expected: '三是', actual: '二是' } }],
    },
  ],
});

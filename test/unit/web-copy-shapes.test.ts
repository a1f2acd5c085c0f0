// Shapes of web copies of real plans (issues 15 and 21, a second set of unseen documents), each on
// text written here in that shape: exact diagnostics and the exact `fengong inspect` lines.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { explainPlan, renderExplanation } from '../../server/src/engine/explain.js';
import { doc, plan, where } from '../fixtures/helpers.js';

const diagnostics = (text: string) => lint(text).diagnostics.map((d) => ({ ...where(text, d), data: d.data }));
/** what `fengong inspect` prints after the file name */
const inspect = (text: string) => renderExplanation(explainPlan(plan(text))).split('\n');

describe('the small full stop `﹒` (U+FE52) of web copies', () => {
  test('`1﹒` is a rank-3 marker as right as `1．`; `二﹒` is heading 二 with a wrong delimiter', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '1﹒做好甲。落实甲项工作。（办公室负责）', '2﹒做好乙。落实乙项工作。（法规科负责）',
      '二﹒推进执行公开', '3﹒做好丙。落实丙项工作。（办公室负责）');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-format', line: 5, column: 1, key: 'numbering-format/wrong-delimiter', data: { marker: '二﹒', rank: 1, rankName: '一级', expected: '、', actual: '﹒' } },
    ]);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：3', '',
      '2  一、推进决策公开',
      '  3  1.做好甲 → 办公室（负责）',
      '  4  2.做好乙 → 法规科（负责）',
      '5  二、推进执行公开',
      '  6  3.做好丙 → 办公室（负责）',
      '',
    ]);
  });

  test('`3﹒1` is a section number, not item 3', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '1﹒做好甲。落实甲项工作。（办公室负责）', '3﹒1 工作安排', '2﹒做好乙。落实乙项工作。（法规科负责）');
    assert.deepEqual(plan(t).allItems.map((i) => i.marker.raw), ['一、', '1﹒', '2﹒']);
  });
});

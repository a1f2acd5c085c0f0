// Deadlines in task text: as written, with exact spans, normalised to a date only where the year
// is certain (from the deadline itself or a single year in the title).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, doc, itemByPath, plan } from '../fixtures/helpers.js';

const deadlines = (title: string, task: string) => {
  const text = doc(title, '一、重点任务', `1.${task}（办公室负责）`);
  const it = itemByPath(plan(text), '一、1.');
  for (const d of it.deadlines) assert.equal(text.slice(d.span.start, d.span.end), d.text, 'the span is the text');
  return it.deadlines.map((d) => (d.date ? [d.text, d.date] : [d.text]));
};
const Y2024 = '某某局2024年工作要点';

describe('deadlines', () => {
  test('month, day, year: 8月底前, 2月底前 (a leap year), 9月25日前, 2023年6月30日前', () => {
    assert.deepEqual(deadlines(Y2024, '甲。8月底前完成，2月底前启动，2023年6月30日前出台，9月25日前报送。'), [
      ['8月底前', '2024-08-31'], ['2月底前', '2024-02-29'], ['2023年6月30日前', '2023-06-30'], ['9月25日前', '2024-09-25'],
    ]);
  });

  test('periods: 上半年, 下半年, 第三季度末前, 6月中旬前, 年底前, 今年底, 2025年底前', () => {
    assert.deepEqual(deadlines(Y2024, '乙。上半年完成，下半年推进，第三季度末前完成，6月中旬前启动，年底前完成，今年底建成，2025年底前全面建成。'), [
      ['上半年', '2024-06-30'], ['下半年', '2024-12-31'], ['第三季度末前', '2024-09-30'], ['6月中旬前', '2024-06-20'],
      ['年底前', '2024-12-31'], ['今年底', '2024-12-31'], ['2025年底前', '2025-12-31'],
    ]);
  });

  test('relative and standing deadlines have no date: 印发之日起30日内, 3个工作日内, 持续推进, 长期坚持, 每季度', () => {
    assert.deepEqual(deadlines(Y2024, '丙。印发之日起30日内制定细则，3个工作日内答复，持续推进，长期坚持，每季度通报。'), [
      ['印发之日起30日内'], ['3个工作日内'], ['持续推进'], ['长期坚持'], ['每季度'],
    ]);
  });

  test('no deadline: 之前, 去年底, 以前', () => {
    assert.deepEqual(deadlines(Y2024, '丁。在此之前不变，去年底已完成，以前的做法。'), []);
  });

  test('no year in the title: no date, except where the deadline names its year', () => {
    assert.deepEqual(deadlines('某某局工作要点', '甲。8月底前完成，2022年底前建成。'), [['8月底前'], ['2022年底前', '2022-12-31']]);
  });

  test('a range of years in the title (2023—2025年) is no single year', () => {
    const text = doc('某某局2023—2025年工作方案', '一、重点任务', '1.甲。8月底前完成。（办公室负责）');
    const p = plan(text);
    assert.equal(p.year, undefined);
    assert.deepEqual(itemByPath(p, '一、1.').deadlines.map((d) => [d.text, d.date]), [['8月底前', undefined]]);
  });

  test('traditional script: 3個工作日內, 2024年底前', () => {
    assert.deepEqual(deadlines('某某部2024年工作要點', '甲。2024年底前完成，3個工作日內答覆。'), [['2024年底前', '2024-12-31'], ['3個工作日內']]);
  });

  test('the corpus: 000 `8月底前` → 2020-08-31, 004 `9月25日前` → 2020-09-25, 001 `2022年底前`', () => {
    assert.deepEqual(itemByPath(plan(corpusText('000_')), '一、4.').deadlines.map((d) => [d.text, d.date]), [['8月底前', '2020-08-31']]);
    const t004 = itemByPath(plan(corpusText('004_')), '二、（一）');
    assert.deepEqual(t004.deadlines.map((d) => [d.text, d.date]), [['9月25日前', '2020-09-25'], ['5个工作日内', undefined]]);
    assert.deepEqual(itemByPath(plan(corpusText('001_')), '四、（十八）').deadlines.map((d) => d.date), ['2022-12-31']);
  });
});

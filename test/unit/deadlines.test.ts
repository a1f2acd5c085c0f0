// Deadlines in task text: as written, with exact spans, normalised to a date only where the year
// is certain (from the deadline itself or a single year in the title).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, doc, itemByPath, plan } from '../fixtures/helpers.js';
import { findDeadlines } from '../../server/src/engine/model/deadlines.js';

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

  test('a recurring date is a frequency, no time limit: 每年12月15日前, 每季度末前, 每月5日前; 8月底前 beside them is', () => {
    assert.deepEqual(deadlines(Y2024, '甲。每年12月15日前报送进展，每季度末前更新，每月5日前公开，8月底前完成。'), [['8月底前', '2024-08-31']]);
  });

  test('periods: 上半年, 下半年, 第三季度末前, 6月中旬前, 年底前, 今年底, 2025年底前', () => {
    assert.deepEqual(deadlines(Y2024, '乙。上半年完成，下半年推进，第三季度末前完成，6月中旬前启动，年底前完成，今年底建成，2025年底前全面建成。'), [
      ['上半年', '2024-06-30'], ['下半年', '2024-12-31'], ['第三季度末前', '2024-09-30'], ['6月中旬前', '2024-06-20'],
      ['年底前', '2024-12-31'], ['今年底', '2024-12-31'], ['2025年底前', '2025-12-31'],
    ]);
  });

  test('relative and standing deadlines have no date: 印发之日起30日内, 3个工作日内, 持续推进, 长期坚持 as their own clause part', () => {
    assert.deepEqual(deadlines(Y2024, '丙。印发之日起30日内制定细则，3个工作日内答复，持续推进，长期坚持。'), [
      ['印发之日起30日内'], ['3个工作日内'], ['持续推进'], ['长期坚持'],
    ]);
  });

  test('target years and spans: 到2020年, 力争到2020年底, 5年内, 2—3年内, 1年内, 年内, 24小时内, 用两年时间, 2020年初步建成', () => {
    assert.deepEqual(deadlines('某某局工作方案', '丙。到2020年，基本建立；力争到2020年底建成，5年内覆盖，在2—3年内调整到位，确保1年内完成，年内实现，最迟5小时内发布、24小时内举行，用两年时间打好基础，2020年初步建成。'), [
      ['到2020年'], ['力争到2020年底', '2020-12-31'], ['5年内'], ['2—3年内'], ['1年内'], ['年内'], ['5小时内'], ['24小时内'], ['用两年时间'], ['2020年'],
    ]);
  });

  test('periods: 2019年1月1日至12月31日, a stage period in a heading `（2015年4月-6月）`', () => {
    assert.deepEqual(deadlines('某某局工作方案', '准备阶段（2015年4月-6月）。2019年1月1日至12月31日开展。'), [['2015年4月-6月', '2015-06-30'], ['2019年1月1日至12月31日', '2019-12-31']]);
  });

  test('no time limit: frequencies (每年, 每季度, 每月, 每半年), start dates (从2019年1月1日起, 2020年起), 持续推进 as the verb of the task', () => {
    assert.deepEqual(deadlines(Y2024, '丁。每年组织一次，每季度通报，每月公开，每半年评估，从2019年1月1日起施行，2020年起不再招聘，持续推进“放管服”改革。'), []);
  });

  test('one time limit written twice in a task is listed once', () => {
    assert.deepEqual(deadlines(Y2024, '戊。5月底前完成甲，5月底前完成乙。'), [['5月底前', '2024-05-31']]);
  });

  test('the closing after the last item (signature, date) gives the task no time limit', () => {
    const text = doc('某某局2024年工作要点', '一、重点任务', '1.做好甲。（办公室负责）', '某某局办公室', '2024年3月1日');
    assert.deepEqual(itemByPath(plan(text), '一、1.').deadlines, []);
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

  test('each form whole at its longest, after earlier characters of its kind: the scan starts near the next 前/月/年, never inside a match', () => {
    const found = (t: string) => findDeadlines(t, 0, t.length, 2024).map((d) => [d.text, d.span.start]);
    // 15 characters before the 前 that ends it, a 前 and a 月 ten characters before
    assert.deepEqual(found('目前甲乙丙丁戊己庚辛2024年12月31日中旬之前完成'), [['2024年12月31日中旬之前', 10]]);
    assert.deepEqual(found('当前月份甲乙丙2019年10月11日至2020年12月31日实施'), [['2019年10月11日至2020年12月31日', 7]]);
    assert.deepEqual(found('年度工作，力争到2025年底之前，2024年第三季度末之前，2024年12月中旬，今年底之前'), [
      ['力争到2025年底之前', 5], ['2024年第三季度末之前', 17], ['2024年12月中旬', 30], ['今年底之前', 41],
    ]);
    assert.deepEqual(found('长期以来，今年内持续推进，印发之日起30—60个工作日内，用两个月左右的时间'), [
      ['今年内持续推进', 5], ['印发之日起30—60个工作日内', 13], ['用两个月左右的时间', 29],
    ]);
  });

  test('the corpus: 000 `8月底前` → 2020-08-31, 004 `9月25日前` → 2020-09-25, 001 `2022年底前`', () => {
    assert.deepEqual(itemByPath(plan(corpusText('000_')), '一、4.').deadlines.map((d) => [d.text, d.date]), [['8月底前', '2020-08-31']]);
    const t004 = itemByPath(plan(corpusText('004_')), '二、（一）');
    assert.deepEqual(t004.deadlines.map((d) => [d.text, d.date]), [['9月25日前', '2020-09-25'], ['5个工作日内', undefined]]);
    assert.deepEqual(itemByPath(plan(corpusText('001_')), '四、（十八）').deadlines.map((d) => d.date), ['2022-12-31']);
  });
});

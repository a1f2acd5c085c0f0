// Plans in shapes the corpus does not show (issue 2, "Done when"): a 任务分解表 pasted as
// tab-separated rows, a plan in traditional script, a document numbered through with
// （一）…（二十四）. Fixtures in test/fixtures/plans/.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint } from '../../server/src/engine/index.js';
import { doc, fixtureText, itemByPath, lineOf, plan, reportsOf, unitsOf, where } from '../fixtures/helpers.js';

describe('a 任务分解表 pasted as tab-separated rows', () => {
  const text = fixtureText('table-tsv.txt');
  const p = plan(text);

  test('each numbered row is a task under its section row; the header row is preamble', () => {
    assert.equal(p.kind, 'plan');
    assert.equal(p.title?.text, '某某县2024年政务公开工作任务分解表');
    assert.deepEqual(p.allItems.map((i) => i.path), ['一、', '一、1.', '一、2.', '一、3.', '二、', '二、4.', '二、5.', '二、7.']);
    assert.equal(p.tasks.length, 6);
    assert.ok(p.preamble.some((q) => q.line === 2), 'the header row');
    const m = itemByPath(p, '一、1.').marker;
    assert.deepEqual([m.raw, m.value, m.delimiter, m.inTable, m.strength], ['1', 1, '', true, 'definite']);
  });

  test('the title is the task cell up to its first 。, not the whole row', () => {
    assert.equal(itemByPath(p, '一、1.').title, '健全重大行政决策公众参与机制，决策草案公开征求意见');
    assert.equal(itemByPath(p, '二、5.').title, '加强政府网站和政务新媒体建设');
  });

  test('units come from the columns, with the roles their headers name', () => {
    assert.deepEqual(unitsOf(itemByPath(p, '一、1.')), ['县政府办公室/lead', '县政府各部门/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '一、2.')), ['县委宣传部/lead', '县政府各部门/responsible', '各乡镇（街道）/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '一、3.')), ['县发展改革局/lead', '县财政局/lead', '县政府有关部门/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '二、4.')), ['县司法局/lead'], 'an empty 责任单位 cell beside a 牵头单位 is enough');
    assert.deepEqual(unitsOf(itemByPath(p, '二、5.')), []);
    const c = itemByPath(p, '一、1.').unitClauses[0]!;
    assert.equal(c.form, 'cell');
    assert.equal(text.slice(c.span.start, c.span.end), '县政府办公室');
  });

  test('deadlines from the 完成时限 column, also where no pattern knows the form (2024年12月)', () => {
    assert.deepEqual(p.tasks.map((t) => t.deadlines.map((d) => [d.text, d.date ?? ''])), [
      [['2024年6月底前', '2024-06-30']], [['持续推进', '']], [['9月30日前', '2024-09-30']], [['10月底前', '2024-10-31']],
      [['2024年12月', '2024-12-31']], [['长期坚持', '']],
    ]);
  });

  test('rows under one task keep their own 完成时限 cells: a pattern once, an unknown form as the cell, none twice', () => {
    // each row's cell is checked against that row's deadlines only (issue 18: the item's were searched, quadratic)
    const t = doc('某某县2024年任务分解表', '序号\t工作任务\t牵头单位\t完成时限', '1\t做好甲\t县政府办公室\t6月底前',
      '—\t续甲一\t县财政局\t长期坚持', '—\t续甲二\t县财政局\t9月底前', '—\t续甲三\t县财政局\t2024年12月', '2\t做好乙\t县财政局\t2024年12月');
    const q = plan(t);
    const lineAt = (offset: number) => t.slice(0, offset).split('\n').length;
    assert.deepEqual(q.allItems.map((i) => [i.path, i.body.map((b) => b.line), i.deadlines.map((d) => [d.text, d.date ?? '', lineAt(d.span.start)])]), [
      ['1.', [3, 4, 5], [['6月底前', '2024-06-30', 3], ['长期坚持', '', 4], ['9月底前', '2024-09-30', 5], ['2024年12月', '2024-12-31', 6]]],
      ['2.', [], [['2024年12月', '2024-12-31', 7]]],
    ]);
  });

  test('exact diagnostics: a gap (7 after 5), two units run together; no delimiter complaints; the empty unit cells of row 5 are merged with row 4', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'numbering-sequence', line: 11, column: 1, key: 'numbering-sequence/gap' },
      { rule: 'unit-clause', line: 11, column: 25, key: 'unit-clause/run-together' },
    ]);
    assert.equal(lint(text).diagnostics[0]!.data.expected, '6');
    const row5 = itemByPath(p, '二、5.');
    assert.deepEqual([row5.units.map((u) => `${u.name}/${u.role}`), row5.unitSource, row5.uncertain], [['县司法局/lead'], 'merged', true]);
  });

  test('--fix renumbers the 序号 cell and leaves the row otherwise alone', () => {
    const out = fixText(text).text;
    assert.equal(lineOf(out, 11), lineOf(text, 11).replace(/^7/, '6'));
    assert.deepEqual(reportsOf(out, 'numbering-sequence'), []);
  });

  test('without a header: unit-like cells are responsible, a clause cell keeps its own roles', () => {
    const t = doc('某某县2024年政务公开重点任务分解',
      '1\t全面推进决策公开\t县政府办公室牵头，各部门配合\t6月底前',
      '2\t加强政策解读\t县委宣传部、县融媒体中心\t持续推进',
      '3\t规范依申请公开办理\t\t9月底前');
    const q = plan(t);
    assert.deepEqual(q.tasks.map((x) => unitsOf(x)), [['县政府办公室/lead', '各部门/cooperating'], ['县委宣传部/responsible', '县融媒体中心/responsible'], []]);
    assert.deepEqual(reportsOf(t, 'task-unit').map((r) => r.line), [4]);
  });

  test('CRLF rows, full-width numbers and `1.` in the 序号 cell', () => {
    const t = ['某某县2024年任务分工', '序号\t任务\t责任单位', '１\t做好甲\t县财政局', '2.\t做好乙\t县审计局', '3、\t做好丙\t'].join('\r\n');
    const q = plan(t);
    assert.deepEqual(q.tasks.map((x) => [x.marker.value, x.title, unitsOf(x).join()]), [[1, '做好甲', '县财政局/responsible'], [2, '做好乙', '县审计局/responsible'], [3, '做好丙', '']]);
    // 做好丙's empty unit cell is merged with 做好乙's: no task-unit
    assert.deepEqual(lint(t).diagnostics.map((d) => where(t, d)), []);
    assert.deepEqual(q.tasks[2]!.units.map((u) => u.name), ['县审计局']);
  });

  test('section rows written as bare numerals below the header: 一⇥…, （二）⇥…', () => {
    const t = doc('某某县2024年任务分解表', '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
      '一\t推进决策公开', '（一）\t决策公开', '1\t做好甲\t县政府办公室\t县政府各部门\t6月底前', '2\t做好乙\t\t\t持续推进',
      '二\t优化政务服务\t\t\t', '3\t做好丙\t县数据局\t\t年底前');
    const q = plan(t);
    assert.deepEqual(q.allItems.map((i) => [i.path, i.title, i.isTask]), [
      ['一、', '推进决策公开', false], ['一、（一）', '决策公开', false], ['一、（一）1.', '做好甲', true], ['一、（一）2.', '做好乙', true],
      ['二、', '优化政务服务', false], ['二、3.', '做好丙', true],
    ]);
    // 做好乙's empty unit cells are merged with 做好甲's: no task-unit
    assert.deepEqual(lint(t).diagnostics.map((d) => where(t, d)), []);
    assert.deepEqual(itemByPath(q, '一、（一）2.').units.map((u) => u.name), ['县政府办公室', '县政府各部门']);
  });

  test('a stray tab in running text is no table', () => {
    const t = doc('某某局2024年工作要点', '一、重点任务', '1.做好甲\t工作。（办公室负责）');
    assert.deepEqual(plan(t).tasks.map((x) => [x.path, x.marker.inTable]), [['一、1.', undefined]]);
  });
});

describe('a plan in traditional script', () => {
  const text = fixtureText('traditional.txt');
  const p = plan(text);

  test('framing sections 總體要求 and 保障措施 hold no tasks; six tasks under 重點任務', () => {
    assert.deepEqual(p.items.map((i) => [i.title, i.nonTaskReason]), [['總體要求', 'framing'], ['重點任務', 'has-children'], ['保障措施', 'framing']]);
    assert.deepEqual(p.tasks.map((t) => t.path), ['二、（一）1.', '二、（一）2.', '二、（二）1.', '二、（二）2.', '二、（二）3.', '二、（二）4.']);
    assert.equal(p.year, 2024);
  });

  test('牽頭, 負責, 責任單位, 〔各司（局）…〕, 主（協）辦機關, 指導 / 參與', () => {
    assert.deepEqual(p.tasks.map((t) => unitsOf(t)), [
      ['政策法規司/lead', '各司局/cooperating'],
      ['辦公廳/responsible'],
      ['辦公廳/responsible', '信息中心/responsible'],
      ['各司（局）/responsible'],
      ['信息中心/lead', '辦公廳/cooperating'],
      ['基層政權建設司/guiding', '各省級民政部門/cooperating'],
    ]);
  });

  test('deadlines: 2024年底前, 9月30日前, 3個工作日內', () => {
    assert.deepEqual(p.tasks.flatMap((t) => t.deadlines.map((d) => [d.text, d.date ?? ''])), [
      ['2024年底前', '2024-12-31'], ['9月30日前', '2024-09-30'], ['3個工作日內', ''],
    ]);
  });

  test('clean: no diagnostics', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), []);
  });

  test('a traditional-script task without units is reported', () => {
    const t = text.replace('（辦公廳負責）', '');
    assert.deepEqual(lint(t).diagnostics.map((d) => where(t, d)), [{ rule: 'task-unit', line: 11, column: 1, key: 'task-unit/missing' }]);
  });
});

describe('a document numbered through with （一）…（二十四）', () => {
  const text = fixtureText('through-24.txt');
  const p = plan(text);

  test('24 tasks across four sections, rank 2 through, framing sections first and last', () => {
    assert.equal(p.schemes[2], 'through');
    assert.equal(p.tasks.length, 24);
    assert.deepEqual(p.items.map((i) => i.children.length), [0, 6, 6, 6, 6, 0]);
    assert.deepEqual([p.items[0]!.nonTaskReason, p.items[5]!.nonTaskReason], ['framing', 'framing']);
    assert.deepEqual(p.tasks.map((t) => t.marker.value), Array.from({ length: 24 }, (_, i) => i + 1));
    assert.equal(p.tasks[23]!.path, '五、（二十四）');
    assert.equal(p.tasks[23]!.marker.raw, '（二十四）');
    assert.equal(p.tasks[10]!.path, '三、（十一）');
  });

  test('clean: no diagnostics', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), []);
  });

  test('one number broken: （十四） written （十五） → a gap expecting （十四）, then a duplicate expecting （十六）', () => {
    const t = text.replace('（十四）', '（十五）');
    // lines 21 onwards read （十五）（十五）（十六）…, judged within the through scheme
    const ds = lint(t).diagnostics;
    assert.deepEqual(ds.map((d) => where(t, d)), [
      { rule: 'numbering-sequence', line: 21, column: 1, key: 'numbering-sequence/gap' },
      { rule: 'numbering-sequence', line: 22, column: 1, key: 'numbering-sequence/duplicate' },
    ]);
    assert.equal(ds[0]!.data.expected, '（十四）');
    assert.equal(ds[1]!.data.expected, '（十六）');
  });

  test('the same plan restarting under each section is clean too', () => {
    let n = 0;
    const restart = text.replace(/^（[一二三四五六七八九十]+）/gm, () => `（${['一', '二', '三', '四', '五', '六'][n++ % 6]}）`);
    assert.equal(plan(restart).schemes[2], 'restart');
    assert.deepEqual(lint(restart).diagnostics, []);
  });
});

// Plans written in shapes none of the corpus documents has (issue: the engine is right for the
// format, not for the files it was built against). Each fixture carries the defects planted in it.
describe('a 责任清单 table: 序号 column, section rows, a merged-cell row, 注： notes', () => {
  const text = fixtureText('responsibility-list.txt');
  const q = plan(text);

  test('the numbered rows are the tasks, with the units of their columns', () => {
    assert.deepEqual(q.tasks.map((t) => [t.path, t.title, unitsOf(t).join()]), [
      ['一、1.', '制定年度安全生产工作要点', '区应急局/lead,区各有关部门/cooperating'],
      ['一、2.', '开展安全生产大检查', '区应急局/lead,各街道（镇）/cooperating'],
      ['一、3.', '推进企业安全生产标准化建设', '区市场监管局/cooperating,区应急局/cooperating'],
      ['一、5.', '加强危险化学品监管', '区应急局/lead,区公安分局/cooperating'],
      ['二、6.', '推进基层应急管理能力建设', '区应急局/lead,区民政局/lead,各街道（镇）/cooperating'],
      ['二、7.', '开展安全宣传“五进”活动', '区委宣传部/lead,区教育局/cooperating,各街道（镇）/cooperating'],
    ]);
  });

  test('the 注： list is notes, numbered on its own', () => {
    const notes = q.allItems.filter((i) => i.nonTaskReason === 'notes');
    assert.deepEqual(notes.map((n) => n.heading.line + 1), [13, 14]);
  });

  test('exact diagnostics: an empty 牵头单位 cell, the gap 3 → 5, units run together in one cell', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'unit-clause', line: 8, column: 17, key: 'unit-clause/empty-slot' },
      { rule: 'numbering-sequence', line: 9, column: 1, key: 'numbering-sequence/gap' },
      { rule: 'unit-clause', line: 11, column: 16, key: 'unit-clause/run-together' },
    ]);
  });
});

describe('a 行动计划 in Markdown: # headings, numbered lists restarting under each', () => {
  const text = fixtureText('action-plan.md');
  const q = plan(text);

  test('the title is the # heading (without its #); 总体要求 and 保障措施 hold no tasks', () => {
    assert.equal(q.title?.text, '某某市2024年数字政府建设行动计划');
    assert.deepEqual([q.genre.genre, q.genre.titleWord], ['plan', '行动计划']);
    assert.deepEqual(q.tasks.map((t) => t.path), ['二、（一）1.', '二、（一）2.', '二、（一）3.', '二、（二）1.', '二、（二）2.']);
  });

  test('exact diagnostics: a task without units, an unclosed clause', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'task-unit', line: 13, column: 1, key: 'task-unit/missing' },
      { rule: 'punctuation-pair', line: 18, column: 16, key: 'punctuation-pair/unclosed' },
    ]);
  });
});

describe('a 实施细则 with 第X条 articles', () => {
  const text = fixtureText('implementing-rules.txt');
  const q = plan(text);

  test('a regulation: no tasks, so no unit check', () => {
    assert.deepEqual([q.genre.genre, q.genre.basis, q.genre.titleWord, q.tasks.length], ['regulation', 'title', '细则', 0]);
  });

  test('exact diagnostics: only the skipped （三）', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [{ rule: 'numbering-sequence', line: 14, column: 1, key: 'numbering-sequence/gap' }]);
  });
});

describe('a plan pasted from WPS, every paragraph indented by U+3000', () => {
  const text = fixtureText('wps-indented.txt');

  test('exact diagnostics: the skipped （二） and its task without units; 组织保障 holds no task', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'numbering-sequence', line: 8, column: 3, key: 'numbering-sequence/gap' },
      { rule: 'task-unit', line: 8, column: 3, key: 'task-unit/missing' },
    ]);
    assert.equal(plan(text).title?.text, '某某县民政局2024年政务公开工作要点');
  });
});

describe('numbers of any length (issue 18: the outline stopped at 9,999)', () => {
  test('items 1 … 10,002 under one heading: every one a task, no finding', () => {
    const t = doc('某局2024年工作要点', '一、重点任务', ...Array.from({ length: 10002 }, (_, i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）`));
    const q = plan(t);
    assert.equal(q.tasks.length, 10002);
    assert.deepEqual(q.tasks.slice(9998).map((x) => [x.path, x.marker.value, unitsOf(x).join()]), [
      ['一、9999.', 9999, '办公室/lead'], ['一、10000.', 10000, '办公室/lead'], ['一、10001.', 10001, '办公室/lead'], ['一、10002.', 10002, '办公室/lead'],
    ]);
    assert.deepEqual(lint(t).diagnostics, []);
  });

  test('a gap past 9,999 is a gap; （12345） and a 序号 cell of five digits are numbers; a year is none', () => {
    const t = doc('某局2024年工作要点', '一、重点任务', ...Array.from({ length: 9999 }, (_, i) => `${i + 1}.做好第${i + 1}项（办公室负责）`), '10001.做好末项（办公室负责）', '2024年是关键之年。');
    assert.deepEqual(lint(t).diagnostics.map((d) => where(t, d)), [{ rule: 'numbering-sequence', line: 10002, column: 1, key: 'numbering-sequence/gap' }]);
    assert.equal(lint(t).diagnostics[0]!.data.expected, '10000.');
    const b = plan(doc('某局2024年工作要点', '一、重点任务', '1.做好甲（办公室负责）', '（12345）做好乙'));
    assert.deepEqual(b.allItems.map((i) => [i.path, i.marker.value]), [['一、', 1], ['一、1.', 1], ['一、1.（12345）', 12345]]);
    const c = plan(doc('某县2024年任务分解表', '序号\t工作任务\t责任单位', '10000\t做好甲\t县财政局', '10001\t做好乙\t县审计局'));
    assert.deepEqual(c.tasks.map((x) => [x.marker.value, x.marker.inTable, x.title]), [[10000, true, '做好甲'], [10001, true, '做好乙']]);
  });
});

// The plan model on the five real documents of the corpus: structure, paths, titles, tasks, unit
// clauses with their roles, deadlines — exact values a reviewer can check against the text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { corpusText, itemByPath, plan, unitsOf, where } from '../fixtures/helpers.js';

describe('000: 2020 政务公开工作要点及任务分工 (1. … 21. through seven sections)', () => {
  const text = corpusText('000_');
  const p = plan(text);

  test('a plan titled in its preamble, about 2020', () => {
    assert.equal(p.kind, 'plan');
    assert.equal(p.title?.text, '关于印发《省民政厅2020年政务公开工作要点及任务分工》的通知');
    assert.equal(p.year, 2020);
  });

  test('seven sections and 21 tasks, 1. … 21. numbered through the document', () => {
    assert.deepEqual(p.items.map((i) => i.path), ['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    assert.deepEqual(p.items.map((i) => i.title), [
      '推进政策制度履职依据公开', '着力做好政策信息发布解读', '做好突发事件应对信息公开', '积极主动回应群众关切',
      '加强政务公开平台建设', '规范政府信息依申请公开办理工作', '强化政务公开监督保障',
    ]);
    assert.equal(p.tasks.length, 21);
    assert.deepEqual(p.tasks.map((t) => t.marker.value), Array.from({ length: 21 }, (_, i) => i + 1));
    assert.deepEqual(p.items.map((i) => i.children.length), [5, 3, 2, 2, 3, 3, 3]);
    assert.equal(p.schemes[3], 'through');
    assert.equal(p.schemes[1], 'restart');
    const rank3 = p.numberingLists.filter((l) => l.rank === 3);
    assert.equal(rank3.length, 1, 'one through list for rank 3');
    assert.equal(rank3[0]!.scheme, 'through');
    assert.equal(rank3[0]!.items.length, 21);
  });

  test('paths and titles of tasks', () => {
    assert.equal(itemByPath(p, '一、1.').title, '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新');
    assert.equal(itemByPath(p, '三、10.').heading.line + 1, 48);
    assert.equal(itemByPath(p, '七、21.').heading.line + 1, 78);
    assert.equal(itemByPath(p, '四、11.').title, '加强网站留言咨询8890平台答复工作,及时办理留言内容,确保按规定时限答复完毕');
  });

  test('task 2 (一、2.) is led by 审批处 and 人事处 separately, with three units cooperating', () => {
    const t = itemByPath(p, '一、2.');
    assert.equal(t.isTask, true);
    assert.deepEqual(unitsOf(t), ['审批处/lead/sep', '人事处/lead/sep', '各有关处室/cooperating', '民服中心/cooperating', '省信息中心运维九部/cooperating']);
    assert.equal(t.unitClauses.length, 1);
    assert.equal(t.unitClauses[0]!.form, 'bracketed');
    assert.equal(t.unitClauses[0]!.open, '(');
    assert.equal(t.unitClauses[0]!.close, ')');
  });

  test('task 8 (二、8.): 各处室 and 民服中心 responsible by remit', () => {
    const t = itemByPath(p, '二、8.');
    assert.deepEqual(unitsOf(t), ['各处室/responsible', '民服中心/responsible']);
    assert.equal(t.unitClauses[0]!.byRemit, true);
  });

  test('`11加强…` between 10. and 16. is item 11 with a missing delimiter; 11–15 alike', () => {
    for (const n of [11, 12, 13, 14, 15]) {
      const t = p.allItems.find((i) => i.marker.rank === 3 && i.marker.value === n)!;
      assert.equal(t.marker.raw, String(n));
      assert.equal(t.marker.delimiter, '');
      assert.equal(t.marker.strength, 'weak');
      assert.equal(t.marker.expectedDelimiter, '.');
      assert.equal(text.slice(t.marker.span.start, t.marker.span.end), String(n));
    }
    assert.equal(itemByPath(p, '四、11.').marker.span.start, text.indexOf('11加强'));
  });

  test('the garbled date `2020824` is no item: it stays in the preamble', () => {
    assert.ok(!p.allItems.some((i) => i.heading.line === 15));
    assert.ok(p.preamble.some((q) => q.line === 15 && text.slice(q.content.start, q.content.end) === '2020824'));
    assert.equal(p.items[0]!.heading.line + 1, 24, 'the body starts at 一、');
  });

  test('unbracketed and unclosed clauses still name the units', () => {
    const t1 = itemByPath(p, '一、1.');
    assert.equal(t1.unitClauses[0]!.form, 'bare');
    assert.deepEqual(unitsOf(t1), ['办公室/lead', '各有关处室/cooperating', '民服中心/cooperating', '省信息中心运维九部/cooperating']);
    const t3 = itemByPath(p, '一、3.');
    assert.equal(t3.unitClauses[0]!.form, 'bare');
    assert.equal(text.slice(t3.unitClauses[0]!.span.start, t3.unitClauses[0]!.span.end), '审批处牵头,各有关处室、民服中心配合');
    const t12 = itemByPath(p, '四、12.');
    assert.equal(t12.unitClauses[0]!.form, 'unclosed');
    assert.deepEqual(unitsOf(t12), ['处室/responsible', '民服中心/responsible']);
    const t13 = itemByPath(p, '五、13.');
    assert.deepEqual(unitsOf(t13), ['办公室/lead', '省信息中心运维九部/lead', '各处室/cooperating', '民服中心/cooperating']);
  });

  test('`8月底前` in task 4 is 2020-08-31 (the year from the title)', () => {
    const t = itemByPath(p, '一、4.');
    assert.deepEqual(t.deadlines.map((d) => [d.text, d.date]), [['8月底前', '2020-08-31']]);
    assert.equal(text.slice(t.deadlines[0]!.span.start, t.deadlines[0]!.span.end), '8月底前');
    assert.deepEqual(itemByPath(p, '二、6.').deadlines.map((d) => [d.text, d.date]), [['3个工作日内', undefined]]);
  });

  test('exact diagnostics (the reviewer\'s list of expected.tsv, columns included)', () => {
    const got = lint(text).diagnostics.map((d) => where(text, d));
    const pp = (line: number, column: number) => ({ rule: 'punctuation-pair', line, column, key: 'punctuation-pair/unclosed' });
    // an unclosed clause bracket is one finding (punctuation-pair), not two
    const uc = (line: number, column: number, key: string) => ({ rule: 'unit-clause', line, column, key });
    const nf = (line: number) => ({ rule: 'numbering-format', line, column: 3, key: 'numbering-format/missing-delimiter' });
    assert.deepEqual(got, [
      pp(8, 5),
      uc(26, 54, 'unit-clause/unbracketed'),
      uc(30, 54, 'unit-clause/unbracketed-glued'),
      uc(46, 40, 'unit-clause/unbracketed-glued'),
      uc(48, 52, 'unit-clause/unbracketed'),
      nf(52),
      nf(54), pp(54, 28),
      nf(58),
      nf(60), pp(60, 45),
      nf(62), pp(62, 29),
      uc(66, 60, 'unit-clause/unbracketed'),
      pp(74, 65),
      pp(76, 32),
      pp(78, 40),
    ]);
  });
});

describe('001: 2022 政務公開工作要點 (traditional script, （一）…（二十二） through)', () => {
  const text = corpusText('001_');
  const p = plan(text);

  test('four sections, 22 tasks numbered (一)…(二十二) through the document', () => {
    assert.equal(p.kind, 'plan');
    assert.deepEqual(p.items.map((i) => i.title), ['提高政務公開質量', '最佳化政務公開服務', '規範依申請公開辦理工作', '強化公開工作基礎']);
    assert.equal(p.tasks.length, 22);
    assert.equal(p.schemes[2], 'through');
    assert.deepEqual(p.tasks.map((t) => t.marker.value), Array.from({ length: 22 }, (_, i) => i + 1));
    assert.deepEqual(p.items.map((i) => i.children.length), [9, 4, 4, 5]);
    assert.equal(p.tasks[21]!.path, '四、（二十二）');
    assert.equal(p.tasks[21]!.marker.raw, '(二十二)');
    assert.equal(p.tasks[9]!.path, '二、（十）');
    assert.equal(p.tasks[9]!.title, '科學合理確定公開方式');
  });

  test('`〔各司(局)按職責分工負責〕` yields the unit 各司(局), responsible by remit', () => {
    const t = itemByPath(p, '二、（十）');
    assert.equal(t.unitClauses.length, 1);
    const c = t.unitClauses[0]!;
    assert.equal(c.open, '〔');
    assert.equal(c.close, '〕');
    assert.equal(c.byRemit, true);
    assert.deepEqual(unitsOf(t), ['各司(局)/responsible']);
    assert.equal(text.slice(c.units[0]!.span.start, c.units[0]!.span.end), '各司(局)');
  });

  test('牽頭 / 配合 / 負責 in traditional script, units with bracketed parts', () => {
    assert.deepEqual(unitsOf(itemByPath(p, '一、（一）')), ['政策法規司/lead', '信息中心/cooperating']);
    assert.deepEqual(unitsOf(itemByPath(p, '一、（二）')), [
      '制發司(局)/lead', '各有關司(局)/cooperating', '信息中心/cooperating', '檔案資料館/cooperating', '政策法規司/lead', '相關司(局)/cooperating',
    ]);
    assert.deepEqual(unitsOf(itemByPath(p, '三、（十四）')), ['辦公廳(國際合作司)/lead', '信息中心/cooperating']);
    assert.deepEqual(unitsOf(itemByPath(p, '四、（二十二）')), ['機關黨委(人事司)/responsible', '辦公廳(國際合作司)/responsible']);
  });

  test('`2022年底前` is 2022-12-31', () => {
    assert.deepEqual(itemByPath(p, '一、（二）').deadlines.map((d) => [d.text, d.date]), [['2022年底前', '2022-12-31']]);
    assert.deepEqual(itemByPath(p, '四、（十八）').deadlines.map((d) => [d.text, d.date]), [['2022年底前', '2022-12-31']]);
  });

  test('clean: no diagnostics', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), []);
  });
});

describe('002: 2018 政务公开工作方案 (framing sections, tasks without units, 三、 twice)', () => {
  const text = corpusText('002_');
  const p = plan(text);

  test('framing sections hold no tasks', () => {
    assert.deepEqual(p.items.map((i) => [i.path, i.title, i.nonTaskReason ?? '']), [
      ['一、', '总体要求', 'framing'], ['二、', '组织领导', 'framing'], ['三、', '重点工作任务', 'has-children'], ['三、', '工作要求', 'has-children'],
    ]);
    assert.deepEqual(p.items[3]!.children.map((c) => [c.title, c.isTask, c.nonTaskReason]), [
      ['提高思想认识', false, 'framing'], ['细化工作措施', false, 'framing'], ['拓展公开途径', false, 'framing'],
    ]);
  });

  test('15 tasks, 1. … 15. through, none names a unit', () => {
    assert.equal(p.tasks.length, 15);
    assert.equal(p.schemes[3], 'through');
    assert.equal(p.schemes[2], 'restart');
    assert.ok(p.tasks.every((t) => t.unitClauses.length === 0));
    assert.equal(p.tasks[0]!.path, '三、（一）1.');
    assert.equal(p.tasks[14]!.path, '三、（四）15.');
    assert.equal(p.tasks[11]!.title, '强化信息公开审查');
  });

  test('exact diagnostics: 15 tasks without units, 三、 duplicated (expected 四、)', () => {
    const got = lint(text).diagnostics.map((d) => where(text, d));
    const tu = [20, 22, 24, 26, 30, 32, 34, 38, 40, 42, 44, 48, 50, 52, 54].map((line) => ({ rule: 'task-unit', line, column: 3, key: 'task-unit/missing' }));
    assert.deepEqual(got, [...tu, { rule: 'numbering-sequence', line: 56, column: 3, key: 'numbering-sequence/duplicate' }]);
    const dup = lint(text).diagnostics.find((d) => d.ruleId === 'numbering-sequence')!;
    assert.deepEqual(dup.data, { expected: '四、', actual: '三、', firstLine: 16 });
    assert.equal(dup.message, '序号重复：“三、”与第 16 行重复，此处应为“四、”');
  });
});

describe('003: 2017 政府信息公开工作报告 (a report)', () => {
  const text = corpusText('003_');
  const p = plan(text);

  test('a report: no tasks, every leaf says why', () => {
    assert.equal(p.kind, 'report');
    assert.equal(p.title?.text, '省民政厅2017年度政府信息公开工作报告');
    assert.equal(p.tasks.length, 0);
    assert.equal(p.items.length, 12);
    assert.ok(p.allItems.every((i) => i.nonTaskReason === (i.children.length ? 'has-children' : 'genre')));
    assert.deepEqual([p.genre.genre, p.genre.basis, p.genre.titleWord], ['report', 'title', '工作报告']);
  });

  test('`3、` `4、` among `1.` are items 3 and 4; page chrome is the closing', () => {
    const sec = itemByPath(p, '三、');
    assert.deepEqual(sec.children.map((c) => c.marker.raw), ['1.', '2.', '3、', '4、', '5.', '6.', '7.']);
    assert.deepEqual(p.closing.map((c) => c.line + 1), [89, 90, 91, 92, 94, 96]);
  });

  test('inline enumerations 一是…三是 and 一是…四是', () => {
    assert.deepEqual(p.enumerations.map((e) => e.entries.map((x) => x.raw).join('')), ['一是二是三是', '一是二是三是四是']);
  });

  test('exact diagnostics: only the two wrong delimiters', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'numbering-format', line: 21, column: 3, key: 'numbering-format/wrong-delimiter' },
      { rule: 'numbering-format', line: 23, column: 3, key: 'numbering-format/wrong-delimiter' },
    ]);
  });

  test('the same text declared a plan requires units', () => {
    const asPlan = plan(text, { documentKind: 'plan' });
    assert.equal(asPlan.kind, 'plan');
    assert.ok(asPlan.tasks.length > 0);
  });
});

describe('004: 2020 政务公开工作要点 (（一） headings on their own line, labelled clauses)', () => {
  const text = corpusText('004_');
  const p = plan(text);

  test('six sections, 19 tasks, （一） restarting under each', () => {
    assert.equal(p.items.length, 6);
    assert.equal(p.tasks.length, 19);
    assert.equal(p.schemes[2], 'restart');
    assert.deepEqual(p.items.map((i) => i.children.length), [5, 2, 3, 4, 2, 3]);
    assert.deepEqual(p.numberingLists.filter((l) => l.rank === 2).map((l) => l.items.length), [5, 2, 3, 4, 2, 3]);
  });

  test('a heading on its own line, its body below', () => {
    const t = itemByPath(p, '一、（二）');
    assert.equal(t.title, '及时更新权责清单及行政机关机构职能信息');
    assert.deepEqual(t.body.map((b) => b.line + 1), [52]);
  });

  test('（牵头单位：…；责任单位：…） clauses', () => {
    assert.deepEqual(unitsOf(itemByPath(p, '一、（二）')), ['县委编办/lead', '县政府各部门/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '三、（一）')), ['县市场监管局/lead', '县群众诉求中心/lead', '县政府有关部门/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '一、（四）')), ['各乡镇(街道)/responsible', '县政府各部门/responsible', '省市直驻黑有关单位/responsible']);
  });

  test('`强化组织保障，确保…` is a task section, not a framing one', () => {
    const s = p.items[5]!;
    assert.equal(s.title, '强化组织保障,确保政务公开工作扎实开展');
    assert.ok(s.children.every((c) => c.isTask));
  });

  test('a clause that lost its opening bracket still names its units', () => {
    const t = itemByPath(p, '六、（二）');
    assert.equal(t.unitClauses[0]!.form, 'unopened');
    assert.deepEqual(unitsOf(t), ['各乡镇(街道)/responsible', '县政府各部门/responsible']);
  });

  test('exact diagnostics', () => {
    assert.deepEqual(lint(text).diagnostics.map((d) => where(text, d)), [
      { rule: 'punctuation-pair', line: 6, column: 40, key: 'punctuation-pair/unopened' },
      { rule: 'punctuation-pair', line: 16, column: 1, key: 'punctuation-pair/unclosed' },
      { rule: 'unit-clause', line: 70, column: 195, key: 'unit-clause/run-together' },
      { rule: 'punctuation-pair', line: 126, column: 102, key: 'punctuation-pair/unopened' },
    ]);
  });
});

// Task tables in shapes seen on real plans outside the corpus (issue 15, FORMAT.md §6, §7), each on
// a plan written here in that shape: the exact task rows `fengong table --format json` prints and the
// exact problems `fengong check --format json` reports (real processes of the built binary).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.cjs');

const PLANS: Record<string, string[]> = {
  // a row that carries two ranks (一、 in the 工作任务 cell, 1. in the 具体要求 cell); the rows below
  // it lost their merged 工作任务 cell in the export (absent, not empty); a 责任部门 cell holds a clause
  // with a half-width comma
  'absent-cells': ['某某中心2024年政务公开工作任务清单', '工作任务\t具体要求\t责任部门',
    '一、做好预算信息公开。\t1.按时公开部门预算和决算。\t计财科', '二、做好网站信息发布。\t2.及时更新网站栏目内容。\t综合科',
    '3.及时回复网民留言。\t各科室', '4.按时更新公众号，每周不少于3次。\t综合科牵头,各科室配合',
    '三、加强政策解读。\t5.做好重要政策解读，6月底前完成。\t综合科牵头,各科室配合', '6.开展政策咨询服务。\t各科室'],
  // the indicators of a 目标任务分解表 under 一、主要预期目标 are rows the table assigns: tasks;
  // 责任领导/责任人 name persons beside the unit columns, no unit
  'target-rows': ['某某县2024年政府工作报告目标任务分解表', '序号\t工作任务\t责任领导\t牵头单位\t责任人\t配合单位\t完成时限',
    '一、主要预期目标', '1\t地区生产总值增长6%。\t张某\t县发改局\t李某\t县统计局\t2024年12月',
    '2\t一般公共预算收入增长5%。\t王某\t县财政局\t赵某\t县税务局、各乡镇\t2024年12月',
    '二、重点工作任务', '3\t新建乡村道路50公里。\t张某\t县交通局\t钱某\t各乡镇\t2024年10月'],
  // a web copy: publication metadata above the title (a field ending in 通知), the issuer's name and
  // the title broken over lines below it; the cover notice's own 一、二、 are no tasks
  'web-cover': ['当前位置: 首页 > 信息公开 > 其他文件', '索引号: 000000000/2024-00012 组配分类: 其他文件',
    '发布机构: 某某县人民政府办公室 主题分类: 综合政务 / 通知', '名称: 某某县人民政府办公室关于印发2024年重点工作任务分解的通知 文号: 某政办〔2024〕3号',
    '某某县人民政府办公室关于印发2024年重点工作任务分解的通知', '', '某某县人民政府办公室', '', '关于印发2024年重点工作', '', '任务分解的通知', '',
    '各乡镇人民政府，县政府各部门：', '现将2024年重点工作任务分解印发给你们，请认真抓好落实。', '一、提高认识，压实责任。各单位要把任务落实作为重要工作。',
    '二、加强调度，按时报送。各牵头单位于每月5日前报送进展。', '某某县人民政府办公室', '2024年2月1日', '', '2024年重点工作任务分解',
    '一、重点工作任务', '1.新建公办幼儿园3所。（县教育局牵头，县财政局配合）', '2.改造老旧小区10个。（县住建局牵头，各乡镇配合）'],
  // unit cells merged with the row above (exported empty): the row takes them, and no task-unit
  'merged-units': ['某某县2024年重点工作任务清单', '序号\t工作任务\t牵头单位\t配合单位\t完成时限', '1\t做好甲工作。\t县发改局\t县财政局\t6月底前',
    '2\t做好乙工作。\t\t\t9月底前', '3\t做好丙工作。\t县教育局\t\t年底前'],
};

type Row = { line: number; lead: string[]; responsible: string[]; cooperating: string[]; deadlines: string[]; uncertain?: true };
const rows = new Map<string, Row[]>();
const problems = new Map<string, string[]>();
const files = new Map<string, string>();

before(() => {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-row-shapes-'));
  for (const [name, lines] of Object.entries(PLANS)) {
    const f = join(dir, `${name}.txt`);
    writeFileSync(f, `${lines.join('\n')}\n`);
    files.set(name, f);
    rows.set(name, []);
  }
  const t = spawnSync(process.execPath, [CLI, 'table', '--format', 'json', ...files.values()], { encoding: 'utf8' });
  assert.equal(t.status, 0, t.stderr);
  const table = JSON.parse(t.stdout);
  for (const x of table.tasks) {
    const row: Row = { line: x.line, lead: x.lead, responsible: x.responsible, cooperating: x.cooperating, deadlines: x.deadlines.map((d: { text: string }) => d.text) };
    if (x.uncertain) row.uncertain = true;
    rows.get(basename(table.documents[x.doc].file, '.txt'))!.push(row);
  }
  const c = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...files.values()], { encoding: 'utf8' });
  assert.ok(c.status === 0 || c.status === 1, c.stderr);
  for (const f of JSON.parse(c.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; messageId: string }[] }[]) {
    problems.set(basename(f.filePath, '.txt'), f.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId}`));
  }
});

const r = (line: number, lead: string[], responsible: string[], cooperating: string[] = [], deadlines: string[] = [], uncertain = false): Row =>
  ({ line, lead, responsible, cooperating, deadlines, ...(uncertain ? { uncertain: true as const } : {}) });

test('rows whose merged 工作任务 cell the export left out keep their unit cell under 责任部门; `A牵头,B配合` in that cell is the row clause, no brackets needed', () => {
  assert.deepEqual(rows.get('absent-cells'), [
    r(3, [], ['计财科']), r(4, [], ['综合科']), r(5, [], ['各科室']), r(6, ['综合科'], [], ['各科室']),
    r(7, ['综合科'], [], ['各科室'], ['6月底前']), r(8, [], ['各科室']),
  ]);
  assert.deepEqual(problems.get('absent-cells'), []);
});

test('the indicator rows of a 目标任务分解表 under 一、主要预期目标 are tasks with their unit columns; person columns name no unit', () => {
  assert.deepEqual(rows.get('target-rows'), [
    r(4, ['县发改局'], [], ['县统计局'], ['2024年12月']), r(5, ['县财政局'], [], ['县税务局', '各乡镇'], ['2024年12月']),
    r(7, ['县交通局'], [], ['各乡镇'], ['2024年10月']),
  ]);
  assert.deepEqual(problems.get('target-rows'), []);
});

test('a web copy: metadata fields are no title, the issuer and the broken title are no forwarded document; the notice’s own items are no tasks', () => {
  assert.deepEqual(rows.get('web-cover'), [r(22, ['县教育局'], [], ['县财政局']), r(23, ['县住建局'], [], ['各乡镇'])]);
  assert.deepEqual(problems.get('web-cover'), []);
  const i = spawnSync(process.execPath, [CLI, 'inspect', files.get('web-cover')!], { encoding: 'utf8' });
  assert.deepEqual(i.stdout.split('\n').slice(1, 4), ['标题：某某县人民政府办公室关于印发2024年重点工作任务分解的通知', '文种：工作计划类（分解任务）', '依据：标题文种为“任务分解”']);
});

test('a row whose unit cells are merged with the row above takes its units (uncertain) and is no task without units; an empty 配合 cell beside a lead is just empty', () => {
  assert.deepEqual(rows.get('merged-units'), [
    r(3, ['县发改局'], [], ['县财政局'], ['6月底前']), r(4, ['县发改局'], [], ['县财政局'], ['9月底前'], true), r(5, ['县教育局'], [], [], ['年底前']),
  ]);
  assert.deepEqual(problems.get('merged-units'), []);
});

// 序号 follows the plan's own numbering and no two rows share one (issue 15): the task's own number
// where the plan numbers that rank through, joined to its parent's where the plan restarts it, a
// table's own 序号 column as it is — the same in every format the built binary writes (md, csv,
// json, xlsx and docx read back), in the office layout the VS Code preview and the web page draw.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';
import { officeTable } from '../../server/src/table/office.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PLANS: Record<string, string[]> = {
  // two groups each with a `1.` task; the （一）（二）… run through the sections
  groups: ['某某局2024年政务公开工作要点', '一、推进决策公开', '（一）完善公众参与机制', '1.公开决策草案。（办公室负责）', '2.开展意见征集。（政策法规处负责）',
    '（二）加强结果公开', '1.公开决策结果。（办公室负责）', '二、加强政策解读', '（三）做好解读发布。（宣传处负责）', '（四）回应社会关切。（宣传处负责）'],
  // levels mixed: tasks at ranks 1, 2 and 3; （一） restarts under each 一、, 1. only under one group
  mixed: ['某某县2024年重点工作任务', '一、稳定经济运行', '（一）扩大有效投资。（县发改局负责）', '（二）促进消费', '1.举办促消费活动。（县商务局负责）',
    '2.发放消费券。（县财政局负责）', '二、改善民生', '（一）稳定就业。（县人社局负责）', '（二）办好民生实事。（县民政局负责）', '三、加强督查考核。（县政府办公室负责）'],
  // a table plan with its own 序号 column, numbered through its section rows
  sheet: ['某某县2024年政务公开任务分解表', '序号\t工作任务\t牵头单位\t责任单位\t完成时限', '一、推进决策公开', '1\t公开决策草案。\t县政府办公室\t县直各部门\t6月底前',
    '2\t公开决策结果。\t县政府办公室\t县直各部门\t年底前', '二、加强政策解读', '3\t做好解读发布。\t县融媒体中心\t县直各部门\t持续推进'],
};

const SERIALS: Record<string, string[]> = {
  groups: ['（一）1', '（一）2', '（二）1', '（三）', '（四）'],
  mixed: ['一、（一）', '1', '2', '二、（一）', '二、（二）', '三'],
  sheet: ['1', '2', '3'],
};

const files = new Map<string, string>();
let dir = '';

function fengong(args: string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fengong-serial-'));
  for (const [name, lines] of Object.entries(PLANS)) {
    const text = `${lines.join('\n')}\n`;
    writeFileSync(join(dir, `${name}.txt`), text);
    files.set(name, text);
  }
});

for (const name of Object.keys(PLANS)) {
  test(`${name}: the same 序号 in json, md, csv, xlsx, docx and the office layout of the previews`, async () => {
    const f = `${name}.txt`;
    const want = SERIALS[name]!;
    const json = JSON.parse(fengong(['table', f, '--format', 'json']));
    assert.deepEqual(json.tasks.map((t: { serial: string }) => t.serial), want);

    // by unit, each unit's tasks carry the same 序号
    const byUnitJson = JSON.parse(fengong(['table', f, '--by', 'unit', '--format', 'json']));
    const refs = byUnitJson.units.flatMap((u: Record<string, { serial: string }[]>) => [...u.lead!, ...u.responsible!, ...u.cooperating!, ...u.guiding!]);
    assert.deepEqual([...new Set(refs.map((x: { serial: string }) => x.serial))].sort(), [...want].sort());

    const md = fengong(['table', f, '--format', 'md']).trimEnd().split('\n').slice(2);
    assert.deepEqual(md.map((l) => l.split(' | ')[0]!.replace(/^\| /, '')), want);

    const csv = parse(readFileSync(join(dir, (fengong(['table', f, '--format', 'csv', '-o', `${name}.csv`]), `${name}.csv`))), { bom: true }) as string[][];
    assert.deepEqual(csv.slice(1).map((r) => r[0]), want);

    // the office files: group rows merged across (one cell), task rows with the 序号 first
    fengong(['table', f, '-o', `${name}.xlsx`]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, `${name}.xlsx`));
    const ws = wb.worksheets[0]!;
    const xlsxRows: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 2 && row.getCell(2).value !== row.getCell(1).value) xlsxRows.push(String(row.getCell(1).value));
    });
    assert.deepEqual(xlsxRows, want);

    fengong(['table', f, '-o', `${name}.docx`]);
    const html = (await mammoth.convertToHtml({ path: join(dir, `${name}.docx`) })).value;
    const docxRows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td([^>]*)>(.*?)<\/td>/g)])
      .filter((cells) => !/colspan/.test(cells[0]![1]!)).map((cells) => cells[0]![2]!.replace(/<\/?p>/g, ''));
    assert.deepEqual(docxRows, want);

    // what the VS Code preview and the web page draw (fengong/taskTablePreview → officeTable)
    const office = officeTable(buildTaskTable(parsePlan(files.get(name)!)), 'task');
    assert.deepEqual(office.rows.flatMap((r) => (r.kind === 'task' ? [r.cells[0]] : [])), want);
    // by unit, each task under its unit keeps its 序号
    const byUnit = officeTable(buildTaskTable(parsePlan(files.get(name)!)), 'unit');
    assert.ok(byUnit.rows.every((r) => r.kind === 'section' || want.includes(r.cells[0]!)));
  });
}

test('numbers that repeat across parts (a table in 附件1 and another in 附件2, each 1…): each task takes its part', () => {
  const text = ['某某区2024年政府工作报告目标任务分解', '附件1', '重点工作任务分解表', '序号\t工作任务\t牵头单位\t完成时限',
    '1\t新建学校2所。\t区教育局\t年底前', '2\t改造道路5条。\t区住建局\t10月底前', '附件2', '民生实事任务分解表', '序号\t实事项目\t牵头单位\t完成时限',
    '1\t新建公厕10座。\t区城管局\t9月底前', '2\t新增公交线路3条。\t区交通局\t8月底前', ''].join('\n');
  const t = buildTaskTable(parsePlan(text));
  assert.deepEqual(t.tasks.map((x) => x.serial), ['附件1-1', '附件1-2', '附件2-1', '附件2-2']);
});

test('numbered lists restarting under unnumbered Markdown headings: each task takes its heading', () => {
  const text = ['# 某某市2024年数字政府建设行动计划', '', '## 重点任务', '', '1. 建设政务云平台。（市数据局负责）', '2. 推进数据共享。（市数据局负责）', '',
    '## 保障任务', '', '1. 加强安全防护。（市网信办负责）', '2. 培训干部队伍。（市委组织部负责）', ''].join('\n');
  assert.deepEqual(buildTaskTable(parsePlan(text)).tasks.map((x) => x.serial), ['重点任务-1', '重点任务-2', '保障任务-1', '保障任务-2']);
});

test('（1） restarting under decimal section numbers (4.1 , 4.2.1): each task takes its section number', () => {
  const text = ['某某市2024年智慧城市建设实施方案', '4.1 基础设施', '（1）建设城市大脑。（市数据局负责）', '（2）完善感知网络。（市工信局负责）', '4.2.1数据治理',
    '（1）建立数据目录。（市数据局负责）', '（2）开展数据清洗。（市数据局负责）', ''].join('\n');
  assert.deepEqual(buildTaskTable(parsePlan(text)).tasks.map((x) => x.serial), ['4.1-（1）', '4.1-（2）', '4.2.1-（1）', '4.2.1-（2）']);
});

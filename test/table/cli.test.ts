// `fengong table`: in-process through runTable with captured streams, and once as a real process
// through the built binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { runTable } from '../../server/src/cli/table.js';
import { validator } from './fixtures.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const C000 = '000_6fbd649499c5ed32.txt';
const C004 = '004_acf7e94b039c0b3c.txt';

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-table-'));
  for (const f of [C000, C004]) copyFileSync(join(CORPUS, f), join(dir, f));
  return dir;
}

async function table(argv: string[], cwd: string, tty = false) {
  const out: Buffer[] = [];
  let err = '';
  const code = await runTable(argv, {
    stdout: { write: (c: string | Uint8Array) => out.push(Buffer.from(c)), isTTY: tty },
    stderr: { write: (c: string) => (err += c) },
    cwd,
  });
  return { code, out: Buffer.concat(out), err };
}

test('md by task to stdout, exit 0', async () => {
  const dir = workdir();
  const r = await table([C000], dir);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  const lines = r.out.toString('utf8').trimEnd().split('\n');
  assert.equal(lines.length, 23);
  assert.equal(lines[0], '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 完成时限 | 行号 |');
  assert.equal(lines[3], '| 2 | 及时完善更新厅网站发布的权责清单,依法公开工作职能、机构设置等信息。 | 审批处、人事处（分别牵头） |  | 各有关处室、民服中心、省信息中心运维九部 |  |  | 28 |');
  // the task keeps its whole text: item 4's “8月底前出台…工作方案” after its title
  assert.equal(lines[5], '| 4 | 积极推进政务公开重点工作标准化规范化试点工作。8月底前出台推进救助、养老领域基层政务公开标准化、规范化工作方案。 |  | 救助处、养老处（分别负责） |  |  | 8月底前（2020-08-31） | 32 |');
});

test('csv by unit with a BOM, parsed back', async () => {
  const dir = workdir();
  const r = await table([C004, '--by', 'unit', '--format', 'csv'], dir);
  assert.equal(r.code, 0);
  assert.deepEqual([...r.out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parse(r.out, { bom: true }) as string[][];
  assert.deepEqual(rows[0], ['单位', '承担方式', '序号', '任务', '完成时限', '行号']);
  assert.deepEqual(rows.slice(1, 4), [
    ['县机关运行保障中心', '牵头', '一、（一）', '建设完成政府信息公开平台', '年底前（2020-12-31）', '46'],
    ['县机关运行保障中心', '负责', '二、（一）', '集中发布“六稳”“六保”政策文件', '9月25日前（2020-09-25）；5个工作日内', '68'],
    ['县政府各部门', '负责', '一、（一）', '建设完成政府信息公开平台', '年底前（2020-12-31）', '46'],
  ]);
  // one row per unit and task: 县政府各部门 is responsible for 11
  assert.equal(rows.filter((r) => r[0] === '县政府各部门').length, 11);
  assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, 12, '12 units (县政府各部门县机关运行保障中心 is two of them)');
});

test('json to a file (format from the extension), valid against the schema; two files in one table', async () => {
  const dir = workdir();
  const r = await table([C000, C004, '-o', 'table.json'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.out.length, 0);
  assert.equal(r.err, '已写入 table.json（40 项任务，22 个单位）\n');
  const doc = JSON.parse(readFileSync(join(dir, 'table.json'), 'utf8'));
  const validate = validator();
  assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  assert.deepEqual(doc.documents.map((d: { file: string }) => d.file), [C000, C004]);
  assert.equal(doc.tasks.length, 40);
  assert.deepEqual([doc.tasks[21].doc, doc.tasks[21].path], [1, '一、（一）']);
});

test('xlsx: refused on a terminal without -o; written with -o and read back', async () => {
  const dir = workdir();
  const refused = await table([C000, '--format', 'xlsx'], dir, true);
  assert.equal(refused.code, 2);
  assert.equal(refused.out.length, 0);
  assert.match(refused.err, /xlsx 是二进制文件，不能写到终端；请用 -o 文件\.xlsx/);

  const r = await table([C000, '--by', 'unit', '-o', 'fg.xlsx'], dir);
  assert.equal(r.code, 0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'fg.xlsx'));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['按单位', '按任务']);
  const byTask = wb.getWorksheet('按任务')!;
  const cells = (ws: ExcelJS.Worksheet, r: number) => Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(r).getCell(i + 1).value ?? '');
  // title, header, then 一、 as a section row and its tasks
  assert.equal(byTask.getRow(1).getCell(1).value, '省民政厅2020年政务公开工作要点及任务分工表');
  assert.deepEqual(cells(byTask, 2), ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  assert.equal(byTask.getRow(3).getCell(1).value, '一、推进政策制度履职依据公开');
  assert.deepEqual(cells(byTask, 7), ['4', '积极推进政务公开重点工作标准化规范化试点工作。8月底前出台推进救助、养老领域基层政务公开标准化、规范化工作方案。', '', '救助处、养老处（分别负责）', '8月底前']);
  const byUnit = wb.getWorksheet('按单位')!;
  assert.equal(byUnit.getRow(3).getCell(1).value, '办公室（牵头8项，负责1项）');
  assert.deepEqual(cells(byUnit, 4), ['1', '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。', '牵头', '']);

  // docx too is refused on a terminal
  const refusedDocx = await table([C000, '--format', 'docx'], dir, true);
  assert.deepEqual([refusedDocx.code, refusedDocx.out.length], [2, 0]);
  assert.match(refusedDocx.err, /docx 是二进制文件，不能写到终端；请用 -o 文件\.docx/);

  // piped (not a terminal), the binary goes to stdout
  const piped = await table([C000, '--format', 'xlsx'], dir, false);
  assert.equal(piped.code, 0);
  assert.deepEqual([...piped.out.subarray(0, 2)], [0x50, 0x4b]);
});

test('config units from .fengongrc.json found upwards, and --config', async () => {
  const dir = workdir();
  writeFileSync(join(dir, '.fengongrc.json'), '// aliases\n{ "units": { "各处室": ["处室"] } }\n');
  const r = await table([C000, '--by', 'unit'], dir);
  assert.equal(r.code, 0, r.err);
  const md = r.out.toString('utf8');
  // 处室 folded into 各处室: 11 tasks responsible, 5 cooperating
  const rows = md.split('\n').filter((l) => l.startsWith('| 各处室 |'));
  assert.deepEqual([rows.filter((l) => l.startsWith('| 各处室 | 负责 |')).length, rows.filter((l) => l.startsWith('| 各处室 | 配合 |')).length], [11, 5]);
  assert.doesNotMatch(md, /\| 处室 \|/);

  mkdirSync(join(dir, 'cfg'));
  writeFileSync(join(dir, 'cfg', 'other.json'), '{ "units": { "办公室（厅）": ["办公室"] }, "locale": "en" }');
  const r2 = await table([C000, '--by', 'unit', '--config', 'cfg/other.json'], dir);
  assert.equal(r2.code, 0, r2.err);
  const lines = r2.out.toString('utf8').split('\n');
  assert.equal(lines[0], '| Unit | Role | No. | Task | Deadline | Line |'); // the config's locale
  assert.match(lines[2]!, /^\| 办公室（厅） \| lead \| 1 \| /);
});

test('a broken config is reported once with its place; exit 2 and no table', async () => {
  const dir = workdir();
  writeFileSync(join(dir, '.fengongrc.json'), '{ "units": { "办公室": "厅办公室" } }');
  const r = await table([C000, C004], dir);
  assert.equal(r.code, 2);
  assert.equal(r.out.length, 0);
  assert.equal(r.err.split('\n').filter((l) => l.startsWith('fengong：配置文件')).length, 1);
  assert.match(r.err, /\.fengongrc\.json:1:\d+/);
});

test('usage and I/O errors exit 2; a missing file does not stop the others', async () => {
  const dir = workdir();
  assert.deepEqual(await table([], dir), { code: 2, out: Buffer.alloc(0), err: 'fengong：没有给出文件\n（运行 fengong table --help 查看用法）\n' });
  const bad = await table([C000, '--by', 'dept'], dir);
  assert.deepEqual([bad.code, bad.err], [2, 'fengong：--by 的值“dept”无效，可选：task、unit\n（运行 fengong table --help 查看用法）\n']);
  const en = await table([C000, '--format', 'pdf', '--locale', 'en'], dir);
  assert.deepEqual([en.code, en.err], [2, 'fengong: invalid value “pdf” for --format; allowed: md, csv, json, xlsx, docx\n(run fengong table --help for usage)\n']);
  const unknown = await table([C000, '--colour'], dir);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--colour/);

  const partial = await table(['missing.txt', C004, '--format', 'json'], dir);
  assert.equal(partial.code, 2);
  assert.match(partial.err, /找不到文件或文件夹 missing\.txt/);
  assert.equal(JSON.parse(partial.out.toString('utf8')).tasks.length, 19);

  // a missing folder is created (issue 12); a path through a file cannot be
  const unwritable = await table([C000, '-o', join(C000, 't.md')], dir);
  assert.equal(unwritable.code, 2);
  assert.equal(unwritable.err, `fengong：不能写入输出文件 ${join(C000, 't.md')}（ENOTDIR，路径中有一段不是文件夹）：请用 -o 给出一个文件的路径（文件夹会自动创建）。\n`);
  assert.equal((await table([C000, '-o', join(dir, 'no-such-dir', 't.md')], dir)).code, 0);
  assert.match(readFileSync(join(dir, 'no-such-dir', 't.md'), 'utf8'), /^\| 序号/);
  const help = await table(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.out.toString('utf8'), /^用法：fengong table 文件…/);
});

test('a work report has no tasks: said on stderr, an empty table, exit 0', async () => {
  const dir = workdir();
  copyFileSync(join(CORPUS, '003_05f29b10a2949338.txt'), join(dir, 'report.txt'));
  const r = await table(['report.txt'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.err, 'fengong：report.txt 中没有任务（报告、总结类，不列任务；可用 fengong inspect 查看判断依据）\n');
  assert.equal(r.out.toString('utf8'), '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 完成时限 | 行号 |\n| --- | --- | --- | --- | --- | --- | --- | ---: |\n');
});

test('a GBK file and a folder argument', async () => {
  const dir = workdir();
  mkdirSync(join(dir, 'plans'));
  const text = readFileSync(join(CORPUS, C004), 'utf8');
  writeFileSync(join(dir, 'plans', 'gbk.txt'), iconv.encode(text, 'gbk'));
  const r = await table(['plans', '--format', 'json'], dir);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out.toString('utf8'));
  assert.deepEqual(doc.documents.map((d: { file: string }) => d.file), ['plans/gbk.txt']);
  assert.equal(doc.tasks.length, 19);
  assert.deepEqual(doc.tasks[3].responsible, ['各乡镇(街道)', '县政府各部门', '省市直驻黑有关单位']);
});

// npm test builds dist/ before running the tests
test('the built binary: fengong table … --format csv as a real process', () => {
  const dir = workdir();
  const p = spawnSync(process.execPath, [join(ROOT, 'bin', 'fengong.cjs'), 'table', C000, '--format', 'csv'], { cwd: dir });
  assert.equal(p.status, 0, p.stderr.toString());
  assert.deepEqual([...p.stdout.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parse(p.stdout, { bom: true }) as string[][];
  assert.equal(rows.length, 22);
  assert.deepEqual(rows[8], ['8', '做好疫情防控常态化下民政领域新冠肺炎疫情防控重大决策部署和重要工作举措解读工作,配合有关部门做好信息发布等工作,为疫情防控工作提供有力支撑', '', '各处室、民服中心', '', '', '', '42']);
});

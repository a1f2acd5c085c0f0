// Office files made by a real office suite (LibreOffice headless, office-fixtures.ts): corpus plans
// saved as Word 97–2003 .doc, re-saved as .docx, as .odt; a 任务分解表 with merged cells saved by
// Calc as .xlsx and .xls; a document with a text box, a merged table and a Title-styled title; a
// document with no text. Each is checked, tabled and inspected as real processes, with exact
// problems at exact places and exact task rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fengong, tempDir, CORPUS } from '../cli/helpers.js';
import { planToDocx, tableBlocks } from './docx-fixtures.js';
import { convert, fodt, para, sheetSources, table, textBox, type SheetCell } from './office-fixtures.js';
import { readWordFile } from '../../server/src/io/docx.js';
import { readPlanSource } from '../../server/src/io/word-source.js';

type Msg = { ruleId: string | null; severity: number; message: string; messageId?: string; line: number; column: number; word?: { label: string } };
type Res = { filePath: string; messages: Msg[]; errorCount: number; warningCount: number };

const PLANS = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const text = (f: string) => readFileSync(join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '') + '\n';
const FIXTURES = readFileSync(new URL('./docx-fixtures.ts', import.meta.url), 'utf8');
/** the corpus plans as .docx (docx-fixtures.ts), keyed by their text and the generator's source */
const docxSources = (plans: string[], opts = {}) => Promise.all(plans.map(async (f) => ({
  name: f.replace(/\.txt$/, ''), ext: 'docx', key: text(f) + JSON.stringify(opts) + FIXTURES, data: await planToDocx(text(f), opts),
})));
const json = (args: string[], cwd: string): Res[] => JSON.parse(fengong(['check', '--format', 'json', ...args], { cwd }).stdout);
const key = (m: Msg) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId} ${m.message.replace(/第 \d+ 行|第\d+段“[^”]*”/, '<place>')}`;

test('Word 97–2003 .doc saved by LibreOffice: every corpus plan reads back as its text, table rows as rows', async () => {
  const docs = convert(await docxSources(PLANS), 'doc', 'doc');
  for (const [i, f] of PLANS.entries()) {
    const r = await readWordFile(docs[i]!);
    assert.ok(r.ok, f);
    if (!r.ok) continue;
    assert.equal(r.text, text(f), f);
    assert.deepEqual(r.word.notes, [], f);
  }
  // the 任务分解表 of corpus 121: rows with their cells, an empty last cell kept (row 30)
  const r = await readWordFile(docs[PLANS.indexOf('121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt')]!);
  assert.ok(r.ok);
  if (!r.ok) return;
  const lines = r.text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('30.'));
  assert.equal(lines[at], '30.加大对查处假冒伪劣、虚假广告、价格欺诈等行为的公开力度\t省商务厅 省工商局 省物价局\t各设区市，平潭综合实验区\t');
  assert.deepEqual(r.word.lines[at], { table: 1, row: 45, cellStarts: [0, 31, 46, 59] });
});

test('check on the .doc files: exactly the problems of the text, at Word places', async () => {
  const dir = tempDir('fengong-doc-');
  const docs = convert(await docxSources(PLANS), 'doc', 'doc');
  PLANS.forEach((f, i) => { writeFileSync(join(dir, f), text(f)); copyFileSync(docs[i]!, join(dir, f.replace(/\.txt$/, '.doc'))); });
  const byName = (rs: Res[]) => new Map(rs.map((x) => [x.filePath.replace(/\.\w+$/, ''), x]));
  const txt = byName(json(['*.txt'], dir));
  const doc = byName(json(['*.doc'], dir));
  let n = 0;
  for (const f of PLANS) {
    const base = join(dir, f.replace(/\.txt$/, ''));
    assert.deepEqual(doc.get(base)!.messages.map(key), txt.get(base)!.messages.map(key), f);
    for (const m of doc.get(base)!.messages) assert.ok(m.word?.label, `${f}:${m.line}`);
    n += doc.get(base)!.messages.length;
  }
  assert.ok(n >= 100, `${n}`);
  // stylish names table cells with the start of their text, so Word's 查找 finds them
  const out = fengong(['check', '121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.doc'], { cwd: dir }).stdout.split('\n');
  assert.ok(out.some((l) => /^ {2}表1第9行第2列“省财政厅 省国税局 省地…” +警告\? +“省财政厅 省国税局”可能是两个单位连写/.test(l)), out.join('\n'));
  // the one message of the corpus that names another line names its Word paragraph
  const dup = doc.get(join(dir, '002_ee5f435a77f4a9d5'))!.messages.find((m) => /重复/.test(m.message))!;
  assert.equal(dup.message, '序号重复：“三、”与第9段“三、重点工作任务”重复，此处应为“四、”');
  // WPS's .wps is a Word 97–2003 document under its own name: read the same
  copyFileSync(join(dir, '002_ee5f435a77f4a9d5.doc'), join(dir, '工作要点.wps'));
  assert.deepEqual(json(['工作要点.wps'], dir)[0]!.messages.map(key), txt.get(join(dir, '002_ee5f435a77f4a9d5'))!.messages.map(key));
});

test('a .doc with Word automatic numbers: said once, and no false gaps from the missing numbers', async () => {
  const dir = tempDir('fengong-docnum-');
  const [doc] = convert(await docxSources(['004_acf7e94b039c0b3c.txt'], { numbering: {} }), 'doc', 'doc');
  copyFileSync(doc!, join(dir, '要点.doc'));
  const [res] = json(['要点.doc'], dir);
  assert.deepEqual(res!.messages[0], {
    ruleId: null, severity: 1, messageId: 'office-doc-numbering', line: 1, column: 1, word: { paragraph: 1, label: '全文' },
    message: '此 .doc 文档使用了 Word 自动编号，旧版 .doc 中的自动编号无法还原：这些段落按无序号检查，序号连续性未检查。请另存为 .docx 后重试。',
  });
  assert.ok(!res!.messages.some((m) => m.ruleId === 'numbering-sequence'));
});

test('.docx re-saved by LibreOffice reads as its text; .odt is named with what to do', async () => {
  const plans = PLANS.slice(0, 6).concat('121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt');
  const docx = convert(await docxSources(plans), 'docx:MS Word 2007 XML', 'docx');
  for (const [i, f] of plans.entries()) {
    const r = await readWordFile(docx[i]!);
    assert.ok(r.ok && r.text === text(f), f);
  }
  const dir = tempDir('fengong-odt-');
  const [odt] = convert(await docxSources(['000_6fbd649499c5ed32.txt']), 'odt', 'odt');
  copyFileSync(odt!, join(dir, '计划.odt'));
  const r = fengong(['check', '计划.odt'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stdout, /计划\.odt 是 OpenDocument 文件（\.odt\/\.ods），fengong 无法读取：请在 WPS、Word 或 LibreOffice 中另存为 \.docx（表格另存为 \.xlsx）后重试。/);
});

// ---- Excel: corpus 121's 任务分解表 as an office keeps it, merged cells and all ----

/** Corpus 121's table as a sheet: the title merged across, group rows merged across, and runs of
 *  the same 牵头单位 or 责任单位 merged down, as offices lay them out. */
function sheet121(): (SheetCell | null)[][] {
  const lines = text('121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt').split('\n');
  const [[a, b]] = tableBlocks(lines) as [[number, number]];
  const rows: (SheetCell | null)[][] = [[{ text: lines[a - 1]!, cols: 4 }, null, null, null]];
  for (const l of lines.slice(a, b + 1)) {
    const cells = l.split('\t');
    rows.push(cells.length === 1 ? [{ text: cells[0]!, cols: 4 }, null, null, null] : [0, 1, 2, 3].map((i) => ({ text: cells[i] ?? '' })));
  }
  for (const col of [1, 2]) {
    for (let r = 1; r < rows.length; r++) {
      const c = rows[r]![col];
      if (!c?.text || rows[r]!.length !== 4) continue;
      let end = r;
      while (end + 1 < rows.length && rows[end + 1]![col]?.text === c.text && rows[end + 1]![1] !== null) end++;
      if (end > r) { c.rows = end - r + 1; for (let k = r + 1; k <= end; k++) rows[k]![col] = null; }
      r = end;
    }
  }
  return rows;
}

test('an Excel 任务分解表 with merged cells gives the same task rows as the same table pasted as text', async () => {
  const { html, pasted } = sheetSources(sheet121());
  const [xlsx] = convert([{ name: 'sheet121', ext: 'html', data: html }], 'xlsx:Calc MS Excel 2007 XML', 'xlsx', { infilter: 'calc_HTML_WebQuery' });
  const dir = tempDir('fengong-xlsx-');
  copyFileSync(xlsx!, join(dir, '任务分解.xlsx'));
  writeFileSync(join(dir, 'pasted.txt'), pasted);
  const r = await readPlanSource(join(dir, '任务分解.xlsx'));
  assert.ok(r.ok && r.word);
  if (!r.ok || !r.word) return;
  assert.equal(r.text, pasted);
  // merged cells really are merged: the 责任单位 of row 10 (task 5.) covers rows 11 and 12, empty as a copy gives them
  assert.equal(r.text.split('\n')[10], '6.集中展示行政事业性收费和政府性基金目录清单\t省财政厅 省物价局\t\t实行收费项目清单管理，完善收费监管，实时更新“中国福建”门户网站“价格和收费”专栏，让政府收费项目一目了然。');
  assert.deepEqual(r.word.lines[10], { sheet: 'Sheet1', row: 11, cellStarts: [0, 24, 34, 35], columns: [1, 2, 3, 4] });
  const table = (file: string) => JSON.parse(fengong(['table', '--format', 'json', file], { cwd: dir }).stdout);
  const a = table('pasted.txt');
  const b = table('任务分解.xlsx');
  assert.equal(a.tasks.length, 60);
  assert.deepEqual(b.tasks.map(({ word: _, ...t }: { word?: unknown }) => t), a.tasks);
  assert.deepEqual(b.tasks[0].word, { sheet: 'Sheet1', row: 5, column: 1, quote: '1.深入解读政策背景、依…' });
  const md = fengong(['table', '任务分解.xlsx'], { cwd: dir }).stdout.split('\n');
  assert.ok(md[2]!.endsWith('| 工作表“Sheet1”第5行A列“1.深入解读政策背景、依…” |'), md[2]);
  // check: the text's problems, placed at sheet cells
  const [x] = json(['任务分解.xlsx'], dir);
  const [p] = json(['pasted.txt'], dir);
  assert.deepEqual(x!.messages.map(key), p!.messages.map(key));
  assert.deepEqual(x!.messages.slice(0, 2).map((m) => [m.word?.label, m.ruleId, m.message]), [
    ['工作表“Sheet1”第5行B列', 'unit-clause', '“牵头单位”后未写单位'],
    ['工作表“Sheet1”第10行B列“省财政厅 省国税局 省地…”', 'unit-clause', '“省财政厅 省国税局”可能是两个单位连写，缺少“、”（推测）'],
  ]);
  const en = fengong(['check', '--locale', 'en', '任务分解.xlsx'], { cwd: dir }).stdout.split('\n');
  assert.match(en[2]!, /^ {2}Sheet1!B5 +warning +/);
  // inspect lists the tasks by their cells
  const ins = fengong(['inspect', '任务分解.xlsx'], { cwd: dir }).stdout.split('\n');
  assert.ok(ins.includes('    工作表“Sheet1”第5行A列“1.深入解读政策背景、依…”  1.深入解读政策背景、依据、目标任务、涉及范围 → 省直各部门（负责）、各设区市（负责）、平潭综合实验区（负责）'), ins.join('\n'));
});

test('.xls and .et: named, and told to save as .xlsx', async () => {
  const { html } = sheetSources(sheet121());
  const [xls] = convert([{ name: 'sheet121', ext: 'html', data: html }], 'xls:MS Excel 97', 'xls', { infilter: 'calc_HTML_WebQuery' });
  const dir = tempDir('fengong-xls-');
  copyFileSync(xls!, join(dir, '任务分解.xls'));
  copyFileSync(xls!, join(dir, '任务分解.et'));
  const r = fengong(['check', '任务分解.xls', '任务分解.et'], { cwd: dir });
  assert.equal(r.code, 2);
  for (const f of ['任务分解.xls', '任务分解.et']) {
    assert.ok(r.stdout.includes(`${f} 是 Excel 97–2003 或 WPS 表格文件（.xls/.et），fengong 无法读取：请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后重试。`), r.stdout);
  }
  const t = fengong(['table', '--locale', 'en', '任务分解.xls'], { cwd: dir });
  assert.equal(t.code, 2);
  assert.match(t.stderr, /任务分解\.xls is an Excel 97–2003 or WPS spreadsheet \(\.xls\/\.et\), which fengong cannot read; save it as an Excel workbook \(\.xlsx\)/);
});

// ---- what only a word processor makes: text boxes, merged tables, a Title style, no text at all ----

const BOXED = fodt(
  para('某县2024年政务公开工作要点', 'Title')
  + para('县政府办公室汇报')
  + para('一、重点任务')
  + textBox('（一）推进决策公开。（办公室负责）', ['注：本框中（括号未闭合', '第二段'])
  + para('二、推进执行公开')
  + table([
    ['序号', '工作任务', '牵头单位', '责任单位'],
    [{ text: '（一）公开重点工作', cols: 4 }, null, null, null],
    ['1', '公开重大项目进展', { text: '县发改局', rows: 2 }, '各乡镇'],
    ['2', '公开民生实事进度', null, '县直各部门'],
  ]),
);

test('a .docx by LibreOffice with a text box, a merged table and a Title-styled title', async () => {
  const [docx] = convert([{ name: 'boxed', ext: 'fodt', data: BOXED }], 'docx:MS Word 2007 XML', 'docx');
  // the text box is there twice (DrawingML and its VML fallback) and read once, after its anchor
  const xml = new TextDecoder().decode((await import('fflate')).unzipSync(readFileSync(docx!))['word/document.xml']);
  assert.equal(xml.match(/<w:txbxContent>/g)?.length, 2);
  const r = await readWordFile(docx!);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.text, [
    '某县2024年政务公开工作要点', '县政府办公室汇报', '一、重点任务', '（一）推进决策公开。（办公室负责）', '注：本框中（括号未闭合', '第二段', '二、推进执行公开',
    '序号\t工作任务\t牵头单位\t责任单位', '（一）公开重点工作', '1\t公开重大项目进展\t县发改局\t各乡镇', '2\t公开民生实事进度\t\t县直各部门', '',
  ].join('\n') + '\n');
  assert.deepEqual(r.word.titleLines, { first: 0, last: 0 });
  const dir = tempDir('fengong-boxed-');
  copyFileSync(docx!, join(dir, '要点.docx'));
  const [res] = json(['要点.docx'], dir);
  // (the empty cell under the merged 牵头单位 is what a paste of the table gives; whether the model
  // lets it take the merged cell's unit is the task model's business, so unit-clause is left out here)
  assert.deepEqual(res!.messages.filter((m) => m.ruleId !== 'unit-clause').map((m) => [m.word?.label, m.ruleId, m.message]), [
    ['文本框1第1段“注：本框中（括号未闭合”', 'punctuation-pair', '“（”在本段内没有对应的“）”'],
  ]);
  // Word's Title style names the title, not the two opening lines joined (`…汇报` would make it a report)
  const ins = fengong(['inspect', '要点.docx'], { cwd: dir }).stdout.split('\n');
  assert.deepEqual(ins.slice(1, 5), ['标题：某县2024年政务公开工作要点', '文种：工作计划类（分解任务）', '依据：标题文种为“工作要点”', '任务：3']);
  assert.ok(ins.includes('  第4段“（一）推进决策公开。（办…”  （一）推进决策公开 → 办公室（负责）'), ins.join('\n'));
  assert.ok(ins.includes('    表1第3行第1列“1”  1公开重大项目进展 → 县发改局（牵头）、各乡镇（负责）'), ins.join('\n'));
  const t = JSON.parse(fengong(['table', '--format', 'json', '要点.docx'], { cwd: dir }).stdout);
  assert.deepEqual(t.tasks.map((x: { text: string; responsible: string[]; word: unknown }) => [x.text, x.responsible, x.word]), [
    ['推进决策公开。', ['办公室'], { paragraph: 4, quote: '（一）推进决策公开。（办…' }],
    ['公开重大项目进展', ['各乡镇'], { table: 1, row: 3, cell: 1, quote: '1' }],
    ['公开民生实事进度', ['县直各部门'], { table: 1, row: 4, cell: 1, quote: '2' }],
  ]);
  assert.deepEqual(t.tasks[1].lead, ['县发改局']);
});

test('a .doc keeps its text boxes apart: read after the body, each placed as 文本框N第M段', async () => {
  const [doc] = convert([{ name: 'boxed', ext: 'fodt', data: BOXED }], 'doc', 'doc');
  const r = await readWordFile(doc!);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.text, [
    '某县2024年政务公开工作要点', '县政府办公室汇报', '一、重点任务', '（一）推进决策公开。（办公室负责）', '二、推进执行公开',
    '序号\t工作任务\t牵头单位\t责任单位', '（一）公开重点工作', '1\t公开重大项目进展\t县发改局\t各乡镇', '2\t公开民生实事进度\t\t县直各部门',
    '注：本框中（括号未闭合', '第二段',
  ].join('\n') + '\n');
  assert.deepEqual(r.word.lines.slice(-2), [{ textBox: 1, paragraph: 1 }, { textBox: 1, paragraph: 2 }]);
  const dir = tempDir('fengong-docbox-');
  copyFileSync(doc!, join(dir, '要点.doc'));
  const [res] = json(['要点.doc'], dir);
  assert.deepEqual(res!.messages.filter((m) => m.ruleId === 'punctuation-pair').map((m) => [m.word?.label, m.message]), [
    ['文本框1第1段“注：本框中（括号未闭合”', '“（”在本段内没有对应的“）”'],
  ]);
});

test('a Word file with no text (a picture only) says so', async () => {
  // a 1×1 PNG, the only content of the page
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const body = `<text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame></text:p>`;
  const [docx] = convert([{ name: 'picture', ext: 'fodt', data: fodt(body) }], 'docx:MS Word 2007 XML', 'docx');
  const dir = tempDir('fengong-empty-');
  copyFileSync(docx!, join(dir, '扫描件.docx'));
  const r = fengong(['check', '扫描件.docx'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /扫描件\.docx\n {2}全文 +警告 +此文件没有可检查的文字（可能只有图片或扫描件）：请提供含文字的文档，或先用文字识别（OCR）转换。\n/);
  const t = fengong(['table', '扫描件.docx'], { cwd: dir });
  assert.match(t.stderr, /扫描件\.docx没有可检查的文字/);
});

test('inspect lists a Word file by place, with its markers as Word shows them', async () => {
  const dir = tempDir('fengong-inspect-');
  const plan = '2024年工作要点\n一、重点任务\n1、做好甲项工作。（办公室负责）\n2、做好乙项工作。（财务科负责）\n';
  writeFileSync(join(dir, '要点.docx'), await planToDocx(plan));
  writeFileSync(join(dir, '要点.txt'), plan);
  assert.deepEqual(fengong(['inspect', '要点.docx'], { cwd: dir }).stdout.split('\n').slice(6, 9), [
    '第2段“一、重点任务”  一、重点任务',
    '  第3段“1、做好甲项工作。（办公…”  1、做好甲项工作 → 办公室（负责）',
    '  第4段“2、做好乙项工作。（财务…”  2、做好乙项工作 → 财务科（负责）',
  ]);
  // the text is listed by line, its markers in canonical form
  assert.equal(fengong(['inspect', '要点.txt'], { cwd: dir }).stdout.split('\n')[7], '  3  1.做好甲项工作 → 办公室（负责）');
});

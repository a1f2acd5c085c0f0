// The web page (dist/fengong.html, issue 20) in a real browser: Debian's Chromium driven by
// playwright-core, the page opened from file://. Plans go in by the file chooser, by drop and by
// paste; what the page shows is compared with what the real CLI (bin/fengong.cjs, a process) says of
// the same file: the exact problems, a quick fix and its download byte for byte, 修复全部 against
// `fengong check --fix`, the 任务分工表, and a docx export read back cell by cell. Every request the
// page makes is recorded: there must be none but the page itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { defaultConfig, mergeConfig } from '../../server/src/engine/index.js';
import { Analysis } from '../../server/src/lsp/analysis.js';
import { taskTablePreview } from '../../server/src/lsp/office.js';
import { BIN, CORPUS, fengong, ROOT } from '../cli/helpers.js';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const PAGE = join(ROOT, 'dist', 'fengong.html');
const PAGE_URL = pathToFileURL(PAGE).href;
const SHOTS = join(ROOT, 'test', 'e2e', 'screenshots');
const C000 = join(CORPUS, '000_6fbd649499c5ed32.txt');
const C004 = join(CORPUS, '004_acf7e94b039c0b3c.txt');
/** the quick fix on `11加强…` (line 52): the line gains its delimiter, nothing else changes */
const QUICKFIX_LINE = 52;
const QUICKFIX_AFTER = '  11.加强网站留言咨询8890平台答复工作,及时办理留言内容,确保按规定时限答复完毕。(各处室、民服中心、省信息中心运维九部按职责分工负责)\u00a0';

let browser: Browser;
let context: BrowserContext;
const requests: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'fengong-web-'));

before(async () => {
  if (!existsSync(PAGE)) assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status, 0);
  // Debian's Chromium and CJK fonts: scripts/test.mjs installs them (scripts/install-system-deps.sh)
  assert.ok(existsSync('/usr/bin/chromium'), 'Chromium is missing: run bash scripts/install-system-deps.sh (as root)');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'zh-CN' });
  context.on('request', (r) => requests.push(r.url()));
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const scriptErrors = new Map<Page, string[]>();

async function open(): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(PAGE_URL);
  return page;
}

/** Closes a page that had no script error. */
async function done(page: Page): Promise<void> {
  const errors = scriptErrors.get(page);
  await page.close();
  assert.deepEqual(errors, [], 'no script error in the page');
}

/** The page has drawn the plan named `name` (and the frame after it). */
async function shown(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('#status .file')?.textContent === n && document.body.dataset.readyMs, name);
}

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('#file', file);
  await shown(page, file.split('/').pop()!);
}

/** The problems panel: [severity, where, message, rule] per row. */
const problems = (page: Page) => page.$$eval('ol.problems li', (lis) => lis.map((li) => ['.sev', '.at', '.msg', '.rule'].map((s) => li.querySelector(s)!.textContent!)));

interface CliMessage { ruleId: string; severity: number; uncertain?: boolean; message: string; line: number; column: number }
const SEVERITY_WORD = { zh: ['', '警告', '错误'], en: ['', 'warning', 'error'] };

/** What `fengong check --format json` reports, as the page's problem rows. */
function expectedProblems(messages: CliMessage[], locale: 'zh' | 'en' = 'zh'): string[][] {
  return messages.map((m) => [
    m.uncertain ? (locale === 'zh' ? '提示' : 'info') : SEVERITY_WORD[locale][m.severity]!,
    locale === 'zh' ? `第 ${m.line} 行第 ${m.column} 列` : `line ${m.line}, column ${m.column}`,
    m.message,
    m.ruleId,
  ]);
}

function cliCheck(args: string[], input?: string): CliMessage[] {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 26 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return (JSON.parse(r.stdout) as { messages: CliMessage[] }[])[0]!.messages;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

const lineText = (page: Page, line: number) => page.$eval(`.ln[data-line="${line - 1}"] .tx`, (e) => e.textContent);

// ---- opening plans ----------------------------------------------------------------------------

test('a plan by the file chooser: the exact problems fengong check reports, as the editor shows them', async () => {
  const page = await open();
  assert.equal(await page.title(), 'fengong 分工：工作要点、任务分工检查');
  await chooseFile(page, C000);
  const rows = await problems(page);
  assert.deepEqual(rows, expectedProblems(cliCheck([C000])));
  assert.equal(rows.length, 17);
  // pinned literally, as test/e2e/run.mjs pins what VS Code shows for the same plan
  assert.deepEqual(rows[0], ['错误', '第 8 行第 5 列', '“〔”在本段内没有对应的“〕”', 'punctuation-pair']);
  assert.ok(rows.some((r) => r.join('|') === '警告|第 52 行第 3 列|序号“11”后缺少“.”|numbering-format'));
  assert.equal(await page.textContent('#tab-problems'), '问题（17）');
  assert.match((await page.textContent('#status'))!, /^000_6fbd649499c5ed32\.txt · UTF-8 LF · 文种：工作计划类（分解任务） · 依据：标题文种为“任务分工” · 任务：21 · 检查用时 \d+ 毫秒$/);
  // the marks in the text: the unclosed 〔 on line 8 is underlined as an error, its message the tooltip
  const mark = await page.$eval('.ln[data-line="7"] .mk', (e) => [e.className, e.textContent, e.getAttribute('title')]);
  assert.deepEqual(mark, ['mk s1', '〔', '“〔”在本段内没有对应的“〕”']);
  // a click on a problem goes to its line
  await page.click('ol.problems li[data-p="0"]');
  assert.equal(await page.getAttribute('.ln.flash', 'data-line'), '7');
  await done(page);
});

test('a first look without a plan: the README\'s example plan, checked as fengong check checks it with the defaults', async () => {
  const page = await open();
  assert.equal(await page.textContent('#example'), '先看一个示例计划');
  await page.click('#example');
  await shown(page, '2024年政务公开工作要点.txt');
  const defaults = join(work, 'defaults.json');
  writeFileSync(defaults, '{}');
  const expected = expectedProblems(cliCheck(['-c', defaults, join(ROOT, 'examples', '2024年政务公开工作要点.txt')]));
  assert.ok(expected.length > 0);
  assert.deepEqual(await problems(page), expected);
  await done(page);
});

test('the outline and the genre with its reasons, as the editor and fengong inspect give them', async () => {
  const page = await open();
  await chooseFile(page, C000);
  await page.click('#tab-outline');
  const outline = await page.$$eval('ul.outline > li', (lis) => lis.slice(0, 2).map((li) => [li.querySelector('a')!.textContent, li.querySelector('.detail')?.textContent ?? '']));
  // the same outline test/e2e/run.mjs reads from VS Code's Outline view
  assert.deepEqual(outline[0], ['一、推进政策制度履职依据公开', '5 项任务']);
  const firstTask = await page.$eval('ul.outline > li > ul > li', (li) => [li.querySelector('a')!.textContent, li.querySelector('.detail')!.textContent]);
  assert.deepEqual(firstTask, ['1. 系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新', '牵头：办公室；配合：各有关处室、民服中心、省信息中心运维九部']);
  await page.click('#tab-inspect');
  const inspect = fengong(['inspect', C000]).stdout;
  // fengong inspect prints the file name first, then exactly what the page shows
  assert.equal(await page.textContent('pre.inspect'), inspect.slice(inspect.indexOf('\n') + 1));
  // the genre said by hand, as --document-kind: a report assigns no work, so no task lacks a unit
  await page.selectOption('#kind', 'report');
  await page.waitForFunction(() => document.querySelector('pre.inspect')!.textContent!.includes('报告、总结类'));
  const asReport = fengong(['inspect', '--document-kind', 'report', C000]).stdout;
  assert.equal(await page.textContent('pre.inspect'), asReport.slice(asReport.indexOf('\n') + 1));
  await page.click('#tab-problems');
  assert.deepEqual(await problems(page), expectedProblems(cliCheck(['--document-kind', 'report', C000])));
  await done(page);
});

// ---- fixes and downloads ----------------------------------------------------------------------

/** 000 as an office might save it: GB18030 with CRLF line endings. */
function gbCopy(name: string): { file: string; text: string } {
  const text = readFileSync(C000, 'utf8').replace(/\r?\n/g, '\r\n');
  const file = join(work, name);
  writeFileSync(file, iconv.encode(text, 'gb18030'));
  return { file, text };
}

test('a quick fix, then the download: the same file in GB18030 and CRLF with only that line changed', async () => {
  const { file, text } = gbCopy('省民政厅工作要点.txt');
  const page = await open();
  await chooseFile(page, file);
  assert.match((await page.textContent('#status'))!, /· GB18030 CRLF ·/);
  assert.deepEqual(await problems(page), expectedProblems(cliCheck([file])));
  const index = await page.$$eval('ol.problems li', (lis) => lis.findIndex((li) => li.querySelector('.msg')!.textContent === '序号“11”后缺少“.”'));
  assert.equal(await page.textContent(`button.fix[data-p="${index}"]`), '插入“.”');
  await page.click(`button.fix[data-p="${index}"]`);
  await page.waitForFunction(() => document.querySelector('#tab-problems')!.textContent === '问题（16）');
  assert.equal(await lineText(page, QUICKFIX_LINE), QUICKFIX_AFTER);
  const got = await download(page, () => page.click('#download'));
  assert.equal(got.name, '省民政厅工作要点.txt');
  const lines = text.split('\r\n');
  lines[QUICKFIX_LINE - 1] = QUICKFIX_AFTER;
  assert.ok(got.bytes.equals(iconv.encode(lines.join('\r\n'), 'gb18030')), 'the downloaded file is the original with line 52 fixed, byte for byte');
  await done(page);
});

test('修复全部 and its download are what fengong check --fix writes to the same file (UTF-16 with BOM)', async () => {
  const file = join(work, '修复全部.txt');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(C000, 'utf8').replace(/\r?\n/g, '\r\n'), 'utf16le')]));
  const page = await open();
  await chooseFile(page, file);
  assert.match((await page.textContent('#status'))!, /· UTF-16LE BOM CRLF ·/);
  await page.click('#fix-all');
  await page.waitForFunction(() => document.querySelector('#tab-problems')!.textContent !== '问题（17）');
  const got = await download(page, () => page.click('#download'));
  const cliCopy = join(work, 'cli-fix.txt');
  copyFileSync(file, cliCopy);
  fengong(['check', '--fix', cliCopy]);
  assert.ok(got.bytes.equals(readFileSync(cliCopy)), 'page and CLI fix the file to the same bytes');
  assert.ok(!got.bytes.equals(readFileSync(file)), 'something was fixed');
  // what is left is what the CLI still reports of its fixed file
  assert.deepEqual(await problems(page), expectedProblems(cliCheck([cliCopy])));
  await done(page);
});

test('nothing fixed or typed is lost: opening another file or closing the tab asks first', async () => {
  const page = await open();
  await chooseFile(page, C000);
  await page.click('#fix-all');
  await page.waitForFunction(() => document.querySelector('#tab-problems')!.textContent !== '问题（17）');
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
  await page.setInputFiles('#file', C004);
  assert.equal(await asked, '000_6fbd649499c5ed32.txt 的修改还没有下载保存，打开新文件将丢弃这些修改。继续吗？');
  assert.equal(await page.textContent('#status .file'), '000_6fbd649499c5ed32.txt', 'dismissed: the fixed plan stays');
  // downloaded, the fixed text is safe: another file opens without a question (a dialog would be dismissed)
  await download(page, () => page.click('#download'));
  await chooseFile(page, C004);
  // typing in the editor: closing the tab asks
  await page.click('#paste');
  await page.fill('#editor', '一、新的任务');
  const beforeUnload = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
  const errors = scriptErrors.get(page);
  await page.close({ runBeforeUnload: true });
  assert.equal(await beforeUnload, 'beforeunload');
  assert.deepEqual(errors, []);
});

// ---- paste, drop, bad input -------------------------------------------------------------------

test('a plan pasted: checked as fengong check --stdin checks the same text', async () => {
  const text = readFileSync(C004, 'utf8').replace(/\r\n?/g, '\n'); // a text box has LF line breaks
  const page = await open();
  await page.click('#paste');
  await page.fill('#editor', text);
  await page.click('#check');
  await shown(page, '粘贴的计划.txt');
  const expected = expectedProblems(cliCheck(['--stdin', '--stdin-filename', 'pasted.txt'], text));
  assert.ok(expected.length > 0);
  assert.deepEqual(await problems(page), expected);
  const got = await download(page, () => page.click('#download'));
  assert.equal(got.name, '粘贴的计划.txt');
  assert.equal(got.bytes.toString('utf8'), text);
  await done(page);
});

/** Drops a file on the page as a user drags it from the desktop. */
async function drop(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(({ name, b64 }) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], name));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, b64: bytes.toString('base64') });
}

test('a Word document dropped on the page: its text and problems as fengong check reads the .docx', async () => {
  const d = createRequire(import.meta.url)('docx') as typeof import('docx');
  const lines = readFileSync(C004, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const doc = new d.Document({ sections: [{ children: lines.map((l) => new d.Paragraph({ children: l ? [new d.TextRun(l)] : [] })) }] });
  const file = join(work, '县政务公开工作要点.docx');
  writeFileSync(file, await d.Packer.toBuffer(doc));
  const page = await open();
  await drop(page, '县政务公开工作要点.docx', readFileSync(file));
  await shown(page, '县政务公开工作要点.docx');
  assert.match((await page.textContent('#status'))!, /^县政务公开工作要点\.docx · Word · /);
  const cli = cliCheck([file]) as (CliMessage & { word: { label: string } })[];
  assert.deepEqual(await problems(page), expectedProblems(cli));
  // and where each is in Word, as fengong check names it: 第3段 and the start of its text
  assert.deepEqual(await page.$$eval('ol.problems .place', (e) => e.map((x) => x.textContent)), cli.map((m) => m.word.label));
  assert.equal(cli[0]!.word.label, '第3段“经县政府同意,现将开云手…”');
  // a .docx is never rewritten: its fixed text comes back as UTF-8 text (BOM, CRLF: Notepad and WPS open it)
  const got = await download(page, () => page.click('#download'));
  assert.equal(got.name, '县政务公开工作要点.txt');
  assert.equal(got.bytes.toString('utf8'), '\ufeff' + lines.join('\r\n') + '\r\n'); // a paragraph per line, each ended
  await done(page);
});

test('an Excel 任务分解表 dropped on the page: read as fengong check reads the .xlsx, its table as fengong table makes it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解');
  ws.addRow(['某县2024年政务公开工作任务分解表']);
  ws.mergeCells('A1:E1');
  ws.addRow(['序号', '工作任务', '牵头单位', '责任单位', '完成时限']);
  ws.addRow(['一、推进决策公开']);
  ws.mergeCells('A3:E3');
  ws.addRow(['1', '严格落实重大行政决策预公开制度', '县政府办公室', '各乡镇、县直各部门', '6月底前']);
  ws.addRow(['3', '做好政策解读工作', '', '', '长期坚持']);
  const file = join(work, '任务分解表.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const page = await open();
  await drop(page, '任务分解表.xlsx', readFileSync(file));
  await shown(page, '任务分解表.xlsx');
  assert.match((await page.textContent('#status'))!, /^任务分解表\.xlsx · Excel · /);
  const cli = cliCheck([file]) as (CliMessage & { word: { label: string } })[];
  assert.ok(cli.length > 0);
  assert.deepEqual(await problems(page), expectedProblems(cli));
  assert.deepEqual(await page.$$eval('ol.problems .place', (e) => e.map((x) => x.textContent)), cli.map((m) => m.word.label));
  const csv = await download(page, () => page.click('[data-export="csv"]'));
  const fromCli = spawnSync(process.execPath, [BIN, 'table', '任务分解表.xlsx', '--format', 'csv'], { cwd: work });
  assert.ok(csv.bytes.equals(fromCli.stdout), 'the csv as fengong table writes it');
  const text = await download(page, () => page.click('#download'));
  assert.equal(text.name, '任务分解表.txt');
  await done(page);
});

test('a file the page cannot read: a clear error saying what to do, and the page keeps working', async () => {
  const page = await open();
  await drop(page, '计划.pdf', Buffer.from('%PDF-1.4\n'));
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error'), '不能打开“计划.pdf”：本页读取 .docx .doc .wps .xlsx .xlsm .xls .et .ett .txt .plan .md 文件（扩展名“.pdf”不在其中）。请另存为其中一种，或复制全文粘贴进来。');
  await drop(page, '旧计划.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('旧计划.doc'));
  assert.equal(await page.textContent('#error'), '无法读取旧版 Word 文档 旧计划.doc：请在 Word 或 WPS 中另存为 .docx 后重试。');
  await drop(page, 'binary.txt', Buffer.from([0x41, 0, 0x42, 0, 0, 0, 1, 2, 3]));
  await page.waitForFunction(() => document.querySelector('#error')!.textContent!.startsWith('无法读取 binary.txt'));
  await chooseFile(page, C000);
  assert.equal(await page.isHidden('#error'), true);
  await done(page);
});

// ---- the task table and its exports -----------------------------------------------------------

/** The table the page draws: [title, header cells, rows (a group row is one cell)]. */
const drawnTable = (page: Page) => page.evaluate(() => [
  document.querySelector('.sheet-title')!.textContent,
  [...document.querySelectorAll('table.sheet th')].map((th) => th.textContent),
  [...document.querySelectorAll('table.sheet tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
]);

function previewOf(file: string, by: 'task' | 'unit') {
  const a = new Analysis('test:', 1, readFileSync(file, 'utf8'), mergeConfig(defaultConfig(), {}), file.split('/').pop());
  const t = taskTablePreview(a, { uri: a.uri, by });
  return [t.title, t.columns.map((c) => c.header), t.rows.map((r) => (r.kind === 'section' ? [r.text] : r.cells))];
}

test('the 任务分工表 beside the plan, by task and by unit, laid out as VS Code\'s preview and the exports', async () => {
  const page = await open();
  await chooseFile(page, C000);
  const byTask = await drawnTable(page);
  assert.deepEqual(byTask, previewOf(C000, 'task'));
  assert.equal(byTask[0], '省民政厅2020年政务公开工作要点及任务分工表');
  assert.deepEqual(byTask[1], ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  assert.deepEqual((byTask[2] as string[][]).slice(0, 2), [
    ['一、推进政策制度履职依据公开'],
    ['1', '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。', '办公室', '各有关处室、民服中心、省信息中心运维九部', ''],
  ]);
  // sorted by the lead unit as in the preview: ascending, descending, then document order again
  const tasks = (byTask[2] as string[][]).filter((r) => r.length > 1);
  const byLead = (dir: number) => tasks.map((r, i) => ({ r, i })).sort((a, b) => dir * (a.r[2] || '\uffff').localeCompare(b.r[2] || '\uffff', 'zh-Hans-CN') || a.i - b.i).map((x) => x.r);
  await page.click('th.sortable >> text=牵头单位');
  assert.deepEqual((await drawnTable(page))[2], byLead(1));
  assert.equal(await page.textContent('th.sortable .arrow'), ' ▲');
  await page.click('th.sortable >> text=牵头单位');
  assert.deepEqual((await drawnTable(page))[2], byLead(-1));
  await page.click('th.sortable >> text=牵头单位');
  assert.deepEqual(await drawnTable(page), byTask);
  await page.click('#by-unit');
  const byUnit = await drawnTable(page);
  assert.deepEqual(byUnit, previewOf(C000, 'unit'));
  assert.deepEqual((byUnit[2] as string[][])[0], ['办公室（牵头8项，负责1项）']);
  // a click on a task row goes to the task in the text
  await page.click('table.sheet tr.task >> nth=0');
  assert.equal(await page.getAttribute('.ln.flash', 'data-line'), String(Number(await page.getAttribute('table.sheet tr.task >> nth=0', 'data-line'))));
  await done(page);
});

/** A docx read back with mammoth: its title paragraph and its table, cell by cell. */
async function docxTable(bytes: Buffer): Promise<[string, string[][]]> {
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  const title = /^<p>(.*?)<\/p>/.exec(html)![1]!;
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<\/?p>/g, '')));
  return [title, rows];
}

test('docx export generated in the page, read back cell by cell: the table fengong table --format docx writes', async () => {
  const page = await open();
  await chooseFile(page, C000);
  const got = await download(page, () => page.click('[data-export="docx"]'));
  assert.equal(got.name, '省民政厅2020年政务公开工作要点及任务分工表.docx');
  const [title, rows] = await docxTable(got.bytes);
  const [pTitle, pHead, pRows] = previewOf(C000, 'task') as [string, string[], string[][]];
  assert.equal(title, pTitle);
  assert.deepEqual(rows[0], pHead);
  assert.deepEqual(rows.slice(1), pRows);
  assert.deepEqual(rows[2], ['1', '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。', '办公室', '各有关处室、民服中心、省信息中心运维九部', '']);
  const cliDocx = join(work, 'cli.docx');
  fengong(['table', C000, '--format', 'docx', '-o', cliDocx]);
  assert.deepEqual(await docxTable(got.bytes), await docxTable(readFileSync(cliDocx)));
  await done(page);
});

test('xlsx, csv and md exports by unit: what fengong table writes', async () => {
  const page = await open();
  await chooseFile(page, C000);
  await page.click('#by-unit');
  const xlsx = await download(page, () => page.click('[data-export="xlsx"]'));
  assert.equal(xlsx.name, '省民政厅2020年政务公开工作要点及任务分工表.xlsx');
  const cliXlsx = join(work, 'cli.xlsx');
  fengong(['table', C000, '--by', 'unit', '--format', 'xlsx', '-o', cliXlsx]);
  const sheets = async (b: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).map((v) => v ?? '') : []))]);
  };
  const pageSheets = await sheets(xlsx.bytes);
  assert.deepEqual(pageSheets, await sheets(readFileSync(cliXlsx)));
  assert.equal(pageSheets[0]![0], '按单位');
  for (const format of ['csv', 'md'] as const) {
    const got = await download(page, () => page.click(`[data-export="${format}"]`));
    // the CLI names the file as given; the page, as it was opened
    const cli = spawnSync(process.execPath, [BIN, 'table', '000_6fbd649499c5ed32.txt', '--by', 'unit', '--format', format], { cwd: CORPUS });
    assert.ok(got.bytes.equals(cli.stdout), `${format} as fengong table writes it`);
  }
  await done(page);
});

// ---- language, size, screen -------------------------------------------------------------------

test('English as the second language: the same problems in English, the table headers too', async () => {
  const page = await open();
  await chooseFile(page, C000);
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#tab-problems')!.textContent === 'Problems (17)');
  assert.deepEqual(await problems(page), expectedProblems(cliCheck(['--locale', 'en', C000]), 'en'));
  assert.equal(await page.textContent('#lang'), '中文');
  assert.deepEqual((await drawnTable(page))[1], ['No.', 'Task', 'Lead unit', 'Responsible (cooperating) units', 'Deadline']);
  await done(page);
});

test('a plan of 1 MB is checked and shown; the timings are printed', async () => {
  const parts: string[] = [];
  let size = 0;
  for (const f of ['000_6fbd649499c5ed32.txt', '004_acf7e94b039c0b3c.txt', '002_ee5f435a77f4a9d5.txt']) parts.push(readFileSync(join(CORPUS, f), 'utf8'));
  const big: string[] = [];
  for (let i = 0; size < 1 << 20; i++) {
    big.push(parts[i % parts.length]!);
    size += Buffer.byteLength(parts[i % parts.length]!);
  }
  const file = join(work, 'big.txt');
  writeFileSync(file, big.join('\n'));
  const page = await open();
  await chooseFile(page, file);
  const t = await page.evaluate(() => ({ lint: Number(document.body.dataset.lintMs), draw: Number(document.body.dataset.drawMs), ready: Number(document.body.dataset.readyMs) }));
  const cli = cliCheck([file]);
  assert.equal(await page.textContent('#tab-problems'), `问题（${cli.length}）`);
  const started = Date.now();
  fengong(['check', file]);
  console.log(`# 1 MB plan (${(size / 1024).toFixed(0)} KB, ${cli.length} problems): page check ${t.lint.toFixed(0)} ms, drawing ${t.draw.toFixed(0)} ms, ` +
    `action to first frame ${t.ready.toFixed(0)} ms; fengong check of the same file as a process ${Date.now() - started} ms (this machine's load applies to both)`);
  await done(page);
});

test('usable at 1280×800 and on a projector: nothing wider than the window, the text scales', async () => {
  const page = await open();
  await chooseFile(page, C000);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await width()) <= 1280);
  // README's picture; the timing (different at every run) is left out so the file changes only with the page
  await page.screenshot({ path: join(SHOTS, 'web.png'), style: '#status .timing, #status .timing + .sep, #status .sep:has(+ .timing) { display: none; }' });
  const size = () => page.$eval('.ln .tx', (e) => parseFloat(getComputedStyle(e).fontSize));
  const before = await size();
  await page.click('#zoom-in');
  await page.click('#zoom-in');
  assert.ok((await size()) > before * 1.3, 'A+ twice: text a third larger');
  assert.ok((await width()) <= 1280);
  await done(page);
});

test('npm run web serves the page on localhost and prints the address; over http it works the same', async () => {
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, [join(ROOT, 'web', 'serve.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      server.stdout!.setEncoding('utf8').once('data', (d: string) => resolve(d));
      server.once('exit', (code) => reject(new Error(`serve.mjs exited ${code}`)));
    });
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)![0];
    assert.equal(line, `fengong 网页版：${url} （Ctrl+C 停止） · web page: ${url} (Ctrl+C stops)\n`);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(readFileSync(PAGE)));
    assert.equal((await fetch(url + 'other.js')).status, 404);
    const own = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const seen: string[] = [];
    own.on('request', (r) => seen.push(r.url()));
    const page = await own.newPage();
    await page.goto(url);
    await chooseFile(page, C000);
    assert.equal(await page.textContent('#tab-problems'), '问题（17）');
    const docx = await download(page, () => page.click('[data-export="docx"]'));
    assert.equal((await docxTable(docx.bytes))[0], '省民政厅2020年政务公开工作要点及任务分工表');
    await own.close();
    assert.deepEqual([...new Set(seen)], [url], 'over http too, the page asks for nothing but itself');
  } finally {
    server.kill();
  }
});

test('the page made no network request: only its own file was loaded', () => {
  assert.ok(requests.length >= 10, 'every test opened the page');
  assert.deepEqual([...new Set(requests)], [PAGE_URL]);
});

// The language server's requests behind the VS Code 任务分工表 preview and the Word view, over the
// real protocol (the built server on stdio): the preview is the office layout with each task's range,
// the docx export is the file `fengong table --format docx` writes, wordText is the reader's text
// (of a .docx, and of an .xlsx made by LibreOffice Calc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { LspClient, corpusCopy } from '../lsp/client.js';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';
import { officeTable } from '../../server/src/table/office.js';
import { EXPORT_TASK_TABLE_REQUEST, TASK_TABLE_PREVIEW_REQUEST, WORD_TEXT_REQUEST, type TaskTablePreviewResult } from '../../server/src/protocol.js';
import { planToDocx } from './docx-fixtures.js';
import { convert, sheetSources } from './office-fixtures.js';

test('fengong/taskTablePreview, docx export and fengong/wordText', async () => {
  const plan = corpusCopy();
  const { client } = await LspClient.start({ locale: 'zh-CN' });
  try {
    await client.open(plan.uri, plan.text);
    const preview = await client.request<TaskTablePreviewResult>(TASK_TABLE_PREVIEW_REQUEST, { uri: plan.uri, by: 'task' });
    const o = officeTable(buildTaskTable(parsePlan(plan.text)), 'task');
    assert.equal(preview.title, '省民政厅2020年政务公开工作要点及任务分工表');
    assert.deepEqual(preview.columns, o.columns);
    assert.deepEqual(preview.rows.map((r) => (r.kind === 'task' ? r.cells : r.text)), o.rows.map((r) => (r.kind === 'task' ? r.cells : r.text)));
    // a task row reveals its heading: 一、4 is on line 32 (0-based 31)
    const row4 = preview.rows.find((r) => r.kind === 'task' && r.cells[0] === '4');
    assert.ok(row4 && row4.kind === 'task');
    assert.deepEqual(row4.range.start, { line: 31, character: 2 });
    const byUnit = await client.request<TaskTablePreviewResult>(TASK_TABLE_PREVIEW_REQUEST, { uri: plan.uri, by: 'unit' });
    assert.deepEqual(byUnit.rows[0], { kind: 'section', text: '办公室（牵头8项，负责1项）', depth: 1 });

    const docx = await client.request<{ contentBase64: string }>(EXPORT_TASK_TABLE_REQUEST, { uri: plan.uri, format: 'docx', by: 'task' });
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx.contentBase64, 'base64') })).value;
    assert.match(html, /^<p>省民政厅2020年政务公开工作要点及任务分工表<\/p><table>/);

    const file = join(plan.dir, '计划.docx');
    writeFileSync(file, await planToDocx(plan.text));
    const word = await client.request<{ text: string }>(WORD_TEXT_REQUEST, { uri: pathToFileURL(file).href });
    assert.equal(word.text, plan.text.replace(/\n$/, '') + '\n');
    writeFileSync(join(plan.dir, 'bad.docx'), 'not a zip');
    const bad = await client.request<{ error: string }>(WORD_TEXT_REQUEST, { uri: pathToFileURL(join(plan.dir, 'bad.docx')).href });
    assert.match(bad.error, /bad\.docx 不是有效的 Word 文档/);
    // an Excel 任务分解表 (saved by LibreOffice Calc) opens as its text too; an .xls says what to do
    const { html: sheetHtml, pasted } = sheetSources([[{ text: '2024年工作任务分解表', cols: 3 }, null, null], [{ text: '工作任务' }, { text: '牵头单位' }, { text: '责任单位' }], [{ text: '1.做好甲' }, { text: '办公室', rows: 2 }, { text: '各处室' }], [{ text: '2.做好乙' }, null, { text: '各科室' }]]);
    const [xlsx] = convert([{ name: 'lsp-sheet', ext: 'html', data: sheetHtml }], 'xlsx:Calc MS Excel 2007 XML', 'xlsx', { infilter: 'calc_HTML_WebQuery' });
    const sheet = await client.request<{ text: string }>(WORD_TEXT_REQUEST, { uri: pathToFileURL(xlsx!).href });
    assert.equal(sheet.text, pasted);
    assert.equal(pasted, '2024年工作任务分解表\n工作任务\t牵头单位\t责任单位\n1.做好甲\t办公室\t各处室\n2.做好乙\t\t各科室\n');
    writeFileSync(join(plan.dir, '表.xls'), readFileSync(xlsx!).subarray(0, 0));
    const xls = await client.request<{ error: string }>(WORD_TEXT_REQUEST, { uri: pathToFileURL(join(plan.dir, '表.xls')).href });
    assert.match(xls.error, /表\.xls 是 Excel 97–2003 或 WPS 表格文件（\.xls\/\.et），fengong 无法读取：请在 Excel 或 WPS 中另存为 Excel 工作簿（\.xlsx）后重试。/);
  } finally {
    await client.shutdown();
  }
});

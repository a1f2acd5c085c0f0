// The Word reader on real .docx files: corpus plans built with the `docx` library (paragraphs,
// 任务分解表 tables, automatic numbering), hand-written WordprocessingML for the corners, a real
// Word 97–2003 .doc, and broken files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { extractDocx, joinCellParagraphs, placeAt, placeLabel, readWordFile, titleLines } from '../../server/src/io/docx.js';
import { formatNumber } from '../../server/src/io/docx-numbering.js';
import { planToDocx, shownLine } from './docx-fixtures.js';

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
const corpus = (f: string) => readFileSync(join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n');
const PLANS = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

test('every corpus plan as a .docx reads back as its plain text, line for line', async () => {
  assert.equal(PLANS.length, 33);
  for (const f of PLANS) {
    const txt = corpus(f);
    const { text, word } = extractDocx(await planToDocx(txt));
    assert.equal(text, txt.replace(/\n$/, '') + '\n', f);
    assert.equal(word.lines.length, text.split('\n').length - 1, f);
  }
});

test('positions: paragraphs count the non-empty ones outside tables; table rows name their cells', async () => {
  const { text, word } = extractDocx(await planToDocx(corpus('121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt')));
  const lines = text.split('\n');
  assert.equal(lines[0], '福建省人民政府办公厅关于印发2017年政务公开工作主要任务分解表的通知');
  assert.deepEqual(word.lines[0], { paragraph: 1 });
  assert.deepEqual(word.lines[10], { paragraph: 11 }); // 2017年政务公开工作主要任务分解表
  // the table: header row, a section row merged across (its text alone), task rows with 4 cells
  assert.equal(lines[11], '工　作　任　务\t牵头单位\t责　任　单　位\t工　作　要　求');
  assert.deepEqual(word.lines[12], { table: 1, row: 2, cellStarts: [0] });
  const row = word.lines[15]!;
  assert.ok('table' in row && row.row === 5 && row.cellStarts.length === 4);
  const tabAt = lines[15]!.indexOf('\t省财政厅');
  // every place quotes the start of its paragraph or cell, so Word's 查找 finds it
  assert.deepEqual(placeAt(word, 15, 0), { table: 1, row: 5, cell: 1, quote: '2.按月公开全省财政收支…' });
  assert.deepEqual(placeAt(word, 15, tabAt + 1), { table: 1, row: 5, cell: 2, quote: '省财政厅' });
  assert.deepEqual(placeAt(word, 3, 5), { paragraph: 4, quote: '为贯彻落实《国务院办公厅…' });
  assert.equal(placeLabel({ table: 1, row: 5, cell: 2 }, 'zh'), '表1第5行第2列');
  assert.equal(placeLabel({ table: 1, row: 5, cell: 2, quote: '省财政厅' }, 'zh'), '表1第5行第2列“省财政厅”');
  assert.equal(placeLabel({ paragraph: 12 }, 'zh'), '第12段');
  assert.equal(placeLabel({ paragraph: 12, quote: '（三）完善基层行政决策…' }, 'zh'), '第12段“（三）完善基层行政决策…”');
  assert.equal(placeLabel({ paragraph: 12, quote: '（三）完善基层行政决策…' }, 'en'), 'paragraph 12 “（三）完善基层行政决策…”');
  assert.equal(placeLabel({ textBox: 2, paragraph: 1, quote: '附件' }, 'zh'), '文本框2第1段“附件”');
  assert.equal(placeLabel({ sheet: '任务分解', row: 7, column: 2, quote: '省财政厅' }, 'zh'), '工作表“任务分解”第7行B列“省财政厅”');
  assert.equal(placeLabel({ sheet: '任务分解', row: 7, column: 2 }, 'en'), "'任务分解'!B7");
  assert.equal(placeLabel({ sheet: 'Sheet1', row: 7, column: 28 }, 'en'), 'Sheet1!AB7');
});

test('automatic numbering is put back as Word draws it: 一、 （一） 1. restarting under each parent', async () => {
  // plans whose numbers Word's list counters reproduce exactly
  for (const f of ['004_acf7e94b039c0b3c.txt', '001_d043e8fffc68ce4c.txt', '108_guoban-2019-2-yaopin-jizhong-caigou-shidian-fangan.txt']) {
    const txt = corpus(f);
    const opts = { numbering: {} };
    const { text, word } = extractDocx(await planToDocx(txt, opts));
    const shown = txt.replace(/\n$/, '').split('\n').map((l) => shownLine(l, opts)).join('\n') + '\n';
    assert.equal(text, shown, f);
    assert.ok(word.recoveredNumbers > 0, f);
    assert.deepEqual(word.notes, [], f);
  }
  // the typed markers really were removed from the paragraphs: the .docx holds only list numbers
  const buf = await planToDocx('2021年工作要点\n一、总体要求\n（一）指导思想\n（二）工作目标\n二、重点任务\n（一）推进公开\n1.梳理文件\n2.更新清单\n', { numbering: {} });
  const { text } = extractDocx(buf);
  assert.equal(text, '2021年工作要点\n一、总体要求\n（一）指导思想\n（二）工作目标\n二、重点任务\n（一）推进公开\n1.梳理文件\n2.更新清单\n');
});

test('numbering through the document (lvlRestart 0): 1. … 21. across the 一、 sections of corpus 000', async () => {
  const lines = ['2020年工作要点', '一、第一部分', '1.甲', '2.乙', '二、第二部分', '3.丙', '4.丁'];
  const { text } = extractDocx(await planToDocx(lines.join('\n') + '\n', { numbering: { through: [3] } }));
  assert.equal(text, lines.join('\n') + '\n');
  const restart = extractDocx(await planToDocx(lines.join('\n') + '\n', { numbering: {} })).text;
  assert.equal(restart.split('\n')[5], '1.丙'); // without it Word restarts under 二、
});

test('number formats as Word spells them', () => {
  assert.deepEqual([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => formatNumber(n, 'chineseCounting')),
    ['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十']);
  assert.equal(formatNumber(3, 'chineseLegalSimplified'), '叁');
  assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
  assert.equal(formatNumber(3, 'decimalEnclosedParen'), '⑶');
  assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  assert.equal(formatNumber(2, 'ideographTraditional'), '乙');
  assert.equal(formatNumber(4, 'upperRoman'), 'IV');
  assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
  assert.equal(formatNumber(3, 'japaneseCounting'), undefined);
});

// ---- hand-written WordprocessingML for the corners ----

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
function docx(body: string, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(`<?xml version="1.0"?>${xml}`);
  return zipSync(files);
}
const p = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const r = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;

test('what Word shows, not what it stores: deletions, field codes, hidden text and fallbacks are left out', () => {
  const body = [
    p(r('一、') + `<w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>` + `<w:ins>${r('推进公开')}</w:ins>`),
    p(r('见') + `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + r('第3页') + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`),
    p(r('可见') + r('隐藏', '<w:vanish/>') + r('文字')),
    p(`<mc:AlternateContent><mc:Choice Requires="wps">${r('选择')}</mc:Choice><mc:Fallback>${r('后备')}</mc:Fallback></mc:AlternateContent>`),
    p(r('第一行') + '<w:r><w:br/></w:r>' + r('第二行') + '<w:r><w:br w:type="page"/></w:r>'),
    p('<w:r><w:tab/></w:r>' + r('缩进') + '<w:r><w:tab/></w:r>' + r('制表')),
  ].join('');
  const { text, word } = extractDocx(docx(body));
  assert.equal(text, '一、推进公开\n见第3页\n可见文字\n选择\n第一行\n第二行\n缩进\t制表\n');
  // the soft line break keeps both lines in paragraph 5
  assert.deepEqual(word.lines.slice(4, 6), [{ paragraph: 5 }, { paragraph: 5 }]);
});

test('text boxes: read once (DrawingML in mc:Choice, not its VML copy in mc:Fallback), after the paragraph or table that anchors them', () => {
  const box = (...paras: string[]) => `<w:txbxContent>${paras.map((t) => p(r(t))).join('')}</w:txbxContent>`;
  const alt = (...paras: string[]) => `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box(...paras)}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box(...paras)}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
  const body = p(r('一、总体要求') + alt('注意（未闭合', '', '第二段'))
    + p(r('二、重点任务'))
    + `<w:tbl><w:tr>${tc(p(r('1')))}${tc(p(r('做好甲') + alt('表中框')))}</w:tr></w:tbl>`
    // an old document's VML text box, with no alternate content around it
    + p(r('三、保障') + `<w:r><w:pict>${box('旧式文本框')}</w:pict></w:r>`);
  const { text, word } = extractDocx(docx(body));
  assert.equal(text, '一、总体要求\n注意（未闭合\n第二段\n二、重点任务\n1\t做好甲\n表中框\n三、保障\n旧式文本框\n');
  assert.deepEqual(word.lines, [
    { paragraph: 1 }, { textBox: 1, paragraph: 1 }, { textBox: 1, paragraph: 2 }, { paragraph: 2 },
    { table: 1, row: 1, cellStarts: [0, 2] }, { textBox: 2, paragraph: 1 }, { paragraph: 3 }, { textBox: 3, paragraph: 1 },
  ]);
  assert.deepEqual(placeAt(word, 1, 3), { textBox: 1, paragraph: 1, quote: '注意（未闭合' });
});

test("Word's own title: the Title style; else the last run of large centred paragraphs the document opens with", () => {
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style></w:styles>`;
  const big = (t: string) => p(r(t, '<w:sz w:val="44"/>'), '<w:jc w:val="center"/>');
  const small = (t: string) => p(r(t, '<w:sz w:val="32"/>'), '<w:jc w:val="center"/>');
  // the Title style wins, two paragraphs of it are one title
  let w = extractDocx(docx(p(r('某县人民政府办公室')) + p(r('2024年工作要点'), '<w:pStyle w:val="a5"/>') + p(r('（修订稿）'), '<w:pStyle w:val="a5"/>') + p(r('一、总体要求')), { 'word/styles.xml': styles })).word;
  assert.deepEqual(w.titleLines, { first: 1, last: 2 });
  // a red header and its document number come centred before the title: the last large run is the title
  w = extractDocx(docx(big('某县人民政府办公室文件') + small('县政办〔2024〕1号') + p('') + big('某县2024年政务公开') + big('工作要点') + p(r('各乡镇：')) + big('一、总体要求'))).word;
  assert.deepEqual(w.titleLines, { first: 3, last: 4 });
  // nothing centred and large: no hint, the engine guesses from the text
  assert.equal(extractDocx(docx(p(r('2024年工作要点')) + p(r('一、总体要求')))).word.titleLines, undefined);
  assert.deepEqual(titleLines([{ line: 0, end: 0, titleStyle: false, centred: true, large: true }, { line: 2, end: 2, titleStyle: false, centred: true, large: true }]), { first: 2, last: 2 });
});

test('a document with no text: noted', () => {
  assert.deepEqual(extractDocx(docx(p('') + p('<w:r><w:drawing/></w:r>'))).word.notes, [{ kind: 'no-text', place: { paragraph: 1 }, count: 0, detail: '' }]);
});

test('tables: a one-column frame is paragraphs; merged cells keep the columns; stacked unit names join with 、', () => {
  const tc = (paras: string[], tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${paras.map((t) => p(r(t))).join('')}</w:tc>`;
  const tr = (cells: string) => `<w:tr>${cells}</w:tr>`;
  const body = `<w:tbl>${tr(tc(['关于印发工作要点的通知']))}</w:tbl>`
    + `<w:tbl>${tr(tc(['序号']) + tc(['工作任务']) + tc(['牵头单位']) + tc(['责任单位']))}`
    + tr(tc(['1']) + tc(['梳理文件。', '按季度更新。']) + tc(['办公室']) + tc(['县委办', '县政府办']))
    + tr(tc(['2']) + tc(['公开清单'], '<w:gridSpan w:val="2"/>') + tc(['各处室']))
    + `</w:tbl>`;
  const { text, word } = extractDocx(docx(body));
  assert.equal(text, '关于印发工作要点的通知\n序号\t工作任务\t牵头单位\t责任单位\n1\t梳理文件。 按季度更新。\t办公室\t县委办、县政府办\n2\t公开清单\t\t各处室\n');
  assert.deepEqual(word.lines[0], { paragraph: 1 });
  assert.deepEqual(word.lines[3], { table: 1, row: 3, cellStarts: [0, 2, 7, 8] });
  assert.equal(joinCellParagraphs(['按职责分工负责。', '县委办']), '按职责分工负责。 县委办');
});

test('numbering from a paragraph style, and a list number that cannot be spelled is noted once', () => {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="japaneseCounting"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
  const num = (id: string) => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr>`;
  const body = p(r('总体要求'), '<w:pStyle w:val="H1"/>') + p(r('重点任务'), '<w:pStyle w:val="H1b"/>')
    + p(r('甲'), num('2')) + p(r('乙'), num('2')) + p(r('丙'), num('9'));
  const { text, word } = extractDocx(docx(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }));
  assert.equal(text, '一、总体要求\n二、重点任务\n甲\n乙\n丙\n');
  assert.equal(word.recoveredNumbers, 2);
  assert.deepEqual(word.notes, [{ kind: 'numbering-unrecoverable', place: { paragraph: 3 }, count: 3, detail: 'japaneseCounting' }]);
});

test('a real Word 97–2003 .doc (word-extractor) reads as the .docx does', async () => {
  const r = await readWordFile(fileURLToPath(new URL('word/121-excerpt.doc', import.meta.url)));
  assert.equal(r.ok, true, r.ok ? '' : r.error.message.en);
  if (!r.ok) return;
  const rows = corpus('121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt').split('\n').slice(11, 20);
  assert.equal(r.text, ['2017年政务公开工作主要任务分解表', ...rows].join('\n') + '\n');
  assert.equal(r.word.format, 'doc');
  assert.deepEqual(r.word.lines.slice(0, 3), [{ paragraph: 1 }, { table: 1, row: 1, cellStarts: [0, 8, 13, 21] }, { table: 1, row: 2, cellStarts: [0] }]);
});

test('bad Word files: a clear error naming the file and what to do, never a throw', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-docx-'));
  const write = (name: string, data: Uint8Array | string) => { const f = join(dir, name); writeFileSync(f, data); return f; };
  const cases: [string, Uint8Array | string, RegExp, RegExp][] = [
    ['text.docx', '一、不是Word\n', /text\.docx 不是有效的 Word 文档，可能已损坏.*另存为 \.docx/, /text\.docx is not a valid Word document/],
    ['cut.docx', (await planToDocx('一、任务\n')).subarray(0, 300), /cut\.docx 不是有效的 Word 文档/, /damaged/],
    ['sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), /sheet\.docx 不是 Word 文档/, /not a Word document/],
    ['badxml.docx', docx('<w:p><w:r><w:t>未闭合</w:r></w:p>'), /badxml\.docx 不是有效的 Word 文档.*XML/, /XML/],
    ['locked.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]),
      /locked\.docx 设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码/, /password-protected/],
    ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]), /无法读取旧版 Word 文档 .*old\.doc.*另存为 \.docx/, /old-format Word document/],
  ];
  for (const [name, data, zh, en] of cases) {
    const r = await readWordFile(write(name, data));
    assert.equal(r.ok, false, name);
    if (r.ok) continue;
    assert.match(r.error.message.zh, zh, name);
    assert.match(r.error.message.en, en, name);
  }
  // a document.xml larger than the limit is refused before it is inflated
  const big = await readWordFile(write('big.docx', docx(p(r('很长的文字'.repeat(2000))))), { maxBytes: 20_000 });
  assert.equal(big.ok, false);
  if (!big.ok) assert.match(big.error.message.zh, /big\.docx 过大/);
  const missing = await readWordFile(join(dir, 'missing.docx'));
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.error.message.zh, /找不到文件或文件夹 .*missing\.docx/);
});

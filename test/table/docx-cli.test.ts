// `fengong check` and `fengong table` on real .docx files, as real processes: a Word file made from a
// corpus plan gives exactly the plain-text plan's problems, at the Word paragraph (or table cell) the
// line came from, and the same task rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { fengong, tempDir, CORPUS } from '../cli/helpers.js';
import { planToDocx, shownLine, tableBlocks } from './docx-fixtures.js';

type Msg = { ruleId: string | null; severity: number; message: string; messageId?: string; line: number; column: number; word?: { paragraph?: number; table?: number; row?: number; cell?: number; quote?: string; label: string } };
type Res = { filePath: string; messages: Msg[]; errorCount: number; warningCount: number };

const PLANS = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const text = (f: string) => readFileSync(join(CORPUS, f), 'utf8').replace(/\r\n?/g, '\n');
const key = (m: Msg) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId} ${m.message}`;
/** The start of a line as a Word position quotes it: 12 characters, then `…`. */
const quote = (line: string) => { const t = [...line.trim().replace(/\s+/gu, ' ')]; return t.length > 12 ? t.slice(0, 12).join('') + '…' : t.join(''); };

const inTable = (lines: string[], line: number) => tableBlocks(lines).some(([a, b]) => line - 1 >= a && line - 1 <= b);
/** The paragraph a plain-text line (1-based) becomes in the .docx: the non-empty lines up to it outside tables. */
const paragraphOf = (lines: string[], line: number) => lines.slice(0, line).filter((l, i) => l.trim() && !inTable(lines, i + 1)).length;

async function workdir(opts = {}) {
  const dir = tempDir('fengong-docx-cli-');
  for (const f of PLANS) {
    writeFileSync(join(dir, f), text(f));
    writeFileSync(join(dir, f.replace(/\.txt$/, '.docx')), await planToDocx(text(f), opts));
  }
  return dir;
}

test('check on the 33 corpus plans as .docx: exactly the problems of the text, at the right paragraphs', async () => {
  const dir = await workdir();
  const run = (glob: string) => {
    const r = fengong(['check', '--format', 'json', glob], { cwd: dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return new Map((JSON.parse(r.stdout) as Res[]).map((x) => [x.filePath.replace(/\.\w+$/, ''), x]));
  };
  const txt = run('*.txt');
  const docx = run('*.docx');
  let compared = 0;
  for (const f of PLANS) {
    const base = join(dir, f.replace(/\.txt$/, ''));
    const a = txt.get(base)!;
    const b = docx.get(base)!;
    const lines = text(f).split('\n');
    // a message that names a line of the text names the Word place of that line instead
    const placed = (m: Msg) => ({ ...m, message: m.message.replace(/第 (\d+) 行/, (_, n) => `第${paragraphOf(lines, Number(n))}段“${quote(lines[Number(n) - 1]!)}”`) });
    assert.deepEqual(b.messages.map(key), a.messages.map(placed).map(key), f);
    assert.deepEqual([b.errorCount, b.warningCount], [a.errorCount, a.warningCount], f);
    for (const m of b.messages) {
      if (inTable(lines, m.line)) assert.ok(m.word?.table && m.word.row && m.word.cell, `${f}:${m.line} is in a table`);
      else if (lines[m.line - 1]!.trim()) {
        const n = paragraphOf(lines, m.line);
        assert.deepEqual(m.word, { paragraph: n, quote: quote(lines[m.line - 1]!), label: `第${n}段“${quote(lines[m.line - 1]!)}”` }, `${f}:${m.line}`);
      }
      compared++;
    }
  }
  // every real problem of the corpus (no false alarms left to compare)
  assert.ok(compared >= 100, `${compared} problems compared`);
  // the one such message of the corpus, exactly
  const dup = docx.get(join(dir, '002_ee5f435a77f4a9d5'))!.messages.find((m) => m.ruleId === 'numbering-sequence' && /重复/.test(m.message))!;
  assert.equal(dup.message, '序号重复：“三、”与第9段“三、重点工作任务”重复，此处应为“四、”');
});

test('check on a .docx whose numbers are Word list numbers: the problems of the text Word shows', async () => {
  const dir = tempDir('fengong-docx-num-');
  const f = '004_acf7e94b039c0b3c.txt';
  const opts = { numbering: {} };
  writeFileSync(join(dir, 'plan.docx'), await planToDocx(text(f), opts));
  writeFileSync(join(dir, 'plan.txt'), text(f).replace(/\n$/, '').split('\n').map((l) => shownLine(l, opts)).join('\n') + '\n');
  const json = (file: string) => (JSON.parse(fengong(['check', '--format', 'json', file], { cwd: dir }).stdout) as Res[])[0]!;
  const a = json('plan.txt');
  const b = json('plan.docx');
  assert.ok(a.messages.length > 0);
  assert.deepEqual(b.messages.map(key), a.messages.map(key));
});

test('stylish, github and sarif name the Word paragraph', async () => {
  const dir = tempDir('fengong-docx-fmt-');
  writeFileSync(join(dir, '计划.docx'), await planToDocx(text('000_6fbd649499c5ed32.txt')));
  const stylish = fengong(['check', '计划.docx'], { cwd: dir });
  assert.equal(stylish.code, 1);
  const lines = stylish.stdout.split('\n');
  assert.equal(lines[1], '计划.docx');
  assert.match(lines[2]!, /^ {2}第6段“辽民函〔2020111” +错误 +“〔”在本段内没有对应的“〕” +punctuation-pair$/);
  assert.ok(lines.some((l) => /^ {2}第28段“11加强网站留言咨询88…” +警告 +序号“11”后缺少“\.” +numbering-format$/.test(l)));
  const github = fengong(['check', '--format', 'github', '计划.docx'], { cwd: dir }).stdout.split('\n');
  assert.equal(github[0], '::error file=计划.docx,title=fengong punctuation-pair::计划.docx:第6段“辽民函〔2020111”：“〔”在本段内没有对应的“〕”');
  const sarif = JSON.parse(fengong(['check', '--format', 'sarif', '计划.docx'], { cwd: dir }).stdout);
  const first = sarif.runs[0].results[0];
  assert.deepEqual(first.properties, { word: { paragraph: 6, quote: '辽民函〔2020111', label: '第6段“辽民函〔2020111”' } });
  assert.equal(first.locations[0].physicalLocation.region.startLine, 8); // the line in the extracted text
  const en = fengong(['check', '--locale', 'en', '计划.docx'], { cwd: dir }).stdout.split('\n');
  assert.match(en[2]!, /^ {2}paragraph 6 “辽民函〔2020111” +error +/);
});

test('--fix on a .docx refuses, exit 2, and changes nothing (not even the text plans beside it)', async () => {
  const dir = tempDir('fengong-docx-fix-');
  const docx = join(dir, '计划.docx');
  const txt = join(dir, 'plan.txt');
  writeFileSync(docx, await planToDocx(text('000_6fbd649499c5ed32.txt')));
  writeFileSync(txt, text('000_6fbd649499c5ed32.txt'));
  const before = [readFileSync(docx), readFileSync(txt), statSync(docx).mtimeMs, statSync(txt).mtimeMs];
  const r = fengong(['check', '--fix', '计划.docx', 'plan.txt'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'fengong：--fix 不能修改 Word 文档（计划.docx），未做任何修改。请在 Word 或 WPS 中修改，或把计划另存为纯文本（UTF-8）后再用 --fix。\n');
  assert.deepEqual([readFileSync(docx), readFileSync(txt), statSync(docx).mtimeMs, statSync(txt).mtimeMs], before);
});

test('a Word list number that cannot be spelled: one note, and no false gaps', () => {
  const dir = tempDir('fengong-docx-unk-');
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (t: string, num?: string) => `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${t}</w:t></w:r></w:p>`;
  // typed 1. and 2., then items numbered by a list format this cannot spell, then a typed 5.
  const body = ['2021年工作要点', '一、重点任务'].map((t) => para(t)).join('')
    + para('1.梳理文件。（办公室负责）') + para('2.更新清单。（办公室负责）')
    + para('公开目录。（办公室负责）', '1') + para('公开标准。（办公室负责）', '1')
    + para('5.评估效果。（办公室负责）');
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="japaneseCounting"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  writeFileSync(join(dir, 'plan.docx'), zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0"?>${numbering}`),
  }));
  // as text, the same plan has the gap 2. → 5.
  writeFileSync(join(dir, 'plan.txt'), '2021年工作要点\n一、重点任务\n1.梳理文件。（办公室负责）\n2.更新清单。（办公室负责）\n5.评估效果。（办公室负责）\n');
  assert.ok((JSON.parse(fengong(['check', '--format', 'json', 'plan.txt'], { cwd: dir }).stdout) as Res[])[0]!.messages.some((m) => m.ruleId === 'numbering-sequence'));
  const r = fengong(['check', '--format', 'json', 'plan.docx'], { cwd: dir });
  const [res] = JSON.parse(r.stdout) as Res[];
  assert.deepEqual(res!.messages.map((m) => [m.ruleId, m.messageId, m.word?.label]), [[null, 'docx-numbering-unrecoverable', '第5段“公开目录。（办公室负责）”']]);
  assert.equal(res!.messages[0]!.message, '第5段“公开目录。（办公室负责）”起有 2 处 Word 自动编号无法还原（japaneseCounting）：这些段落按无序号检查，序号连续性未检查。请在 Word 中把自动编号转换为文本，或改用常见的编号格式。');
  assert.deepEqual([res!.messages[0]!.line, res!.messages[0]!.severity, r.code], [5, 1, 0]);
});

test('table on a .docx: the same rows as on the text, positions as Word paragraphs and cells', async () => {
  const dir = await workdir();
  for (const f of ['000_6fbd649499c5ed32.txt', '004_acf7e94b039c0b3c.txt', '121_fujian-2017-zhengwugongkai-renwu-fenjiebiao.txt']) {
    const json = (file: string) => JSON.parse(fengong(['table', '--format', 'json', file], { cwd: dir }).stdout);
    const a = json(f);
    const b = json(f.replace(/\.txt$/, '.docx'));
    assert.ok(a.tasks.length > 0, f);
    assert.deepEqual(b.tasks.map(({ word: _, ...t }: { word?: unknown }) => t), a.tasks, f);
    const lines = text(f).split('\n');
    for (const t of b.tasks) {
      const where = inTable(lines, t.line) ? { table: t.word.table, row: t.word.row, cell: 1 } : { paragraph: paragraphOf(lines, t.line) };
      assert.deepEqual(t.word, { ...where, quote: quote(lines[t.line - 1]!.split('\t')[0]!) }, `${f}:${t.line}`);
    }
    // md: the same table but the last column, which names the paragraph
    const md = (file: string) => fengong(['table', file], { cwd: dir }).stdout.split('\n').map((l) => l.replace(/ [^|]* \|$/, ''));
    assert.deepEqual(md(f.replace(/\.txt$/, '.docx')), md(f), f);
  }
  const md = fengong(['table', '000_6fbd649499c5ed32.docx'], { cwd: dir }).stdout.split('\n');
  assert.equal(md[0], '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 完成时限 | 位置 |');
  assert.ok(md[2]!.endsWith('| 第15段“1. 系统梳理我厅制发的…” |'), md[2]);
});

// The TextMate grammar (syntaxes/workplan.tmLanguage.json) tokenised by the same engine VS Code uses
// (vscode-textmate + the Oniguruma wasm), on lines of the real corpus: exact tokens and scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, 'test', 'corpus');

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== 'text.workplan') return null;
      const path = join(root, 'syntaxes', 'workplan.tmLanguage.json');
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const grammar = await registry.loadGrammar('text.workplan');
  assert.ok(grammar, 'grammar loads');
  return grammar;
}
const grammarP = loadGrammar();

/** Tokenises `lines` in order (rule state carried across lines, as in the editor). */
async function tokenize(lines: string[]): Promise<[string, string][][]> {
  const grammar = await grammarP;
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    // drop the root scope; join the rest so each token reads as one string
    return r.tokens.map((tk) => [line.slice(tk.startIndex, tk.endIndex), tk.scopes.slice(1).join(' ')] as [string, string]);
  });
}
/** The tokens of 1-based line `n` of a corpus file, tokenised from the file's start. */
async function corpusLine(file: string, n: number): Promise<[string, string][]> {
  const lines = readFileSync(join(corpus, file), 'utf8').split(/\r?\n/);
  const toks = await tokenize(lines.slice(0, n));
  return toks[n - 1]!;
}
/** Only the tokens that carry a scope (plain text dropped), for compact expectations. */
const scoped = (toks: [string, string][]) => toks.filter(([, s]) => s !== '');

const F000 = '000_6fbd649499c5ed32.txt';
const F001 = '001_d043e8fffc68ce4c.txt';

test('grammar: 文号 in the preamble (000 line 3)', async () => {
  assert.deepEqual(await corpusLine(F000, 3), [
    ['辽民办函', 'constant.character.docnumber.workplan'],
    ['〔', 'constant.character.docnumber.workplan punctuation.definition.year.begin.workplan'],
    ['2020', 'constant.character.docnumber.workplan'],
    ['〕', 'constant.character.docnumber.workplan punctuation.definition.year.end.workplan'],
    ['111号', 'constant.character.docnumber.workplan'],
  ]);
});

test('grammar: a broken 文号 is not coloured (000 line 8)', async () => {
  assert.deepEqual(scoped(await corpusLine(F000, 8)), []);
});

test('grammar: 《》 title in running text (000 line 12)', async () => {
  assert.deepEqual(scoped(await corpusLine(F000, 12)), [
    ['《', 'string.quoted.other.title.workplan punctuation.definition.string.begin.workplan'],
    ['省民政厅2020年政务公开工作要点及任务分工', 'string.quoted.other.title.workplan'],
    ['》', 'string.quoted.other.title.workplan punctuation.definition.string.end.workplan'],
  ]);
});

test('grammar: rank-1 heading (000 line 24)', async () => {
  assert.deepEqual(await corpusLine(F000, 24), [
    ['  ', 'markup.heading.1.workplan'],
    ['一', 'markup.heading.1.workplan keyword.control.numbering.rank1.workplan'],
    ['、', 'markup.heading.1.workplan punctuation.separator.numbering.workplan'],
    ['推进政策制度履职依据公开', 'markup.heading.1.workplan'],
  ]);
});

test('grammar: rank-3 task, heading to the first 。, unbracketed unit clause after it (000 line 26)', async () => {
  const line = await corpusLine(F000, 26);
  assert.deepEqual(line, [
    ['  ', 'markup.heading.3.workplan'],
    ['1', 'markup.heading.3.workplan entity.name.function.numbering.rank3.workplan'],
    ['.', 'markup.heading.3.workplan punctuation.separator.numbering.workplan'],
    ['\u00a0系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新', 'markup.heading.3.workplan'],
    ['。', 'markup.heading.3.workplan punctuation.terminator.heading.workplan'],
    ['办公室', 'meta.clause.unit.unbracketed.workplan'],
    ['牵头', 'meta.clause.unit.unbracketed.workplan keyword.other.role.lead.workplan'],
    [',', 'meta.clause.unit.unbracketed.workplan punctuation.separator.unit.workplan'],
    ['各有关处室', 'meta.clause.unit.unbracketed.workplan'],
    ['、', 'meta.clause.unit.unbracketed.workplan punctuation.separator.unit.workplan'],
    ['民服中心', 'meta.clause.unit.unbracketed.workplan'],
    [',', 'meta.clause.unit.unbracketed.workplan punctuation.separator.unit.workplan'],
    ['省信息中心运维九部', 'meta.clause.unit.unbracketed.workplan'],
    ['配合', 'meta.clause.unit.unbracketed.workplan keyword.other.role.cooperating.workplan'],
    ['\u00a0', ''],
  ]);
});

test('grammar: bracketed clause with 分别牵头 (000 line 28)', async () => {
  const line = await corpusLine(F000, 28);
  const clause = line.filter(([, s]) => s.startsWith('meta.clause.unit.workplan'));
  assert.deepEqual(clause, [
    ['(', 'meta.clause.unit.workplan punctuation.definition.clause.begin.workplan'],
    ['审批处', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['、', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['人事处', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['分别牵头', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.lead.workplan'],
    [',', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['各有关处室', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['、', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['民服中心', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    [',', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['省信息中心运维九部', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['配合', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.cooperating.workplan'],
    [')', 'meta.clause.unit.workplan punctuation.definition.clause.end.workplan'],
  ]);
});

test('grammar: deadline and 分别负责 (000 line 32)', async () => {
  assert.deepEqual(scoped(await corpusLine(F000, 32)), [
    ['  ', 'markup.heading.3.workplan'],
    ['4', 'markup.heading.3.workplan entity.name.function.numbering.rank3.workplan'],
    ['.', 'markup.heading.3.workplan punctuation.separator.numbering.workplan'],
    ['\u00a0积极推进政务公开重点工作标准化规范化试点工作', 'markup.heading.3.workplan'],
    ['。', 'markup.heading.3.workplan punctuation.terminator.heading.workplan'],
    ['8月底前', 'constant.numeric.deadline.workplan'],
    ['(', 'meta.clause.unit.workplan punctuation.definition.clause.begin.workplan'],
    ['救助处', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['、', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['养老处', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['分别负责', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.responsible.workplan'],
    [')', 'meta.clause.unit.workplan punctuation.definition.clause.end.workplan'],
  ]);
});

test('grammar: 3个工作日内 and 按职责分工负责 (000 line 38)', async () => {
  const s = scoped(await corpusLine(F000, 38));
  assert.deepEqual(s.filter(([, sc]) => /deadline|role/.test(sc)), [
    ['3个工作日内', 'constant.numeric.deadline.workplan'],
    ['按职责分工负责', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.responsible.workplan'],
  ]);
});

test('grammar: a clause never closed ends with its line; the next line starts clean (000 lines 54, 56)', async () => {
  const lines = readFileSync(join(corpus, F000), 'utf8').split(/\r?\n/);
  const toks = await tokenize(lines.slice(0, 56));
  const l54 = toks[53]!;
  assert.deepEqual(l54, [
    ['  12加强对外电话接听工作,强化工作责任,落实责任。', ''], // no delimiter after 12: not a heading (the engine reports it)
    ['(', 'meta.clause.unit.workplan punctuation.definition.clause.begin.workplan'],
    ['处室', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['、', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['民服中心', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['按职责分工负责', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.responsible.workplan'],
    ['\u00a0', 'meta.clause.unit.workplan variable.other.unit.workplan'],
  ]);
  assert.deepEqual(toks[54], [['', '']]);
  assert.deepEqual(toks[55]!.slice(1, 3), [
    ['五', 'markup.heading.1.workplan keyword.control.numbering.rank1.workplan'],
    ['、', 'markup.heading.1.workplan punctuation.separator.numbering.workplan'],
  ]);
});

test('grammar: rank-1 and rank-2 headings, traditional script roles, 〔〕 clause around (局) (001 lines 4-6)', async () => {
  const lines = readFileSync(join(corpus, F001), 'utf8').split(/\r?\n/);
  const toks = await tokenize(lines.slice(0, 6));
  assert.deepEqual(toks[3], [
    ['一', 'markup.heading.1.workplan keyword.control.numbering.rank1.workplan'],
    ['、', 'markup.heading.1.workplan punctuation.separator.numbering.workplan'],
    ['提高政務公開質量', 'markup.heading.1.workplan'],
  ]);
  const l5 = toks[4]!;
  assert.deepEqual(l5.slice(0, 4), [
    ['(', 'markup.heading.2.workplan punctuation.definition.numbering.begin.workplan'],
    ['一', 'markup.heading.2.workplan entity.name.type.numbering.rank2.workplan'],
    [')', 'markup.heading.2.workplan punctuation.definition.numbering.end.workplan'],
    ['深化行政法規和規章集中公開', 'markup.heading.2.workplan'],
  ]);
  assert.deepEqual(scoped(l5).filter(([, s]) => s.startsWith('meta.clause')), [
    ['(', 'meta.clause.unit.workplan punctuation.definition.clause.begin.workplan'],
    ['政策法規司', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['牽頭', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.lead.workplan'],
    [',', 'meta.clause.unit.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['信息中心', 'meta.clause.unit.workplan variable.other.unit.workplan'],
    ['配合', 'meta.clause.unit.workplan variable.other.unit.workplan keyword.other.role.cooperating.workplan'],
    [')', 'meta.clause.unit.workplan punctuation.definition.clause.end.workplan'],
  ]);
  const l6 = toks[5]!;
  const roles = l6.filter(([, s]) => s.includes('keyword.other.role')).map(([t, s]) => [t, s.split(' ').pop()]);
  assert.deepEqual(roles, [
    ['牽頭', 'keyword.other.role.lead.workplan'],
    ['配合', 'keyword.other.role.cooperating.workplan'],
    ['牽頭', 'keyword.other.role.lead.workplan'],
    ['配合', 'keyword.other.role.cooperating.workplan'],
  ]);
  const open = l6.findIndex(([t]) => t === '〔');
  assert.equal(l6[open]![1], 'meta.clause.unit.workplan punctuation.definition.clause.begin.workplan');
  assert.deepEqual(l6[l6.length - 1], ['〕', 'meta.clause.unit.workplan punctuation.definition.clause.end.workplan']);
  // after the heading's 。, so not part of the heading
  assert.deepEqual(l6.filter(([t]) => t === '2022年底前'), [['2022年底前', 'constant.numeric.deadline.workplan']]);
  assert.deepEqual(l6.filter(([, s]) => s === 'meta.clause.unit.workplan variable.other.unit.workplan').map(([t]) => t),
    ['規範性檔案公開由制發司', '(局)', '各有關司', '(局)', '信息中心', '檔案資料館', '執法事項清單由政策法規司', '相關司', '(局)']);
});

test('grammar: synthetic lines — ranks 4 and 5, 9月25日前, 上半年, 持续推进, 〔2020〕111号 alone, （一）、, a 责任单位 paragraph, 牵头 in prose', async () => {
  const toks = await tokenize([
    '（1）建立台账。9月25日前完成。',
    '①上半年持续推进。',
    '依据〔2020〕111号文件。',
    '（一）、错误的分隔符',
    '3.1 不是序号',
    '\u3000\u3000责任单位：省政府各部门、各直属机构。',
    '牵头起草部门要加强协调。',
  ]);
  assert.deepEqual(toks[0], [
    ['（', 'markup.heading.4.workplan punctuation.definition.numbering.begin.workplan'],
    ['1', 'markup.heading.4.workplan variable.other.constant.numbering.rank4.workplan'],
    ['）', 'markup.heading.4.workplan punctuation.definition.numbering.end.workplan'],
    ['建立台账', 'markup.heading.4.workplan'],
    ['。', 'markup.heading.4.workplan punctuation.terminator.heading.workplan'],
    ['9月25日前', 'constant.numeric.deadline.workplan'],
    ['完成。', ''],
  ]);
  assert.deepEqual(toks[1], [
    ['①', 'markup.heading.5.workplan constant.numeric.numbering.rank5.workplan'],
    ['上半年', 'markup.heading.5.workplan constant.numeric.deadline.workplan'],
    ['持续推进', 'markup.heading.5.workplan constant.numeric.deadline.workplan'],
    ['。', 'markup.heading.5.workplan punctuation.terminator.heading.workplan'],
  ]);
  // the issuer code is only taken when it ends like one (发, 函, 办, …): 依据 is not part of the number
  assert.deepEqual(toks[2], [
    ['依据', ''],
    ['〔', 'constant.character.docnumber.workplan punctuation.definition.year.begin.workplan'],
    ['2020', 'constant.character.docnumber.workplan'],
    ['〕', 'constant.character.docnumber.workplan punctuation.definition.year.end.workplan'],
    ['111号', 'constant.character.docnumber.workplan'],
    ['文件。', ''],
  ]);
  assert.deepEqual(toks[3]!.slice(0, 4), [
    ['（', 'markup.heading.2.workplan punctuation.definition.numbering.begin.workplan'],
    ['一', 'markup.heading.2.workplan entity.name.type.numbering.rank2.workplan'],
    ['）', 'markup.heading.2.workplan punctuation.definition.numbering.end.workplan'],
    ['、', 'markup.heading.2.workplan invalid.illegal.numbering.delimiter.workplan'],
  ]);
  assert.deepEqual(toks[4], [['3.1 不是序号', '']]);
  assert.deepEqual(toks[5], [
    ['\u3000\u3000', 'meta.clause.unit.paragraph.workplan'],
    ['责任单位', 'meta.clause.unit.paragraph.workplan variable.other.unit.workplan keyword.other.role.responsible.workplan'],
    ['：', 'meta.clause.unit.paragraph.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['省政府各部门', 'meta.clause.unit.paragraph.workplan variable.other.unit.workplan'],
    ['、', 'meta.clause.unit.paragraph.workplan variable.other.unit.workplan punctuation.separator.unit.workplan'],
    ['各直属机构。', 'meta.clause.unit.paragraph.workplan variable.other.unit.workplan'],
  ]);
  // 牵头 in running prose is no clause
  assert.deepEqual(toks[6], [['牵头起草部门要加强协调。', '']]);
});

test('grammar: a web copy’s small forms `1﹒` and `一﹑` are markers', async () => {
  const [one, first] = await tokenize(['一﹑稳定经济增长', '1﹒全省生产总值增长6%左右。']);
  assert.deepEqual(one!.slice(0, 2), [
    ['一', 'markup.heading.1.workplan keyword.control.numbering.rank1.workplan'],
    ['﹑', 'markup.heading.1.workplan punctuation.separator.numbering.workplan'],
  ]);
  assert.deepEqual(first!.slice(0, 2), [
    ['1', 'markup.heading.3.workplan entity.name.function.numbering.rank3.workplan'],
    ['﹒', 'markup.heading.3.workplan punctuation.separator.numbering.workplan'],
  ]);
});

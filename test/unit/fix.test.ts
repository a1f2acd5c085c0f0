// applyFixes / fixText: safe fixes are minimal exact edits, never suggestions; overlapping fixes
// wait for the next pass; renumbering shifts later siblings; fixing twice changes nothing more.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, fixText, lint } from '../../server/src/engine/index.js';
import { corpusText, doc, fixtureText, lineOf, TITLE } from '../fixtures/helpers.js';

const task = (m: string, s = '做好工作') => `${m}${s}。（办公室负责）`;

describe('applyFixes', () => {
  test('edits are minimal: a delimiter is one character, a renumbering touches only numbers', () => {
    const text = doc(TITLE, '一.甲', task('1.'), task('2.'), task('4、'), task('5.'));
    const { diagnostics } = lint(text);
    const edits = diagnostics.filter((d) => d.fix).flatMap((d) => d.fix!.edits.map((e) => [d.ruleId, text.slice(e.span.start, e.span.end), e.text]));
    assert.deepEqual(edits, [
      ['numbering-format', '.', '、'],
      ['numbering-format', '、', '.'],
      ['numbering-sequence', '4', '3'], ['numbering-sequence', '5', '4'],
    ]);
    const r = applyFixes(text, diagnostics);
    assert.equal(r.applied, 3, 'the renumbering and both delimiters: they do not overlap');
    assert.equal(r.text, doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), task('4.')));
  });

  test('renumbering shifts the later siblings, and only those of the same run', () => {
    const text = doc(TITLE, '一、甲', task('（一）'), task('（三）'), task('（四）'), '二、乙', task('（一）'), task('（二）'));
    const r = applyFixes(text, lint(text).diagnostics);
    assert.equal(r.text, doc(TITLE, '一、甲', task('（一）'), task('（二）'), task('（三）'), '二、乙', task('（一）'), task('（二）')));
  });

  test('suggestions are never applied: a glued clause, a wrong-width pair, an unopened clause', () => {
    const text = doc(TITLE, '一、甲', task('1.'), '2.及时公开办事条件等信息办公室牵头，各有关处室配合', '3.做好丙（办公室负责)', '4.做好丁。责任单位：各乡镇、县政府各部门）');
    const { diagnostics } = lint(text);
    assert.ok(diagnostics.filter((d) => d.suggestions?.length).length >= 3);
    assert.deepEqual(applyFixes(text, diagnostics), { text, applied: 0 });
  });

  test('the same edit proposed twice is applied once', () => {
    // the pair (见附件A) is reported at ( and at ), both with the same two-edit fix
    const text = doc(TITLE, '一、甲', '1.做好甲(见附件A)。（办公室负责）');
    const { diagnostics } = lint(text, { rules: { 'punctuation-width': 'warning' } });
    assert.equal(diagnostics.filter((d) => d.fix).length, 2);
    const r = applyFixes(text, diagnostics);
    assert.equal(r.applied, 1);
    assert.equal(lineOf(r.text, 3), '1.做好甲（见附件A）。（办公室负责）');
  });

  test('overlapping fixes wait: an insertion at the same point is applied once per pass', () => {
    const text = doc(TITLE, '一、甲', '1.做好甲。办公室牵头，各处室配合');
    const d = lint(text).diagnostics.find((x) => x.ruleId === 'unit-clause')!;
    const twice = [d, { ...d, fix: { title: 'x', edits: [{ span: { start: d.span.start, end: d.span.start }, text: '【' }] } }];
    const r = applyFixes(text, twice);
    assert.equal(r.applied, 1);
    assert.equal(lineOf(r.text, 3), '1.做好甲。（办公室牵头，各处室配合）');
  });
});

describe('fixText', () => {
  test('000 of the corpus: delimiters, closers and brackets added, nothing else touched', () => {
    const text = corpusText('000_');
    const r = fixText(text);
    assert.equal(r.text.split('\n').length, text.split('\n').length);
    const changed = text.split('\n').map((l, i) => (l === r.text.split('\n')[i] ? 0 : i + 1)).filter(Boolean);
    assert.deepEqual(changed, [26, 48, 52, 54, 58, 60, 62, 66, 74, 76, 78]);
    assert.equal(lineOf(r.text, 52).slice(0, 7), '  11.加强');
    // the closer goes before the trailing NBSP the web copy left
    assert.ok(lineOf(r.text, 54).endsWith('(处室、民服中心按职责分工负责)\u00a0'), lineOf(r.text, 54));
    assert.ok(lineOf(r.text, 48).endsWith('（办公室牵头,处室、民服中心配合）\u00a0'), lineOf(r.text, 48));
    // every change is an insertion: deleting the inserted characters gives the original back
    for (const n of changed) {
      const before = lineOf(text, n);
      const after = lineOf(r.text, n);
      assert.ok(after.length > before.length);
      let i = 0;
      for (const ch of after) if (i < before.length && ch === before[i]) i++;
      assert.equal(i, before.length, `line ${n}: only insertions`);
    }
  });

  test('idempotent: fixing the fixed text changes nothing, and no safe fix is left', () => {
    for (const text of [corpusText('000_'), corpusText('002_'), corpusText('003_'), corpusText('004_'), fixtureText('table-tsv.txt')]) {
      const once = fixText(text);
      const twice = fixText(once.text);
      assert.equal(twice.text, once.text);
      assert.equal(twice.applied, 0);
      assert.deepEqual(lint(once.text).diagnostics.filter((d) => d.fix), []);
    }
  });

  test('idempotent with punctuation-width on, on a copy converted to half-width wholesale', () => {
    const cfg = { rules: { 'punctuation-width': 'warning' as const } };
    const once = fixText(corpusText('000_'), cfg);
    assert.ok(once.passes >= 2, 'a closer added, then widened: more than one pass');
    const twice = fixText(once.text, cfg);
    assert.equal(twice.text, once.text);
    assert.deepEqual(lint(once.text, cfg).diagnostics.filter((d) => d.fix), []);
    assert.deepEqual(lint(once.text, cfg).diagnostics.filter((d) => d.ruleId === 'punctuation-pair' && d.messageKey === 'punctuation-pair/wrong-width'), [],
      'widening never leaves a pair of mixed widths');
  });

  test('the duplicate 三、 of 002 becomes 四、', () => {
    const r = fixText(corpusText('002_'));
    assert.equal(lineOf(r.text, 56), '  四、工作要求');
  });

  test('CRLF line ends are kept', () => {
    const text = [TITLE, '一、甲', task('1.'), task('3、')].join('\r\n') + '\r\n';
    const r = fixText(text);
    assert.equal(r.text, [TITLE, '一、甲', task('1.'), task('2.')].join('\r\n') + '\r\n');
  });

  test('a clean text is returned unchanged after one pass', () => {
    const text = fixtureText('through-24.txt');
    assert.deepEqual(fixText(text), { text, applied: 0, passes: 0 });
  });
});

// What every rule promises, checked on everything the engine reports for the corpus and the
// fixtures: metadata, exact non-empty spans inside the text, filled message templates in both
// locales, fixes only from fixable rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, rules, ruleById, type Diagnostic } from '../../server/src/engine/index.js';
import { corpusText, fixtureText } from '../fixtures/helpers.js';

const TEXTS = [
  ...['000_', '001_', '002_', '003_', '004_'].map((f) => [f, corpusText(f)] as const),
  ...['table-tsv.txt', 'traditional.txt', 'through-24.txt'].map((f) => [f, fixtureText(f)] as const),
];
const ALL_ON = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'warning' as const])) };

test('ids are the fixed set CI configs name, each with zh/en descriptions and a docs anchor', () => {
  for (const id of ['numbering-sequence', 'numbering-format', 'numbering-inline', 'task-unit', 'unit-clause', 'punctuation-pair', 'punctuation-width']) {
    const r = ruleById(id);
    assert.ok(r, id);
    assert.ok(r.meta.description.zh && r.meta.description.en, id);
    assert.equal(r.meta.docs, id);
  }
  const defaults = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
  assert.equal(defaults['numbering-sequence'], 'error');
  assert.equal(defaults['numbering-format'], 'warning');
  assert.equal(defaults['task-unit'], 'error');
  assert.equal(defaults['unit-clause'], 'warning');
  assert.equal(defaults['punctuation-pair'], 'error');
  assert.equal(defaults['punctuation-width'], 'off');
});

for (const [name, text] of TEXTS) {
  test(`${name}: spans, messages and fixes are well-formed (every rule on, zh and en)`, () => {
    for (const locale of ['zh', 'en'] as const) {
      const ds: Diagnostic[] = lint(text, { ...ALL_ON, locale }).diagnostics;
      for (const d of ds) {
        const what = `${d.messageKey} at ${d.span.start}`;
        assert.ok(0 <= d.span.start && d.span.start < d.span.end && d.span.end <= text.length, what);
        assert.ok(!/\{\w+\}/.test(d.message), `unfilled placeholder: ${d.message}`);
        assert.ok(d.message.length > 0 && !d.message.startsWith(d.messageKey), what);
        if (locale === 'en') {
          // what the document says is quoted as written; the rest of the sentence is English
          const own = Object.values(d.data).reduce<string>((m, v) => m.split(String(v)).join(''), d.message);
          assert.ok(!/[\u4e00-\u9fff]{6}/.test(own), `Chinese outside the quoted data: ${d.message}`);
        }
        assert.ok(d.messageKey.startsWith(`${d.ruleId}/`), what);
        if (d.fix) assert.equal(ruleById(d.ruleId)!.meta.fixable, true, `${d.ruleId} fixes but is not fixable`);
        for (const f of [d.fix, ...(d.suggestions ?? [])]) {
          if (!f) continue;
          assert.ok(f.title.length > 0, what);
          for (const e of f.edits) assert.ok(0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length, what);
        }
      }
    }
  });
}

test('the diagnostics are sorted by position', () => {
  for (const [, text] of TEXTS) {
    const ds = lint(text, ALL_ON).diagnostics;
    for (let i = 1; i < ds.length; i++) assert.ok(ds[i - 1]!.span.start <= ds[i]!.span.start);
  }
});

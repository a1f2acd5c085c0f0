// What every rule promises, checked on everything the engine reports for the corpus and the
// fixtures: metadata, exact non-empty spans inside the text, filled message templates in both
// locales, fixes only from fixable rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, rules, ruleById, type Diagnostic } from '../../server/src/engine/index.js';
import { readdirSync } from 'node:fs';
import { MESSAGES } from '../../server/src/engine/i18n/messages.js';
import { corpusText, fixtureText } from '../fixtures/helpers.js';

const RULES_DIR = new URL('../../server/src/engine/rules/', import.meta.url);
const NOT_RULES = new Set(['index.ts', 'util.ts']);

const TEXTS = [
  ...['000_', '001_', '002_', '003_', '004_'].map((f) => [f, corpusText(f)] as const),
  ...['table-tsv.txt', 'traditional.txt', 'through-24.txt'].map((f) => [f, fixtureText(f)] as const),
];
const ALL_ON = { rules: Object.fromEntries(rules.map((r) => [r.meta.id, 'warning' as const])) };

test('the registry is the rule files: each file registered once, its id its file name, its docs anchor its id', () => {
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).map((f) => f.slice(0, -3));
  assert.deepEqual(rules.map((r) => r.meta.id).sort(), files.sort());
  for (const r of rules) {
    assert.equal(ruleById(r.meta.id), r);
    assert.ok(r.meta.description.zh && r.meta.description.en, r.meta.id);
    assert.equal(r.meta.docs, r.meta.id);
    assert.ok(['error', 'warning', 'info', 'off'].includes(r.meta.defaultSeverity), r.meta.id);
  }
});

test('each rule\'s messages: both languages, the same placeholders, all in the message table under <rule>/<messageId>', () => {
  const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const r of rules) {
    const ids = Object.keys(r.meta.messages);
    assert.ok(ids.length > 0, r.meta.id);
    for (const id of ids) {
      const m = r.meta.messages[id]!;
      assert.ok(m.zh && m.en, `${r.meta.id}/${id}`);
      assert.deepEqual(names(m.en), names(m.zh), `${r.meta.id}/${id}`);
      assert.equal(MESSAGES[`${r.meta.id}/${id}`], m);
    }
  }
});

test('a report of a messageId the rule does not define fails loudly', () => {
  const rule = rules[0]!;
  const check = rule.check;
  try {
    (rule as { check: typeof check }).check = (ctx) => ctx.report({ messageId: 'no-such-message', data: {}, span: { start: 0, end: 1 } });
    assert.throws(() => lint('一、甲\n', ALL_ON), new RegExp(`rule ${rule.meta.id} reported “no-such-message”`));
  } finally {
    (rule as { check: typeof check }).check = check;
  }
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

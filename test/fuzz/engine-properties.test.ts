// Property tests over the engine (issue 5, robustness): for any text — random plan-like Unicode
// and real corpus plans with random damage — lint never throws, every range lies inside the text,
// results are deterministic, fixes apply exactly as specified, fixing twice equals fixing once,
// and a fix changes nothing but the marks it names.
// Bounded for CI: FUZZ_RUNS scales every property (default 1); a failure prints fast-check's seed
// and path (re-run with FUZZ_SEED=<seed>).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { applyFixes, fixText, lint, LineIndex, type Diagnostic, type TextEdit } from '../../server/src/engine/index.js';
import { CHINESE_NUMERAL_CHARS, CIRCLED } from '../../server/src/engine/text/numerals.js';
import { PAIR_CLOSERS, PAIR_OPENERS } from '../../server/src/engine/lexer/tokens.js';

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const CORPUS = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(CORPUS_DIR + f, 'utf8'));
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
fc.configureGlobal({ seed, verbose: 1, endOnFailure: true });
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** total cases run, printed at the end for the closing note */
const ran: Record<string, number> = {};
const count = (name: string) => { ran[name] = (ran[name] ?? 0) + 1; };

// ---------------------------------------------------------------------------------------------
// Inputs

const MARKERS = ['一、', '二、', '十一、', '一.', '（一）', '（二）', '(三)', '（一）、', '1.', '2.', '3、', '11', '１．', '（1）', '(2)', '①', '②、', '3.1', '2024年'];
const UNIT_BITS = ['办公室牵头', '各有关处室配合', '责任单位：', '（市发展改革委负责）', '按职责分工负责', '，', '、', '。', '；', '：', '〔2019〕14号', '[2019]14号', '年底前'];
/** a piece of plan-like text: CJK, numerals, markers, pair marks, breaks, odd code units */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'加强组织领导落实责任工作要点推进政务公开各部门') },
  { weight: 3, arbitrary: fc.constantFrom(...PAIR_OPENERS, ...PAIR_CLOSERS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNIT_BITS) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\u2028') },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u200b') },
  { weight: 1, arbitrary: fc.constantFrom(...CHINESE_NUMERAL_CHARS, ...CIRCLED, ...'0123456789０１２３') },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', '\u0000', '\u0007', '\uffff', 'é', 'a') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
/** line-start markers matter most: start most lines with one */
const planLike = fc.array(
  fc.tuple(fc.option(fc.constantFrom('', '  ', '\u3000\u3000'), { nil: '' }), fc.option(fc.constantFrom(...MARKERS), { nil: '' }), fc.array(piece, { maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r', '')),
  { maxLength: 30 },
).map((lines) => lines.map(([ind, m, body, eol]) => ind + m + body.join('') + eol).join(''));

/** A random damage to a real plan: what copy-paste and hasty edits do. */
type Damage =
  | { kind: 'drop-char' | 'double-char'; of: 'pair' | 'marker'; nth: number }
  | { kind: 'drop-line' | 'double-line' | 'swap-lines'; nth: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'eol'; to: '\r\n' | '\r' };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop-char' as const, 'double-char' as const), of: fc.constantFrom('pair' as const, 'marker' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constantFrom('drop-line' as const, 'double-line' as const, 'swap-lines' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(piece, fc.constantFrom(...MARKERS.map((m) => '\n' + m))) }),
  fc.record({ kind: fc.constant('eol' as const), to: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

const PAIR_RE = new RegExp(`[${[...PAIR_OPENERS, ...PAIR_CLOSERS].map((c) => '\\' + c).join('')}]`, 'g');
const MARKER_RE = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、]|[①-⑳])/gm;

function applyDamage(text: string, d: Damage): string {
  switch (d.kind) {
    case 'drop-char':
    case 'double-char': {
      const hits = [...text.matchAll(d.of === 'pair' ? PAIR_RE : MARKER_RE)];
      if (!hits.length) return text;
      const h = hits[d.nth % hits.length]!;
      const at = h.index!;
      const len = h[0].length;
      return d.kind === 'drop-char' ? text.slice(0, at) + text.slice(at + len) : text.slice(0, at) + h[0] + text.slice(at);
    }
    case 'drop-line':
    case 'double-line':
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = d.nth % lines.length;
      if (d.kind === 'drop-line') lines.splice(i, 1);
      else if (d.kind === 'double-line') lines.splice(i, 0, lines[i]!);
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      return lines.join('\n');
    }
    case 'insert': {
      const at = d.at % (text.length + 1);
      return text.slice(0, at) + d.text + text.slice(at);
    }
    case 'eol':
      return text.replace(/\r?\n/g, d.to);
  }
}

/** a window of a corpus plan (keeps one case fast) with 1–6 damages */
const damagedPlan = fc.tuple(fc.nat({ max: CORPUS.length - 1 }), fc.nat(), fc.integer({ min: 20, max: 200 }), fc.array(damage, { minLength: 1, maxLength: 6 }))
  .map(([f, from, n, ds]) => {
    const lines = CORPUS[f]!.split('\n');
    const start = from % Math.max(1, lines.length - n);
    return ds.reduce(applyDamage, lines.slice(start, start + n).join('\n'));
  });

// ---------------------------------------------------------------------------------------------
// Oracles

/** applyFixes as specified (the original O(n²) implementation): greedy by first edit, no overlap
 *  with an earlier chosen fix, a duplicate proposal once, edits applied back to front. */
function referenceApply(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const chosen: TextEdit[][] = [];
  const taken: { start: number; end: number }[] = [];
  const fixes = diagnostics.filter((d) => d.fix && d.fix.edits.length).map((d) => d.fix!)
    .sort((a, b) => Math.min(...a.edits.map((e) => e.span.start)) - Math.min(...b.edits.map((e) => e.span.start)));
  const seen = new Set<string>();
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    if (seen.has(key)) continue;
    const overlaps = f.edits.some((e) => taken.some((t) => (e.span.start < t.end && t.start < e.span.end) || (e.span.start === e.span.end && e.span.start === t.start && t.start === t.end)));
    if (overlaps) continue;
    seen.add(key);
    chosen.push(f.edits);
    for (const e of f.edits) taken.push(e.span);
  }
  const edits = chosen.flat().sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, applied: chosen.length };
}

/** Every character a safe fix may add, remove or replace: marker numbers and delimiters, pair
 *  marks and the punctuation whose width is fixed. Anything else a fix touched would be lost text. */
const FIXABLE = new Set([...PAIR_OPENERS, ...PAIR_CLOSERS, ...CHINESE_NUMERAL_CHARS, '千', '万', '亿', ...CIRCLED, ...'0123456789０１２３４５６７８９',
  ...'、.．，,;；:：?？!！']);
const strip = (s: string) => [...s].filter((c) => !FIXABLE.has(c)).join('');

function inside(len: number, s: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len,
    `${what} ${JSON.stringify(s)} outside 0..${len}`);
}

/** All properties of one input. */
function checkText(text: string): void {
  const a = lint(text).diagnostics;
  const b = lint(text).diagnostics;
  assert.deepEqual(b, a, 'same input, same diagnostics');
  const len = text.length;
  const lines = new LineIndex(text);
  for (const d of a) {
    inside(len, d.span, `${d.ruleId} span`);
    assert.ok(d.message && !d.message.includes('{'), `${d.messageKey}: message filled in: ${d.message}`);
    for (const f of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) {
      assert.ok(f.edits.length > 0, `${d.ruleId}: a fix with edits`);
      for (const e of f.edits) inside(len, e.span, `${d.ruleId} edit`);
    }
    for (const r of d.related ?? []) inside(len, r.span, `${d.ruleId} related`);
    const p = lines.positionAt(d.span.start);
    assert.equal(lines.offsetAt(p), d.span.start, 'LineIndex round trip');
  }
  for (const d of a) {
    for (const e of d.fix?.edits ?? []) {
      // a safe fix only adds, removes or replaces marks
      for (const c of text.slice(e.span.start, e.span.end) + e.text) assert.ok(FIXABLE.has(c), `${d.ruleId} fix touches ${JSON.stringify(c)}`);
    }
  }
  const once = applyFixes(text, a);
  assert.deepEqual(once, referenceApply(text, a), 'applyFixes as specified');
  const f1 = fixText(text);
  if (f1.applied) count('…of which fixed');
  if (a.length) count('…of which with diagnostics');
  const f2 = fixText(f1.text);
  assert.equal(f2.text, f1.text, `fixing twice equals fixing once (first run: ${f1.passes} passes)`);
  assert.equal(f2.applied, 0);
  assert.equal(strip(f1.text), strip(text), 'the fixed text lost or gained nothing but marks');
}

test('random plan-like text: no throw, ranges inside, deterministic, fixes exact and idempotent', () => {
  fc.assert(fc.property(planLike, (s) => { count('plan-like'); checkText(s); }), { numRuns: runs(1500) });
});

test('any Unicode string (lone surrogates, controls, astral)', () => {
  const any = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'（）一、1.\r\n①《》“”〔〕'), maxLength: 200 }));
  fc.assert(fc.property(any, (s) => { count('unicode'); checkText(s); }), { numRuns: runs(1000) });
});

test('real plans with random damage (dropped/doubled pairs, markers, lines; inserted marks; CR/CRLF)', () => {
  fc.assert(fc.property(damagedPlan, (s) => { count('damaged-corpus'); checkText(s); }), { numRuns: runs(600) });
});

test('whole corpus plans, undamaged and with every line break style', () => {
  for (const t of CORPUS) for (const eol of ['\n', '\r\n', '\r']) { count('corpus'); checkText(t.replace(/\n/g, eol)); }
});

test('line ending style never changes what is found (same rule, line, column)', () => {
  const brief = (t: string) => {
    const li = new LineIndex(t);
    return lint(t).diagnostics.map((d) => `${d.ruleId} ${d.messageKey} ${JSON.stringify(li.positionAt(d.span.start))}`);
  };
  fc.assert(fc.property(damagedPlan, (s) => {
    count('eol-invariance');
    const lf = s.replace(/\r\n?/g, '\n');
    assert.deepEqual(brief(lf.replace(/\n/g, '\r\n')), brief(lf));
    assert.deepEqual(brief(lf.replace(/\n/g, '\r')), brief(lf));
  }), { numRuns: runs(150) });
});

test('applyFixes on synthetic fixes (overlaps, insertions at one point, shared edits) matches the specification', () => {
  const span = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 4 })).map(([s, l]) => ({ start: s, end: s + l }));
  const edit = fc.record({ span, text: fc.constantFrom('', 'x', '（', '）', 'yz') });
  const diag = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits): Diagnostic => ({
    ruleId: 'r', severity: 'error', messageKey: 'k', message: 'm', data: {}, span: edits[0]!.span, fix: { title: 't', edits },
  }));
  fc.assert(fc.property(fc.array(diag, { maxLength: 12 }), (ds) => {
    count('apply-synthetic');
    const text = 'abcdefghijklmnopqrstuvwxyz0123456789';
    assert.deepEqual(applyFixes(text, ds), referenceApply(text, ds));
  }), { numRuns: runs(3000) });
});

test('report: fuzz cases run', () => {
  const total = Object.entries(ran).filter(([k]) => !k.startsWith('…')).reduce((a, [, b]) => a + b, 0);
  console.log(`# fuzz seed ${seed}; cases: ${JSON.stringify(ran)}; total ${total}`);
  assert.ok(total > 0);
});

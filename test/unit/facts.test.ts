// paragraphFacts (model/facts.ts): per-paragraph facts a keystroke copies from the previous version
// for the paragraphs it did not touch and computes for the touched ones only (issue 18).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCache } from '../../server/src/engine/parser/parser.js';
import { readStructure } from '../../server/src/engine/model/structure.js';
import { carriedByParagraph, carriedValue, paragraphFacts } from '../../server/src/engine/model/facts.js';
import { parsePlan } from '../../server/src/engine/model/parse.js';
import type { Paragraph } from '../../server/src/engine/model/types.js';

const LINES = ['2024年工作要点', '一、主要任务', '（一）加强管理。一是建章，二是立制。', '', '（二）推进公开（办公室牵头）', '注：以上不再列出', '二、保障措施'];

/** the fact the phases ask for, and the lines it was computed on */
function facts(text: string, cache: LineCache, context: unknown = 'ctx') {
  const s = readStructure(text, cache);
  const asked: number[] = [];
  const has = (p: Paragraph) => { asked.push(p.line); return /是|不再/.test(s.folded.slice(p.content.start, p.content.end)) ? 1 : 0; };
  return { values: [...paragraphFacts(s, 'test', context, has)], asked };
}

test('a keystroke computes the touched paragraph\'s fact only; the others are the previous version\'s, in place', () => {
  const cache = new LineCache();
  const before = LINES.join('\n');
  // one value per paragraph (the blank line 3 is none)
  assert.deepEqual(facts(before, cache), { values: [0, 0, 1, 0, 1, 0], asked: [0, 1, 2, 4, 5, 6] });
  // one character into line 4: only line 4 is asked again
  const typed = before.replace('推进公开', '推进政务公开是');
  assert.deepEqual(facts(typed, cache), { values: [0, 0, 1, 1, 1, 0], asked: [4] });
  // a line break inserted in line 2: lines 2 and 3 are new, the rest moved down a line
  const split = typed.replace('一是建章，', '一是建章，\n');
  assert.deepEqual(facts(split, cache), { values: [0, 0, 1, 1, 1, 1, 0], asked: [2, 3] });
  // another context: all asked again
  assert.deepEqual(facts(split.replace('保障', '保证'), cache, 'other').asked, [0, 1, 2, 3, 5, 6, 7]);
});

test('the facts equal those of a scan from scratch after every edit', () => {
  const cache = new LineCache();
  let text = LINES.join('\n');
  for (const [from, to] of [['建章', '建章不再'], ['\n\n', '\n'], ['注：', '\n\n注：'], ['一、', ''], ['不再列出', '']]) {
    text = text.replace(from!, to!);
    assert.deepEqual(facts(text, cache).values, facts(text, new LineCache()).values, `after ${from} → ${to}`);
  }
});

test('carriedValue: a key of the previous version is not computed again; a new context or no cache computes', () => {
  const cache = new LineCache();
  const asked: string[] = [];
  const value = (text: string, key: string, context: unknown = 'roles', c: LineCache | null = cache) =>
    carriedValue(readStructure(text, c ?? undefined), 'test', context, key, () => { asked.push(key); return key.length; });
  const before = LINES.join('\n');
  assert.equal(value(before, '办公室牵头'), 5);
  assert.deepEqual(asked, ['办公室牵头']);
  // a keystroke elsewhere: the previous version's value
  assert.equal(value(before.replace('推进公开', '推进政务公开'), '办公室牵头'), 5);
  assert.deepEqual(asked, ['办公室牵头']);
  // a key it never had, then another context: computed
  value(before, '各处室配合');
  value(before.replace('二、', '三、'), '各处室配合', 'other roles');
  assert.deepEqual(asked, ['办公室牵头', '各处室配合', '各处室配合']);
  // no LineCache (the CLI): computed every time
  value(before, '办公室牵头', 'roles', null);
  value(before, '办公室牵头', 'roles', null);
  assert.deepEqual(asked.slice(3), ['办公室牵头', '办公室牵头']);
});

test('carriedByParagraph: the paragraphs a keystroke left take the previous version\'s value by their place; the touched ones, a new context, a paragraph not the Structure\'s or no cache compute', () => {
  const cache = new LineCache();
  const asked: number[] = [];
  /** each paragraph's text as its value, asked for every paragraph in order */
  const values = (text: string, context: unknown = 'year', c: LineCache | null = cache) => {
    const s = readStructure(text, c ?? undefined);
    return s.paragraphs.map((p) => carriedByParagraph(s, 'test', context, p, () => { asked.push(p.line); return s.text.slice(p.content.start, p.content.end); }));
  };
  const before = LINES.join('\n');
  assert.deepEqual(values(before), LINES.filter((l) => l));
  assert.deepEqual(asked.splice(0), [0, 1, 2, 4, 5, 6]);
  // one character into line 4: only it is computed; the lines below keep their values, moved
  const typed = before.replace('推进公开', '推进政务公开');
  assert.deepEqual(values(typed), typed.split('\n').filter((l) => l));
  assert.deepEqual(asked.splice(0), [4]);
  // a line break into line 2: lines 2 and 3 computed, the rest moved down a line
  const split = typed.replace('一是建章，', '一是建章，\n');
  assert.deepEqual(values(split), split.split('\n').filter((l) => l));
  assert.deepEqual(asked.splice(0), [2, 3]);
  // another context, then no LineCache (the CLI): every paragraph
  values(split, 'another year');
  assert.deepEqual(asked.splice(0), [0, 1, 2, 3, 5, 6, 7]);
  values(split, 'another year', null);
  assert.deepEqual(asked.splice(0), [0, 1, 2, 3, 5, 6, 7]);
  // a paragraph that is not the Structure's own (same line): computed, not remembered
  const s = readStructure(split.replace('保障', '保证'), cache);
  const p = s.paragraphs[1]!;
  assert.equal(carriedByParagraph(s, 'test', 'another year', { ...p }, () => 'own'), 'own');
  assert.equal(carriedByParagraph(s, 'test', 'another year', p, () => 'computed'), split.split('\n')[1]);
});

test('a clause parsed through the memo is the one a full lint parses, and a copy its readers may change', () => {
  const cache = new LineCache();
  const text = [...LINES.slice(0, 5), '（三）完善制度（综合处、法规处牵头，各处室配合）', ...LINES.slice(5)].join('\n');
  const units = (t: string, c?: LineCache) => parsePlan(t, {}, c).tasks.map((it) => it.units.map((u) => `${u.role}:${u.name}@${u.span.start}`));
  const first = parsePlan(text, {}, cache);
  // a reader changes what it got: the memo's copy stays as parsed
  first.tasks.at(-1)!.units[0]!.name = 'changed';
  // a keystroke before the clause moves it one code unit: its units move with it
  const typed = text.replace('推进公开', '推进政务公开');
  assert.deepEqual(units(typed, cache), units(typed));
  assert.deepEqual(units(typed).at(-1), ['lead:综合处@' + (typed.indexOf('综合处')), 'lead:法规处@' + typed.indexOf('法规处'), 'cooperating:各处室@' + typed.indexOf('各处室')]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { applyFixes, defaultConfig, LineIndex, lint, mergeConfig, parsePlan } from '../../server/src/engine/index.js';
import { fixText } from '../../server/src/engine/fix.js';
import { formatMessage } from '../../server/src/engine/i18n/messages.js';
import rule, { editDistance, meta, nearCollision } from '../../server/src/engine/rules/unit-name.js';
import type { ConfigOverride } from '../../server/src/engine/config.js';
import type { Diagnostic, Locale } from '../../server/src/engine/types.js';

const CORPUS = new URL('../corpus/', import.meta.url);

/** Runs the rule alone, as lint() runs each rule: its own severity, messages in the locale. */
function run(text: string, override: ConfigOverride = {}, locale: Locale = 'zh'): { d: Diagnostic[]; at: (d: Diagnostic) => [number, number] } {
  const config = mergeConfig(defaultConfig(), { ...override, locale });
  const plan = parsePlan(text, config);
  const d: Diagnostic[] = [];
  const setting = config.rules['unit-name'] ?? { severity: meta.defaultSeverity, options: {} };
  rule.check({
    plan, locale, options: setting.options, severity: 'warning', config,
    report: ({ messageId, ...r }) => d.push({ ...r, ruleId: 'unit-name', messageKey: `unit-name/${messageId}`, severity: 'warning', message: formatMessage(`unit-name/${messageId}`, r.data, locale) }),
  });
  const idx = new LineIndex(text);
  // 1-based line and column, as the CLI prints them
  const at = (x: Diagnostic): [number, number] => {
    const p = idx.positionAt(x.span.start);
    return [p.line + 1, p.character + 1];
  };
  return { d, at };
}

const NEAR = [
  '某区2021年交通工作要点',
  '',
  '一、重点任务',
  '1. 推进道路建设。（区交通建设局牵头，区财政局配合）',
  '2. 推进停车管理。（区交通建设局牵头，各街道配合）',
  '3. 推进公交优化。（区交通与建设局负责）',
  '',
].join('\n');

test('meta: id, default severity, fixable, docs anchor, bilingual description', () => {
  assert.equal(meta.id, 'unit-name');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.equal(meta.fixable, true);
  assert.equal(meta.docs, 'unit-name');
  assert.ok(meta.description.zh.length > 0 && meta.description.en.length > 0);
});

test('fail: two names one character apart — the rarer is reported with a suggestion to the other', () => {
  const { d, at } = run(NEAR);
  assert.deepEqual(d.map((x) => [x.messageKey, ...at(x)]), [['unit-name/near-collision', 6, 12]]);
  const x = d[0]!;
  assert.equal(x.message, '单位名称“区交通与建设局”与本文件中的“区交通建设局”（2 处）仅差一两个字（“与”），可能是同一单位（推测）');
  assert.equal(x.uncertain, true);
  assert.equal(x.fix, undefined); // a guess is never applied by --fix
  assert.equal(x.suggestions?.[0]?.title, '改为“区交通建设局”');
  assert.deepEqual(x.related?.map((r) => [r.span.start, r.message]), [[NEAR.indexOf('区交通建设局'), '“区交通建设局”在此']]);
  assert.equal(applyFixes(NEAR, [{ ...x, fix: x.suggestions![0]! }]).text, NEAR.replace('区交通与建设局', '区交通建设局'));
  const en = run(NEAR, {}, 'en').d[0]!;
  assert.equal(en.message, 'The unit “区交通与建设局” differs from “区交通建设局” (2 times in this file) only by “与”: probably the same unit (assumed)');
});

test('fail: the same name with brackets of the other width', () => {
  const text = ['2022年工作要点', '一、任务', '1. 做好公开。〔各司（局）按职责分工负责〕', '2. 做好解读。〔各司(局)按职责分工负责〕', '3. 做好回应。〔各司(局)按职责分工负责〕', ''].join('\n');
  const { d, at } = run(text);
  assert.deepEqual(d.map((x) => [x.messageKey, ...at(x), x.data.name, x.data.other]), [['unit-name/variant', 3, 10, '各司（局）', '各司(局)']]);
});

test('pass: scope words, levels, numerals, branches, unit kinds and short generic names are different units', () => {
  const text = [
    '2021年工作要点',
    '一、任务',
    '1. 甲。（各处室、处室、各有关处室按职责分工负责）',
    '2. 乙。（县政府各部门、县政府有关部门负责）',
    '3. 丙。（县卫生健康局、市卫生健康局、卫生健康局负责）',
    '4. 丁。（第一党支部、第二党支部负责）',
    '5. 戊。（市生态环境局牵头，市生态环境分局配合）',
    '6. 己。（县市场监管局、县市场监管所负责）',
    '7. 庚。（区交通运输局、区交通建设局负责）',
    '8. 辛。（办公室、办公厅、科室负责）',
    '',
  ].join('\n');
  assert.deepEqual(run(text).d, []);
});

test('pass: the corpus — no near collisions in the 33 real documents', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 33);
  for (const f of files) assert.deepEqual(run(readFileSync(new URL(f, CORPUS), 'utf8')).d.map((x) => x.message), [], f);
});

const CONFIGURED = [
  '2021年工作要点',
  '一、任务',
  '1. 甲。（厅办公室牵头，审批处、各处室配合）',
  '2. 乙。（人事处负责，审批科配合）',
  '',
].join('\n');
const UNITS = { units: { 办公室: ['厅办公室'], 审批处: [] } };

test('fail with units configured: alias (safe fix), unknown, unknown but near a configured name', () => {
  const { d, at } = run(CONFIGURED, UNITS);
  assert.deepEqual(d.map((x) => [x.messageKey, ...at(x), x.message]), [
    ['unit-name/alias', 3, 7, '单位名称“厅办公室”应统一写作“办公室”'],
    ['unit-name/unknown', 4, 7, '单位“人事处”不在配置的单位名单（units）中'],
    ['unit-name/unknown-similar', 4, 13, '单位“审批科”不在配置的单位名单（units）中，是否应为“审批处”？'],
  ]);
  assert.equal(d[0]!.fix?.title, '改为“办公室”');
  assert.equal(d[1]!.fix, undefined);
  assert.equal(d[2]!.fix, undefined);
  assert.equal(d[2]!.suggestions?.[0]?.title, '改为“审批处”');
  // the alias fix is safe: applied, the text keeps everything else
  const fixed = applyFixes(CONFIGURED, d);
  assert.equal(fixed.text, CONFIGURED.replace('厅办公室', '办公室'));
  assert.deepEqual(run(fixed.text, UNITS).d.map((x) => x.messageKey), ['unit-name/unknown', 'unit-name/unknown-similar']);
});

test('pass with units configured: canonical names, collective names, ignored names', () => {
  const text = ['2021年工作要点', '一、任务', '1. 甲。（办公室牵头，审批处、各处室、县政府有关部门配合）', '2. 乙。（人事处负责）', ''].join('\n');
  assert.deepEqual(run(text, { ...UNITS, rules: { 'unit-name': { options: { ignore: ['人事处'] } } } }).d, []);
  // allowCollective: false asks for every name in the list
  const strict = run(text, { ...UNITS, rules: { 'unit-name': { options: { allowCollective: false, ignore: ['人事处'] } } } });
  assert.deepEqual(strict.d.map((x) => [x.messageKey, x.data.name]), [['unit-name/unknown', '各处室'], ['unit-name/unknown', '县政府有关部门']]);
});

test('nearCollision and editDistance', () => {
  assert.deepEqual(nearCollision('区交通建设局', '区交通与建设局'), { kind: 'insert', chars: '与' });
  assert.deepEqual(nearCollision('省人力资源社会保障厅', '省人力资源和社会保障厅'), { kind: 'insert', chars: '和' });
  assert.deepEqual(nearCollision('县机关运行保障中心', '县机关事务运行保障中心'), { kind: 'insert', chars: '事务' });
  assert.deepEqual(nearCollision('省政府办公厅', '省政府力公厅'), { kind: 'substitute', from: '办', to: '力' });
  assert.equal(nearCollision('各有关处室', '各处室'), undefined);
  assert.equal(nearCollision('信息中心', '省信息中心'), undefined);
  assert.equal(nearCollision('卫生健康局', '县卫生健康局'), undefined);
  assert.equal(nearCollision('市中级人民法院', '市人民法院'), undefined);
  assert.equal(nearCollision('县市场监管局', '县市场监管所'), undefined);
  assert.equal(editDistance('审批科', '审批处', 2), 1);
  assert.equal(editDistance('办公室', '县政府办公室', 2), 3);
});

test('registered: lint() runs unit-name with the others; off in the config silences it', () => {
  const idx = new LineIndex(NEAR);
  const found = lint(NEAR).diagnostics.filter((x) => x.ruleId === 'unit-name');
  assert.deepEqual(found.map((x) => [x.messageKey, x.severity, idx.positionAt(x.span.start).line + 1, idx.positionAt(x.span.start).character + 1]), [['unit-name/near-collision', 'warning', 6, 12]]);
  assert.deepEqual(lint(NEAR, { rules: { 'unit-name': 'off' } }).diagnostics.filter((x) => x.ruleId === 'unit-name'), []);
  // --fix leaves a guess alone
  assert.equal(fixText(NEAR).text.includes('区交通与建设局'), true);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { LineIndex, lint } from '../../server/src/engine/index.js';
import { fixText } from '../../server/src/engine/fix.js';
import { editDistance, meta, nearCollision } from '../../server/src/engine/rules/unit-name.js';
import { findingsOf, ruleTester } from '../fixtures/rule-tester.js';

const CORPUS = new URL('../corpus/', import.meta.url);

const NEAR = [
  '某区2021年交通工作要点',
  '',
  '一、重点任务',
  '1. 推进道路建设。（区交通建设局牵头，区财政局配合）',
  '2. 推进停车管理。（区交通建设局牵头，各街道配合）',
  '3. 推进公交优化。（区交通与建设局负责）',
  '',
].join('\n');

const VARIANT = ['2022年工作要点', '一、任务', '1. 做好公开。〔各司（局）按职责分工负责〕', '2. 做好解读。〔各司(局)按职责分工负责〕', '3. 做好回应。〔各司(局)按职责分工负责〕', ''].join('\n');
const CONFIGURED = [
  '2021年工作要点',
  '一、任务',
  '1. 甲。（厅办公室牵头，审批处、各处室配合）',
  '2. 乙。（人事处负责，审批科配合）',
  '',
].join('\n');
const UNITS = { units: { 办公室: ['厅办公室'], 审批处: [] } };
const COLLECTIVE = ['2021年工作要点', '一、任务', '1. 甲。（办公室牵头，审批处、各处室、县政府有关部门配合）', '2. 乙。（人事处负责）', ''].join('\n');

ruleTester('unit-name', {
  valid: [
    {
      name: 'scope words, levels, numerals, branches, unit kinds and short generic names are different units',
      text: [
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
      ].join('\n'),
    },
    { name: 'units configured: canonical names, collective names, ignored names', text: COLLECTIVE, config: { ...UNITS, rules: { 'unit-name': { options: { ignore: ['人事处'] } } } } },
  ],
  invalid: [
    {
      name: 'two names one character apart — the rarer is reported with a suggestion to the other', text: NEAR,
      errors: [{
        messageId: 'near-collision', line: 6, column: 12, uncertain: true, fix: null, // a guess is never applied by --fix
        message: '单位名称“区交通与建设局”与本文件中的“区交通建设局”（2 处）仅差一两个字（“与”），可能是同一单位（推测）',
        suggestions: [{ title: '改为“区交通建设局”', output: NEAR.replace('区交通与建设局', '区交通建设局') }],
        related: ['“区交通建设局”在此'],
      }],
    },
    {
      name: 'two names one character apart, in English', text: NEAR, config: { locale: 'en' },
      errors: [{ messageId: 'near-collision', message: 'The unit “区交通与建设局” differs from “区交通建设局” (2 times in this file) only by “与”: probably the same unit (assumed)' }],
    },
    {
      name: 'the same name with brackets of the other width', text: VARIANT,
      errors: [{ messageId: 'variant', line: 3, column: 10, data: { name: '各司（局）', other: '各司(局)', count: 2 } }],
    },
    {
      name: 'units configured: alias (safe fix), unknown, unknown but near a configured name', text: CONFIGURED, config: UNITS,
      errors: [
        { messageId: 'alias', line: 3, column: 7, message: '单位名称“厅办公室”应统一写作“办公室”', fixTitle: '改为“办公室”', fix: CONFIGURED.replace('厅办公室', '办公室') },
        { messageId: 'unknown', line: 4, column: 7, message: '单位“人事处”不在配置的单位名单（units）中', fix: null },
        { messageId: 'unknown-similar', line: 4, column: 13, message: '单位“审批科”不在配置的单位名单（units）中，是否应为“审批处”？', fix: null,
          suggestions: [{ title: '改为“审批处”', output: CONFIGURED.replace('审批科', '审批处') }] },
      ],
      // the alias fix is safe: applied, the text keeps everything else
      output: CONFIGURED.replace('厅办公室', '办公室'),
    },
    {
      name: 'units configured, the alias fixed: the unknown names remain', text: CONFIGURED.replace('厅办公室', '办公室'), config: UNITS,
      errors: [{ messageId: 'unknown' }, { messageId: 'unknown-similar' }],
    },
    {
      name: 'allowCollective: false asks for every name in the list', text: COLLECTIVE,
      config: { ...UNITS, rules: { 'unit-name': { options: { allowCollective: false, ignore: ['人事处'] } } } },
      errors: [{ messageId: 'unknown', data: { name: '各处室' } }, { messageId: 'unknown', data: { name: '县政府有关部门' } }],
    },
  ],
});

test('meta: id, default severity, fixable, docs anchor, bilingual description', () => {
  assert.equal(meta.id, 'unit-name');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.equal(meta.fixable, true);
  assert.equal(meta.docs, 'unit-name');
  assert.ok(meta.description.zh.length > 0 && meta.description.en.length > 0);
});

test('a near collision\'s related location is the first of the other spelling', () => {
  const [x] = findingsOf('unit-name', NEAR);
  assert.deepEqual(x!.related?.map((r) => [r.span.start, r.message]), [[NEAR.indexOf('区交通建设局'), '“区交通建设局”在此']]);
});

test('pass: the corpus — no near collisions in the 33 real documents', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 33);
  for (const f of files) assert.deepEqual(findingsOf('unit-name', readFileSync(new URL(f, CORPUS), 'utf8')).map((x) => x.message), [], f);
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

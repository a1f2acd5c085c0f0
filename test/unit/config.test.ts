import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { configSchema } from '../../server/src/config/schema.js';
import { loadConfigForFile, readConfigFile, clearConfigCache, findConfigFile } from '../../server/src/config/load.js';
import { rules } from '../../server/src/engine/index.js';

const SCHEMA_FILE = new URL('../../schemas/fengong.schema.json', import.meta.url);

test('schemas/fengong.schema.json is the schema generated from the rules (never drifts)', () => {
  assert.deepEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')), configSchema());
  const props = (configSchema().properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
  assert.deepEqual(Object.keys(props), rules.map((r) => r.meta.id));
});

test('the precompiled validator was generated from this schema', () => {
  const code = readFileSync(new URL('../../server/src/config/validate.generated.js', import.meta.url), 'utf8');
  assert.ok(code.includes(JSON.stringify(configSchema())), 'run npm run build to regenerate it');
});

test('the schema is valid draft 2020-12 and accepts the documented shapes', () => {
  const ajv = new Ajv2020({ strict: true, strictTuples: false });
  const validate = ajv.compile(configSchema());
  assert.ok(validate({ rules: { 'task-unit': 'warn', 'numbering-format': ['error', {}], 'punctuation-pair': 0 }, documentKind: 'plan', locale: 'en' }));
  assert.ok(validate({ units: { 办公室: ['厅办公室'] }, roles: { lead: ['主抓'] }, overrides: [{ files: '**/*报告*.txt', documentKind: 'report' }] }));
  assert.ok(!validate({ rules: { 'no-such-rule': 'error' } }));
  assert.ok(!validate({ overrides: [{ rules: {} }] }), 'an override needs files');
});

function dirWith(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-config-'));
  writeFileSync(join(dir, '.fengongrc.json'), config);
  return dir;
}

test('JSON with comments and trailing commas; looked up from the file upwards', () => {
  clearConfigCache();
  const dir = dirWith('{\n  // 关闭\n  "rules": { "task-unit": "off", },\n  /* block */ "locale": "en",\n}\n');
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  const r = loadConfigForFile(join(dir, 'a', 'b', 'plan.txt'));
  assert.equal(r.error, undefined);
  assert.equal(r.configPath, join(dir, '.fengongrc.json'));
  assert.equal(r.config.rules['task-unit']!.severity, 'off');
  assert.equal(r.config.rules['punctuation-pair']!.severity, 'error', 'others keep their defaults');
  assert.equal(r.config.locale, 'en');
  assert.equal(findConfigFile(join(dir, 'a')), join(dir, '.fengongrc.json'));
});

test('errors name the file, the line and column, the JSON path and what is allowed', () => {
  const bad = (s: string) => readConfigFile(join(dirWith(s), '.fengongrc.json')).error!;
  const e1 = bad('{\n  "rules": {\n    "task-unit": "loud"\n  }\n}');
  assert.deepEqual([e1.line, e1.column, e1.jsonPath], [3, 18, 'rules.task-unit']);
  assert.equal(e1.message, '配置项 rules.task-unit 无效：可用的值："error", "warning", "warn", "info", "off"');
  const e2 = bad('{ "rulez": {} }');
  assert.deepEqual([e2.line, e2.column, e2.jsonPath], [1, 3, 'rulez']);
  assert.match(e2.message, /未知的配置项“rulez”（可用：rules, documentKind, nonTaskSections, roles, units, locale, files, ignore, overrides）/);
  const e3 = bad('{ "rules": { "task-unit": "off" ');
  assert.equal(e3.jsonPath, '');
  assert.match(e3.message, /^配置文件 JSON 语法错误：/);
  const e4 = bad('{ "documentKind": "memo" }');
  assert.equal(e4.message, '配置项 documentKind 无效：可用的值："auto", "plan", "report", "regulation", "notice", "other"');
});

test('a broken config leaves the defaults in force and says why', () => {
  clearConfigCache();
  const dir = dirWith('{ "rules": [] }');
  const r = loadConfigForFile(join(dir, 'x.txt'));
  assert.ok(r.error);
  assert.equal(r.config.rules['task-unit']!.severity, 'error');
});

test('overrides apply by glob relative to the config; the CLI wins over the file', () => {
  clearConfigCache();
  const dir = dirWith(JSON.stringify({ rules: { 'unit-clause': 'off' }, overrides: [{ files: ['reports/**'], documentKind: 'report', rules: { 'unit-clause': 'error' } }] }));
  const plain = loadConfigForFile(join(dir, 'plan.txt'));
  const report = loadConfigForFile(join(dir, 'reports', '2023', 'r.txt'));
  assert.equal(plain.config.rules['unit-clause']!.severity, 'off');
  assert.equal(plain.config.documentKind, 'auto');
  assert.equal(report.config.rules['unit-clause']!.severity, 'error');
  assert.equal(report.config.documentKind, 'report');
  const cli = loadConfigForFile(join(dir, 'reports', 'r.txt'), { cli: { documentKind: 'plan', locale: 'en' } });
  assert.equal(cli.config.documentKind, 'plan');
  assert.equal(cli.config.locale, 'en');
});

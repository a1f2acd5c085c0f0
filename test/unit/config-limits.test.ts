// Issue 12, hostile configurations: globs that backtrack exponentially, huge and deeply nested
// files, and `-c` pointed at a FIFO, a device or a folder. Each must end in a clear error (or a
// plain result), never a hang, a crash or silence — in the loader, the CLI and the server.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { clearConfigCache, loadConfigForFile, readConfigFile, MAX_CONFIG_BYTES } from '../../server/src/config/load.js';
import { compileGlob, GlobError } from '../../server/src/config/glob.js';
import { fengong, tempDir } from '../cli/helpers.js';
import { LspClient, messageText } from '../lsp/client.js';

const PLAN = '关于2024年工作要点\n一、重点任务\n（一）加强管理。（办公室牵头）\n';
const HOSTILE = '**/*(a*)*(a*)*(a*)*(a*)*(a*)b';

describe('globs are matched in linear time', () => {
  test(`the pattern ${HOSTILE} against a 40-character name: no match, at once (picomatch: exponential)`, () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.fengongrc.json'), JSON.stringify({ overrides: [{ files: HOSTILE, rules: { 'task-unit': 'off' } }] }));
    clearConfigCache();
    const r = loadConfigForFile(join(dir, 'a'.repeat(40)));
    assert.equal(r.error, undefined);
    assert.notEqual(r.config.rules['task-unit']!.severity, 'off');
    assert.equal(compileGlob(HOSTILE)('x/' + 'a'.repeat(5000) + 'b'), true);
  });

  test('the same results as picomatch (dot: true) on ordinary patterns and random paths', () => {
    const patterns = ['*.txt', '**/*.txt', 'a/**', 'a/**/b', '*报告*.txt', '草稿/**', '[ab]*.txt', '{a,b}/*.txt', '@(x|y).txt', '*(a|b).txt',
      '+(a|b).txt', '?(a).txt', 'a?c', '**', '*', '**/x/**', 'x/*/y', '\\*.txt', '.*', '!*.txt', 'a{b,c{d,e}}f', '[a-c]x', '*.{txt,plan}', 'a/**/*.plan'];
    // segments as path.relative makes them: never empty, `.` or `..`
    const seg = fc.stringMatching(/^[abcxy.报告*]{0,4}(\.txt|\.plan)?$/).filter((s) => s !== '' && s !== '.' && s !== '..');
    fc.assert(fc.property(fc.constantFrom(...patterns), fc.array(seg, { minLength: 1, maxLength: 4 }), (p, segs) => {
      const path = segs.join('/');
      assert.equal(compileGlob(p)(path), picomatch(p, { dot: true })(path), `${p} ~ ${path}`);
    }), { numRuns: 3000 });
  });

  test('!(…) is refused: the config error names the glob, its line and JSON path', () => {
    const dir = tempDir();
    const cfg = join(dir, '.fengongrc.json');
    writeFileSync(cfg, '{\n  "overrides": [\n    { "files": ["*.txt", "!(a).txt"], "rules": {} }\n  ]\n}\n');
    const r = readConfigFile(cfg);
    assert.deepEqual(r.error, { file: cfg, line: 3, column: 26, jsonPath: 'overrides.0.files.1', message: '通配符“!(a).txt”不能使用：不支持 !(…)；请改用开头的 !（整个通配符取反）或 ignore' });
    assert.throws(() => compileGlob('x'.repeat(1001)), GlobError);
  });
});

describe('size, depth and kind of the config file', () => {
  test('over 1 MB: refused with its size, before it is parsed', () => {
    const dir = tempDir();
    const cfg = join(dir, '.fengongrc.json');
    writeFileSync(cfg, '{"nonTaskSections": [' + '"附件",'.repeat(200_000) + '"附件"]}');
    const r = readConfigFile(cfg);
    assert.match(r.error!.message, new RegExp(`^配置文件过大（\\d+ 字节，上限 ${MAX_CONFIG_BYTES} 字节）`));
  });

  test('5,000 levels deep: a clear error at the bracket that goes too deep (was RangeError), CLI exit 2', () => {
    const dir = tempDir();
    const cfg = join(dir, '.fengongrc.json');
    writeFileSync(cfg, '{"units": ' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    writeFileSync(join(dir, 'plan.txt'), PLAN);
    assert.deepEqual(readConfigFile(cfg).error, { file: cfg, line: 1, column: 74, jsonPath: '', message: '嵌套超过 64 层：配置只需三四层，请检查括号' });
    const r = fengong(['check', 'plan.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `fengong：配置文件 ${cfg}:1:74 有误：嵌套超过 64 层：配置只需三四层，请检查括号\n  请按 schemas/fengong.schema.json 修改该文件，或用 --config 指定其他配置。\n`);
  });

  test('-c a FIFO, /dev/zero, a folder: each a clear error, exit 2, no hang', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.txt'), PLAN);
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    mkdirSync(join(dir, 'folder'));
    for (const c of ['fifo', '/dev/zero', 'folder']) {
      const r = fengong(['check', '-c', c, 'plan.txt'], { cwd: dir });
      assert.equal(r.code, 2, c);
      const shown = c.startsWith('/') ? c : join(dir, c);
      assert.equal(r.stderr, `fengong：配置文件 ${shown}:1:1 有误：无法读取配置文件：不是普通文件（文件夹、管道或设备）\n  请按 schemas/fengong.schema.json 修改该文件，或用 --config 指定其他配置。\n`, c);
    }
  });
});

test('server: a 5,000-deep workspace config is shown on the plan (line 1) and in the config, the plan still linted', async () => {
  const dir = tempDir();
  const cfg = join(dir, '.fengongrc.json');
  writeFileSync(cfg, '{"units": ' + '['.repeat(5000) + ']'.repeat(5000) + '}');
  const file = join(dir, 'plan.txt');
  writeFileSync(file, PLAN.replace('一、', '一.'));
  const { client } = await LspClient.start({ locale: 'zh' });
  try {
    const uri = pathToFileURL(file).href;
    await client.open(uri, PLAN.replace('一、', '一.'));
    const d = await client.diagnosticsFor(uri, 1);
    assert.equal(d.diagnostics[0]!.code, 'config');
    assert.match(messageText(d.diagnostics[0]!), /嵌套超过 64 层/);
    assert.ok(d.diagnostics.some((x) => x.code === 'numbering-format'), 'the defaults keep working');
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'an outline');
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

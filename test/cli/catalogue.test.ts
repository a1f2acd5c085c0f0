// The one catalogue of fengong's strings (CLI, config loader, io, tables, language server, client): both
// languages for every entry with the same placeholders, every entry used; and, as real processes,
// no English prose in what the Chinese CLI prints when things go wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../server/src/i18n/catalogue.js';
import { fengong, tempDir, BIN, ROOT } from './helpers.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const ENGLISH_ONLY = new Set(['problems', 'errorWord', 'warningWord', 'fileWord', 'entryWord']);
/** entries that are the same in both languages on purpose */
const NO_HAN = new Set(['cli.prefix', 'option.arg.n', 'report.fixableMark', 'config.type.null', 'io.detail',
  'lsp.configPath', 'client.fmtJson', 'client.failed', 'grid.listSep', 'grid.refSep', 'sheet.unitHead', 'sheet.partsSep', 'sheet.sep', 'sheet.deadlineSep', 'web.otherLanguage', 'office.quote']);

test('every entry has Chinese and English with the same placeholders', () => {
  const ids = Object.keys(CATALOGUE) as (keyof typeof CATALOGUE)[];
  assert.ok(ids.length > 150);
  for (const id of ids) {
    const { zh, en } = CATALOGUE[id];
    assert.ok(zh && en, id);
    assert.deepEqual(placeholders(zh), placeholders(en).filter((p) => !ENGLISH_ONLY.has(p)), id);
    if (!NO_HAN.has(id)) assert.match(zh, /\p{Script=Han}/u, `${id} is Chinese`);
  }
});

test('every entry is used by the code (literally, or by a prefix the code completes)', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) {
        const text = readFileSync(join(dir, e.name), 'utf8');
        // the catalogue's own tables do not count as a use; its helpers after them do
        sources.push(e.name === 'catalogue.ts' ? text.slice(text.indexOf('export type MessageId')) : text);
      }
    }
  };
  walk(join(ROOT, 'server', 'src'));
  walk(join(ROOT, 'client', 'src'));
  walk(join(ROOT, 'web', 'src'));
  const code = sources.join('\n');
  // ids built at run time: `io.${code}`, `config.parse.${code}`, `report.${severity}`, …
  const dynamic = ['io.', 'io.errno.', 'config.parse.', 'config.schema.', 'config.type.', 'report.', 'config.'];
  const templates = [...code.matchAll(/`([a-z]+(?:\.[a-z]+)*\.)\$\{/g)].map((m) => m[1]!);
  for (const p of templates) assert.ok(dynamic.includes(p), `unexpected dynamic id prefix ${p}`);
  for (const id of Object.keys(CATALOGUE)) {
    const literal = code.includes(`'${id}'`);
    const byPrefix = templates.some((p) => id.startsWith(p));
    assert.ok(literal || byPrefix, `${id} is never used`);
  }
});

/** ASCII words allowed in Chinese output: names of options, formats, files, encodings, codes */
const ALLOWED = new Set([
  'fengong', 'help', 'check', 'table', 'init', 'rules', 'lsp', 'stdin', 'fix', 'dry', 'run', 'baseline', 'update', 'prune', 'locale', 'format', 'output', 'file',
  'config', 'max', 'warnings', 'document', 'kind', 'auto', 'plan', 'report', 'stylish', 'json', 'sarif', 'github', 'gitlab', 'junit', 'xlsx', 'csv',
  'UTF', 'GB', 'BOM', 'NUL', 'Word', 'WPS', 'JSON', 'schemas', 'schema', 'version', 'files', 'txt', 'plans', 'bogus', 'memo', 'fengongrc', 'EISDIR', 'ENOTDIR',
  'EACCES', 'EROFS', 'ENOENT', 'broken', 'typed', 'task', 'unit', 'loud', 'nope', 'bin', 'ignore', 'filename', 'print', 'zh', 'en', 'fr', 'bad', 'out', 'plan',
]);

function englishWords(text: string, dir: string): string[] {
  // paths, options, rule ids (kebab-case) and quoted values are names, not prose
  const bare = text.split(dir).join('').replace(/--[a-z-]+/g, '').replace(/\b[a-z]+(?:-[a-z]+)+\b/g, '').replace(/[\w.-]+\.txt\b/g, '').replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');
  return [...bare.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !ALLOWED.has(w));
}

test('no English in the Chinese CLI\'s errors, notes and summaries', () => {
  const dir = tempDir();
  const plan = join(dir, 'plan.txt');
  copyFileSync(join(ROOT, 'examples', '2024年政务公开工作要点.txt'), plan);
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0, 0x42]));
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0xe9, 0x41, 0xc3, 0x28, 0xff]));
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', '.fengongrc.json'), '{ "rules": {');
  writeFileSync(join(dir, 'broken', 'a.txt'), '一、任务\n');
  mkdirSync(join(dir, 'typed'));
  writeFileSync(join(dir, 'typed', '.fengongrc.json'), '{ "ignore": "草稿", "files": ["a", "a"] }');
  writeFileSync(join(dir, 'typed', 'a.txt'), '一、任务\n');
  const runs = [
    fengong(['check', '--bogus'], { cwd: dir }),
    fengong(['check', '--locale', 'fr', 'plan.txt'], { cwd: dir }),
    fengong(['check', '--format'], { cwd: dir }),
    fengong(['check', 'missing.txt', 'bin.txt', 'bad.txt', 'plan.txt'], { cwd: dir }),
    fengong(['check', 'broken'], { cwd: dir }),
    fengong(['check', 'typed'], { cwd: dir }),
    fengong(['check', '-c', 'broken', 'plan.txt'], { cwd: dir }),
    fengong(['check', '-o', 'plan.txt/x', 'plan.txt'], { cwd: dir }),
    fengong(['check', '--max-warnings', '0', '--quiet', 'plan.txt'], { cwd: dir }),
    fengong(['table'], { cwd: dir }),
    fengong(['table', 'bin.txt', '--by', 'dept'], { cwd: dir }),
    fengong(['rules', 'extra'], { cwd: dir }),
    fengong(['init', '-o', 'plan.txt'], { cwd: dir }),
    fengong(['lsp', '--socket'], { cwd: dir }),
    fengong(['nope'], { cwd: dir }),
  ];
  const piped = spawnSync(process.execPath, [BIN, 'check', '--stdin', '--fix'], { cwd: dir, input: 'x', encoding: 'utf8' });
  runs.push({ code: piped.status, stdout: piped.stdout, stderr: piped.stderr });
  // and in English it says it in English
  const en = fengong(['check', '--locale', 'en', 'missing.txt', 'bin.txt'], { cwd: dir });
  assert.match(en.stderr, /^fengong: missing\.txt: no such file or folder; check the path\.\n/);
  assert.match(en.stdout, /bin\.txt is a binary file, not text \(NUL byte at offset 1 and no UTF-16 BOM\)/);
  writeFileSync(join(dir, '.fengong-baseline.json'), '{');
  runs.push(fengong(['check', 'plan.txt'], { cwd: dir }));
  for (const r of runs) {
    const out = r.stderr + r.stdout;
    assert.ok(out.length > 0);
    assert.deepEqual(englishWords(out, dir), [], out);
    assert.doesNotMatch(out, /fengong: /, 'one prefix in Chinese: “fengong：”');
  }
});

// The baseline (.fengong-baseline.json): the pure logic of server/src/baseline, then the CLI as real
// processes — --baseline-update, later runs report only new problems, entries survive edits
// elsewhere, stale entries reported and pruned, a run over part of a project keeps the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fengong, tempDir, ROOT } from './helpers.js';
import { lint } from '../../server/src/engine/index.js';
import { applyBaseline, emptyBaseline, fingerprint, parseBaseline, serializeBaseline, withFile, withoutStale } from '../../server/src/baseline/baseline.js';

const EXAMPLE = join(ROOT, 'examples', '2024年政务公开工作要点.txt');
const TEXT = readFileSync(EXAMPLE, 'utf8');
type Msg = { line: number; column: number; messageId: string; suppressions?: { kind: string }[] };
type Res = { filePath: string; messages: Msg[]; suppressedMessages: Msg[] };
const brief = (ms: Msg[]) => ms.map((m) => `${m.line}:${m.column} ${m.messageId}`);

test('fingerprints: by rule, message key and passage in its line context, not by line; occurrences counted', () => {
  const a = fingerprint(TEXT, lint(TEXT).diagnostics);
  assert.equal(a.length, 4);
  const moved = '新增一行。\n\n' + TEXT.replace('确保各项任务落到实处', '确保各项任务按时落到实处');
  const b = fingerprint(moved, lint(moved).diagnostics);
  assert.deepEqual(b.map((f) => f.entry), a.map((f) => f.entry), 'lines added above and an edit below change no entry');
  assert.deepEqual(a.map((f) => f.entry.passage), ['3、', '5.', '（', '6.推进养老服务信息公开']);
  assert.equal(new Set(a.map((f) => f.entry.fingerprint)).size, 4);
  // the same passage in the same context twice: one fingerprint, occurrences 0 and 1
  const twice = '一、任务\n（一）完善制度（办公室负责）。\n　　说“好。\n　　说“好。\n';
  const t = fingerprint(twice, lint(twice).diagnostics);
  assert.deepEqual(t.map((f) => [f.entry.messageKey, f.entry.passage, f.entry.occurrence]), [['punctuation-pair/unclosed', '“', 0], ['punctuation-pair/unclosed', '“', 1]]);
  assert.equal(t[0]!.entry.fingerprint, t[1]!.entry.fingerprint);
  // a change to the flagged words themselves makes the problem new
  const renamed = TEXT.replace('推进养老服务信息公开', '推进养老服务信息全面公开');
  const r = fingerprint(renamed, lint(renamed).diagnostics);
  assert.notEqual(r[3]!.entry.fingerprint, a[3]!.entry.fingerprint);
});

test('applyBaseline: each entry suppresses one problem; extra problems are new, missing ones stale', () => {
  const twice = '一、任务\n（一）完善制度（办公室负责）。\n　　说“好。\n　　说“好。\n';
  const found = fingerprint(twice, lint(twice).diagnostics);
  const base = withFile(emptyBaseline(), 'a.txt', found.slice(0, 1));
  const thrice = twice + '　　说“好。\n';
  const now = fingerprint(thrice, lint(thrice).diagnostics);
  const applied = applyBaseline(base.files['a.txt'], now);
  assert.deepEqual([applied.suppressed.length, applied.reported.length, applied.stale.length], [1, 2, 0]);
  assert.equal(applied.reported[0]!.diagnostic.span.start, thrice.indexOf('“', thrice.indexOf('“') + 1), 'the later ones are new');
  const gone = applyBaseline(withFile(emptyBaseline(), 'a.txt', found).files['a.txt'], found.slice(0, 1));
  assert.deepEqual(gone.stale, [found[1]!.entry]);
  const pruned = withoutStale(withFile(emptyBaseline(), 'a.txt', found), 'a.txt', gone.stale);
  assert.deepEqual(pruned.files['a.txt'], [found[0]!.entry]);
  assert.deepEqual(withoutStale(pruned, 'a.txt', pruned.files['a.txt']!).files, {}, 'a file without entries leaves the baseline');
});

test('serialize and parse: one entry per line, sorted by file; malformed files are refused', () => {
  const found = fingerprint(TEXT, lint(TEXT).diagnostics);
  const b = withFile(withFile(emptyBaseline(), 'z.txt', found.slice(0, 1)), 'a b/计划.txt', found);
  const text = serializeBaseline(b);
  assert.ok(text.startsWith('{\n  "version": 1,\n  "files": {\n    "a b/计划.txt": [\n      {"rule":"numbering-format","messageKey":"numbering-format/wrong-delimiter","passage":"3、","fingerprint":"'));
  assert.equal(text.split('\n').filter((l) => l.startsWith('      {')).length, 5);
  assert.deepEqual(parseBaseline(text), { ok: true, baseline: JSON.parse(text) });
  assert.deepEqual(parseBaseline('{ "version": 1, "files": { "a": [1] } }'), { ok: false, reason: 'shape' });
  assert.deepEqual(parseBaseline('{ "version": 2, "files": {} }'), { ok: false, reason: 'shape' });
  assert.deepEqual(parseBaseline('{ nope'), { ok: false, reason: 'json' });
});

function project() {
  const dir = tempDir();
  mkdirSync(join(dir, 'plans'));
  copyFileSync(EXAMPLE, join(dir, 'plans', 'a.txt'));
  copyFileSync(join(ROOT, 'test', 'corpus', '004_acf7e94b039c0b3c.txt'), join(dir, 'plans', 'b.txt'));
  return dir;
}
const json = (dir: string, args: string[] = ['plans']) => {
  const r = fengong(['check', '--format', 'json', ...args], { cwd: dir });
  return { ...r, results: JSON.parse(r.stdout) as Res[] };
};

test('--baseline-update writes .fengong-baseline.json; later runs report only what is not in it', () => {
  const dir = project();
  const up = fengong(['check', '--baseline-update', 'plans'], { cwd: dir });
  assert.equal(up.code, 0, up.stderr);
  assert.equal(up.stderr, '已写入基线 .fengong-baseline.json：2 个文件共 8 个问题。以后只报告不在基线中的问题。\n');
  assert.equal(up.stdout, '另有 8 个问题记在基线 .fengong-baseline.json 中，未列出。\n');
  const file = JSON.parse(readFileSync(join(dir, '.fengong-baseline.json'), 'utf8'));
  assert.deepEqual(Object.keys(file.files), ['plans/a.txt', 'plans/b.txt']);
  assert.deepEqual(file.files['plans/a.txt'].map((e: { messageKey: string }) => e.messageKey),
    ['numbering-format/wrong-delimiter', 'numbering-sequence/gap', 'punctuation-pair/unclosed', 'task-unit/missing']);

  const clean = json(dir);
  assert.equal(clean.code, 0);
  assert.equal(clean.stderr, '');
  assert.deepEqual(clean.results.map((r) => r.messages.length), [0, 0]);
  assert.deepEqual(brief(clean.results[0]!.suppressedMessages), ['17:3 numbering-format/wrong-delimiter', '19:3 numbering-sequence/gap', '19:38 punctuation-pair/unclosed', '20:3 task-unit/missing']);
  assert.deepEqual(clean.results[0]!.suppressedMessages[0]!.suppressions, [{ kind: 'baseline', justification: '' }]);

  // edits elsewhere: a paragraph added at the top, a new task without units at the end
  const a = join(dir, 'plans', 'a.txt');
  writeFileSync(a, '（此稿为征求意见稿）\n' + readFileSync(a, 'utf8').replace('（三）加强平台建设', '（三）加强平台建设\n　　7.完善网上办事指南。'));
  const after = json(dir);
  assert.equal(after.code, 1);
  // only the new task: it names no units, and the old 7. after it is now a duplicate
  assert.deepEqual(brief(after.results[0]!.messages), ['23:3 task-unit/missing', '24:3 numbering-sequence/duplicate']);
  assert.equal(after.results[0]!.suppressedMessages.length, 4, 'the four known problems moved down a line and are still known');
  assert.deepEqual(after.results[0]!.suppressedMessages.map((m) => m.line), [18, 20, 20, 21]);
  const stylish = fengong(['check', 'plans'], { cwd: dir });
  assert.match(stylish.stdout, /\n  另有 8 个问题记在基线 \.fengong-baseline\.json 中，未列出。\n$/);
});

test('stale entries: reported, then removed by --baseline-prune; a partial run keeps the other files', () => {
  const dir = project();
  fengong(['check', '--baseline-update', 'plans'], { cwd: dir });
  const a = join(dir, 'plans', 'a.txt');
  // two problems fixed by hand: the “3、” and the unclosed bracket (which carried two problems)
  writeFileSync(a, readFileSync(a, 'utf8').replace('3、加强', '3.加强').replace('（社会救助处负责\n', '（社会救助处负责）\n'));
  const r = json(dir);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, 'fengong：基线 .fengong-baseline.json 中有 2 条记录已不再出现（问题已改正）：运行 fengong check --baseline-prune 删去它们。\n');
  const prune = fengong(['check', '--baseline-prune', 'plans'], { cwd: dir });
  assert.equal(prune.code, 0);
  assert.equal(prune.stderr, '已从基线 .fengong-baseline.json 删去 2 条不再出现的记录。\n');
  const file = JSON.parse(readFileSync(join(dir, '.fengong-baseline.json'), 'utf8'));
  assert.deepEqual(file.files['plans/a.txt'].map((e: { messageKey: string }) => e.messageKey), ['numbering-sequence/gap', 'task-unit/missing']);
  assert.equal(file.files['plans/b.txt'].length, 4);
  assert.equal(fengong(['check', '--baseline-prune', 'plans'], { cwd: dir }).stderr, '基线 .fengong-baseline.json 无需更改。\n');
  // updating from one file keeps the other file's entries
  fengong(['check', '--baseline-update', 'plans/a.txt'], { cwd: dir });
  assert.equal(JSON.parse(readFileSync(join(dir, '.fengong-baseline.json'), 'utf8')).files['plans/b.txt'].length, 4);
  // a file deleted: its entries are stale, and pruning drops its key
  rmSync(join(dir, 'plans', 'b.txt'));
  assert.match(fengong(['check', 'plans'], { cwd: dir }).stderr, /中有 4 条记录已不再出现/);
  fengong(['check', '--baseline-prune', 'plans'], { cwd: dir });
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(dir, '.fengong-baseline.json'), 'utf8')).files), ['plans/a.txt']);
});

test('the baseline is found from the working folder up; --baseline names another; a broken one is exit 2', () => {
  const dir = project();
  fengong(['check', '--baseline-update', 'plans'], { cwd: dir });
  const sub = json(join(dir, 'plans'), ['a.txt']);
  assert.deepEqual([sub.code, sub.results[0]!.messages.length, sub.results[0]!.suppressedMessages.length], [0, 0, 4], 'run from plans/: the baseline above applies');
  mkdirSync(join(dir, 'ci'));
  const other = fengong(['check', '--baseline', 'ci/baseline.json', '--baseline-update', 'plans'], { cwd: dir });
  assert.equal(other.code, 0);
  assert.match(readFileSync(join(dir, 'ci', 'baseline.json'), 'utf8'), /"\.\.\/plans\/a\.txt": \[/);
  writeFileSync(join(dir, '.fengong-baseline.json'), '{ "version": 1, "files": [] }');
  const broken = fengong(['check', 'plans'], { cwd: dir });
  assert.equal(broken.code, 2);
  assert.equal(broken.stderr, 'fengong：基线文件 .fengong-baseline.json 格式有误（不是 fengong 基线（应有 "version": 1 和 "files"））：请删除它后用 --baseline-update 重新生成。\n');
  assert.equal(fengong(['check', '--stdin', '--baseline-update'], { cwd: dir }).code, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fengong, corpusCopy, tempDir, CORPUS, ROOT } from './helpers.js';
import { rules } from '../../server/src/engine/rules/index.js';

const C000 = '000_6fbd649499c5ed32.txt';
const C004 = '004_acf7e94b039c0b3c.txt';

type Msg = { ruleId: string; severity: number; message: string; messageId: string; line: number; column: number; endLine: number; endColumn: number; fix?: { range: [number, number]; text: string } };
type Res = { filePath: string; messages: Msg[]; errorCount: number; warningCount: number; fixableErrorCount: number; fixableWarningCount: number };

const brief = (r: Res) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);

test('json: ESLint shape, exact problems of corpus 004', () => {
  const r = fengong(['check', '--format', 'json', join(CORPUS, C004)]);
  assert.equal(r.code, 1);
  const [res] = JSON.parse(r.stdout) as Res[];
  assert.equal(res!.filePath, join(CORPUS, C004));
  assert.deepEqual(brief(res!), [
    '6:40 punctuation-pair punctuation-pair/unopened',
    '16:1 punctuation-pair punctuation-pair/unclosed',
    '70:195 unit-clause unit-clause/run-together',
    '126:102 punctuation-pair punctuation-pair/unopened',
  ]);
  assert.deepEqual([res!.errorCount, res!.warningCount, res!.fixableErrorCount, res!.fixableWarningCount], [3, 1, 0, 0]);
  const m = res!.messages[0]!;
  assert.equal(m.message, '“》”前没有对应的“《”');
  assert.deepEqual([m.severity, m.endLine, m.endColumn], [2, 6, 41]);
});

test('json: fixes in ESLint form (one range, its replacement text)', () => {
  const r = fengong(['check', '--format', 'json', join(CORPUS, C000)]);
  const [res] = JSON.parse(r.stdout) as Res[];
  const missing = res!.messages.find((m) => m.line === 52 && m.ruleId === 'numbering-format')!;
  assert.equal(missing.messageId, 'numbering-format/missing-delimiter');
  const text = readFileSync(join(CORPUS, C000), 'utf8');
  assert.equal(missing.fix!.text, '.');
  assert.equal(missing.fix!.range[0], missing.fix!.range[1]);
  assert.equal(text.slice(missing.fix!.range[0] - 2, missing.fix!.range[0]), '11');
});

test('stylish: grouped by file with a Chinese summary; English with --locale en', () => {
  const zh = fengong(['check', join(CORPUS, '003_05f29b10a2949338.txt')]);
  assert.equal(zh.code, 0, 'warnings only: exit 0');
  assert.match(zh.stdout, /21:3 +警告 +三级序号“3、”后应使用“\.”，不用“、”（GB\/T 15834） +numbering-format/);
  assert.match(zh.stdout, /✖ 共 2 个问题（0 个错误，2 个警告）/);
  assert.match(zh.stdout, /\n  其中 2 个警告可用 `--fix` 自动修复。\n/, 'no “0 个错误”');
  const en = fengong(['check', '--locale', 'en', join(CORPUS, '003_05f29b10a2949338.txt')]);
  assert.match(en.stdout, /21:3 +warning +Rank-3 number “3、” takes “\.”, not “、” \(GB\/T 15834\) +numbering-format/);
  assert.match(en.stdout, /✖ 2 problems \(0 errors, 2 warnings\)/);
  assert.match(en.stdout, /\n  2 warnings potentially fixable with the `--fix` option\.\n/);
  assert.doesNotMatch(zh.stdout, /\x1b\[/, 'no colour when not a TTY');
});

test('sarif 2.1.0: rules from metadata, results with regions', () => {
  const r = fengong(['check', '--format', 'sarif', join(CORPUS, C004)], { cwd: CORPUS });
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const run = s.runs[0];
  assert.equal(run.tool.driver.name, 'fengong');
  assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), rules.map((r) => r.meta.id));
  assert.equal(run.results.length, 4);
  const { partialFingerprints, ...first } = run.results[0];
  assert.deepEqual(first, {
    ruleId: 'punctuation-pair', ruleIndex: 6, level: 'error', message: { text: '“》”前没有对应的“《”' },
    locations: [{ physicalLocation: { artifactLocation: { uri: C004, uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 40, endLine: 6, endColumn: 41 } } }],
  });
  assert.match(partialFingerprints['fengong/v1'], /^[0-9a-f]{20}:0$/);
});

test('github: workflow annotations, escaped', () => {
  const r = fengong(['check', '--format', 'github', join(CORPUS, C004)], { cwd: CORPUS });
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[4], 'fengong：1 个文件，共 4 个问题（3 个错误，1 个警告）', 'the summary line after the annotations');
  assert.equal(lines[0], `::error file=${C004},line=6,col=40,endLine=6,endColumn=41,title=fengong punctuation-pair::“》”前没有对应的“《”`);
  assert.ok(lines[2]!.startsWith(`::warning file=${C004},line=70,col=195,`));
});

test('exit codes: clean 0, errors 1, --max-warnings, --quiet, usage 2, missing file 2', () => {
  const clean = join(ROOT, 'examples', '任务分工-清洁示例.plan');
  assert.equal(fengong(['check', clean]).code, 0);
  assert.equal(fengong(['check', join(CORPUS, C004)]).code, 1);
  const warnOnly = join(CORPUS, '003_05f29b10a2949338.txt');
  assert.equal(fengong(['check', '--max-warnings', '2', warnOnly]).code, 0);
  const over = fengong(['check', '--max-warnings', '1', warnOnly]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /警告 2 个，超过 --max-warnings 1/);
  const quiet = fengong(['check', '--quiet', '--format', 'json', join(CORPUS, C004)]);
  assert.deepEqual((JSON.parse(quiet.stdout) as Res[])[0]!.messages.map((m) => m.severity), [2, 2, 2]);
  const bad = fengong(['check', '--format', 'xml', clean]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^fengong：--format 的值“xml”无效，可选：stylish、json、sarif、github、gitlab、junit\n（运行 fengong check --help 查看用法）\n$/);
  const missing = fengong(['check', '/nonexistent/plan.txt', clean]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/nonexistent\/plan\.txt/);
});

test('a folder means its plan files; unknown command is a usage error', () => {
  const r = fengong(['check', '--format', 'json', CORPUS]);
  const res = JSON.parse(r.stdout) as Res[];
  // every .txt of the folder, in order; README.md, SOURCES.md, expected.tsv and score.mjs are not plans
  const txt = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(txt.length, 33);
  assert.deepEqual(res.map((x) => x.filePath.slice(CORPUS.length)), txt);
  const u = fengong(['frobnicate']);
  assert.equal(u.code, 2);
  assert.match(u.stderr, /未知命令“frobnicate”/);
});

test('GBK copy of a corpus plan gives exactly the problems of the UTF-8 one', () => {
  const dir = tempDir();
  const text = readFileSync(join(CORPUS, C004), 'utf8');
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(text, 'gbk'));
  writeFileSync(join(dir, 'utf8.txt'), text);
  const res = JSON.parse(fengong(['check', '--format', 'json', dir]).stdout) as Res[];
  assert.equal(res.length, 2);
  assert.deepEqual(res[0]!.messages, res[1]!.messages);
  assert.equal(res[0]!.messages.length, 4);
});

test('--fix: CRLF + BOM kept, GB18030 kept, second run changes nothing', () => {
  const { dir, file } = corpusCopy(C000);
  const original = readFileSync(file, 'utf8');
  const crlf = '\ufeff' + original.replace(/\n/g, '\r\n');
  writeFileSync(file, crlf);
  const gbkFile = join(dir, 'gb18030.txt');
  // GB18030 rather than GBK: the web copy holds • and NBSP, which GBK cannot encode
  writeFileSync(gbkFile, iconv.encode(original, 'gb18030'));
  const r = fengong(['check', '--fix', '--format', 'json', file, gbkFile]);
  assert.equal(r.code, 1, 'unfixable errors remain');
  const fixed = readFileSync(file);
  assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  const text = fixed.toString('utf8').slice(1);
  assert.equal(text.split('\r\n').length, crlf.split('\r\n').length, 'CRLF kept, no line added or lost');
  assert.ok(!/[^\r]\n/.test(text), 'no bare LF introduced');
  assert.match(text, /\r\n {2}11\.加强网站留言咨询/, 'missing delimiter inserted');
  assert.match(text, /（办公室牵头,各有关处室、民服中心,省信息中心运维九部配合）/, 'unbracketed clause wrapped');
  assert.match(text, /\(处室、民服中心按职责分工负责\)/, 'unclosed clause closed with its own width');
  const gbk = iconv.decode(readFileSync(gbkFile), 'gb18030');
  assert.equal(gbk, text.replace(/\r\n/g, '\n'), 'GB18030 file got the same fixes, still GB18030 and LF');
  const before = [readFileSync(file), readFileSync(gbkFile)];
  const again = fengong(['check', '--fix', file, gbkFile]);
  assert.equal(again.code, 1);
  assert.ok(readFileSync(file).equals(before[0]!) && readFileSync(gbkFile).equals(before[1]!), 'idempotent');
  // what was left: problems no safe fix can settle
  const left = (JSON.parse(fengong(['check', '--format', 'json', file]).stdout) as Res[])[0]!;
  assert.deepEqual(brief(left), [
    '8:5 punctuation-pair punctuation-pair/unclosed',
    '30:54 unit-clause unit-clause/unbracketed-glued',
    '46:40 unit-clause unit-clause/unbracketed-glued',
  ]);
});

test('a broken config is reported once, naming file, line and JSON path; exit 2', () => {
  const { dir } = corpusCopy(C004, 'a.txt');
  corpusCopy(C004);
  writeFileSync(join(dir, 'b.txt'), readFileSync(join(CORPUS, C004)));
  writeFileSync(join(dir, '.fengongrc.json'), '{\n  // comment\n  "rules": {\n    "task-unit": "loud"\n  }\n}\n');
  const r = fengong(['check', dir]);
  assert.equal(r.code, 2);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.filter((l) => l.includes('.fengongrc.json')).length, 1, 'reported once');
  assert.match(r.stderr, new RegExp(`${join(dir, '.fengongrc.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:18`));
  assert.match(r.stderr, /rules\.task-unit/);
  assert.match(r.stderr, /"error", "warning", "warn", "info", "off"/);
});

test('config: rules off, overrides by glob, --config wins the lookup', () => {
  const { dir, file } = corpusCopy(C004, 'plan.txt');
  writeFileSync(join(dir, '.fengongrc.json'), JSON.stringify({ rules: { 'unit-clause': 'off' }, overrides: [{ files: 'plan.txt', rules: { 'punctuation-pair': 'warning' } }] }));
  const res = (JSON.parse(fengong(['check', '--format', 'json', file]).stdout) as Res[])[0]!;
  assert.deepEqual(res.messages.map((m) => `${m.ruleId}:${m.severity}`), ['punctuation-pair:1', 'punctuation-pair:1', 'punctuation-pair:1']);
  const other = join(tempDir(), 'other.json');
  writeFileSync(other, JSON.stringify({ locale: 'en' }));
  const en = (JSON.parse(fengong(['check', '--format', 'json', '--config', other, file]).stdout) as Res[])[0]!;
  assert.equal(en.messages.length, 4);
  assert.equal(en.messages[0]!.message, '“》” closes a “《” that was never opened');
});

test('paths in reports are relative to the working folder even through a symlinked folder', () => {
  const base = tempDir();
  const { file } = corpusCopy(C004);
  const real = join(base, 'real');
  mkdirSync(real);
  writeFileSync(join(real, 'plan.txt'), readFileSync(file));
  symlinkSync(real, join(base, 'link'));
  // the process's working folder is always the real one; the argument names the link
  const r = fengong(['check', '--format', 'github', join(base, 'link', 'plan.txt')], { cwd: real });
  assert.equal(r.stdout.split('\n')[0], '::error file=plan.txt,line=6,col=40,endLine=6,endColumn=41,title=fengong punctuation-pair::“》”前没有对应的“《”');
});

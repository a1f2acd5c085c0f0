// The CI formats as real processes: github (annotations, a summary line, the job summary in
// $GITHUB_STEP_SUMMARY), gitlab (Code Quality), junit, sarif's partialFingerprints; stylish aligned
// by display width, with ambiguous-width marks narrow or wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { fengong, tempDir, CORPUS } from './helpers.js';

const C003 = '003_05f29b10a2949338.txt';
const C004 = '004_acf7e94b039c0b3c.txt';
const C000 = '000_6fbd649499c5ed32.txt';

test('github: annotations, then a summary line; with more than 10 of a kind, a note on the cap', () => {
  const r = fengong(['check', '--format', 'github', C004, C003], { cwd: CORPUS });
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('::')).length, 6);
  assert.equal(lines.at(-1), 'fengong：2 个文件，共 6 个问题（3 个错误，3 个警告）');
  // twelve tasks without a unit: more errors than GitHub shows
  const dir = tempDir();
  writeFileSync(join(dir, 'many.txt'), ['某某县工作方案', '一、重点任务', ...Array.from({ length: 12 }, (_, i) => `${i + 1}.做好第${i + 1}项工作。`)].join('\n') + '\n');
  const many = fengong(['check', '--format', 'github', 'many.txt'], { cwd: dir });
  const tail = many.stdout.trimEnd().split('\n').slice(-2);
  assert.equal(tail[0], 'fengong：1 个文件，共 12 个问题（12 个错误，0 个警告）');
  assert.equal(tail[1], 'GitHub 每一步最多显示 10 个错误和 10 个警告注释；完整列表见本次运行的摘要（Summary）。');
  const en = fengong(['check', '--format', 'github', '--locale', 'en', C003], { cwd: CORPUS });
  assert.equal(en.stdout.trimEnd().split('\n').at(-1), 'fengong: 1 file, 2 problems (0 errors, 2 warnings)');
});

test('github: $GITHUB_STEP_SUMMARY gets counts by rule and the first problems of each file, appended', () => {
  const dir = tempDir();
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '## an earlier step\n');
  const r = fengong(['check', '--format', 'github', C004, C003], { cwd: CORPUS, env: { GITHUB_STEP_SUMMARY: summary } });
  assert.equal(r.code, 1);
  assert.equal(readFileSync(summary, 'utf8'), `## an earlier step
## fengong 检查结果

fengong：2 个文件，共 6 个问题（3 个错误，3 个警告）

### 按规则

| 规则 | 错误 | 警告 |
| --- | ---: | ---: |
| \`punctuation-pair\` | 3 | 0 |
| \`numbering-format\` | 0 | 2 |
| \`unit-clause\` | 0 | 1 |

### 各文件的前 10 个问题

#### ${C003}

| 位置 | 级别 | 问题 | 规则 |
| --- | --- | --- | --- |
| 21:3 | 警告 | 三级序号“3、”后应使用“.”，不用“、”（GB/T 15834） | \`numbering-format\` |
| 23:3 | 警告 | 三级序号“4、”后应使用“.”，不用“、”（GB/T 15834） | \`numbering-format\` |

#### ${C004}

| 位置 | 级别 | 问题 | 规则 |
| --- | --- | --- | --- |
| 6:40 | 错误 | “》”前没有对应的“《” | \`punctuation-pair\` |
| 16:1 | 错误 | “(”在本段内没有对应的“)” | \`punctuation-pair\` |
| 70:195 | 警告 | “县政府各部门县机关运行保障中心”可能是两个单位连写，缺少“、”（推测） | \`unit-clause\` |
| 126:102 | 错误 | “)”前没有对应的“(” | \`punctuation-pair\` |

`);
  // 17 problems in one file: the first 10 listed, the rest counted
  writeFileSync(summary, '');
  fengong(['check', '--format', 'github', C000], { cwd: CORPUS, env: { GITHUB_STEP_SUMMARY: summary } });
  const md = readFileSync(summary, 'utf8');
  assert.equal(md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l)).length, 10);
  assert.match(md, /\n……另有 7 个问题未列出（用 --format json 或 sarif 查看全部）\n/);
  // not set: nothing written anywhere, the annotations alone
  assert.equal(fengong(['check', '--format', 'github', C003], { cwd: CORPUS, env: { GITHUB_STEP_SUMMARY: '' } }).code, 0);
});

test('gitlab: Code Quality issues with stable, unique fingerprints', () => {
  const r = fengong(['check', '--format', 'gitlab', C004], { cwd: CORPUS });
  assert.equal(r.code, 1);
  const issues = JSON.parse(r.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
  assert.deepEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.severity}`), [
    `${C004}:6 punctuation-pair major`, `${C004}:16 punctuation-pair major`, `${C004}:70 unit-clause minor`,
    `${C004}:126 punctuation-pair major`,
  ]);
  assert.equal(issues[0]!.description, '“》”前没有对应的“《”');
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 4);
  for (const i of issues) assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
  // lines added at the top: every problem moves down, every fingerprint stays
  const dir = tempDir();
  writeFileSync(join(dir, C004), '新增的说明一行。\n\n' + readFileSync(join(CORPUS, C004), 'utf8'));
  const moved = JSON.parse(fengong(['check', '--format', 'gitlab', C004], { cwd: dir }).stdout) as typeof issues;
  assert.deepEqual(moved.map((i) => i.location.lines.begin), [8, 18, 72, 128]);
  assert.deepEqual(moved.map((i) => i.fingerprint), issues.map((i) => i.fingerprint));
});

test('sarif: partialFingerprints survive edits elsewhere in the file', () => {
  const fps = (cwd: string) => (JSON.parse(fengong(['check', '--format', 'sarif', C004], { cwd }).stdout).runs[0].results as { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[]);
  const before = fps(CORPUS);
  const dir = tempDir();
  writeFileSync(join(dir, C004), '前言。\n' + readFileSync(join(CORPUS, C004), 'utf8'));
  const after = fps(dir);
  assert.deepEqual(after.map((r) => r.locations[0]!.physicalLocation.region.startLine), before.map((r) => r.locations[0]!.physicalLocation.region.startLine + 1));
  assert.deepEqual(after.map((r) => r.partialFingerprints), before.map((r) => r.partialFingerprints));
  assert.equal(new Set(before.map((r) => r.partialFingerprints['fengong/v1'])).size, 4);
});

test('junit: a testsuite per file (in path order), a failing testcase per problem, a passing one for a clean file', () => {
  const clean = join(CORPUS, '..', '..', 'examples', '任务分工-清洁示例.plan');
  const r = fengong(['check', '--format', 'junit', C003, clean], { cwd: CORPUS });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
<testsuite package="fengong" time="0" tests="1" errors="0" failures="0" name="../../examples/任务分工-清洁示例.plan">
<testcase time="0" name="../../examples/任务分工-清洁示例.plan" classname="../../examples/任务分工-清洁示例" />
</testsuite>
<testsuite package="fengong" time="0" tests="2" errors="2" failures="2" name="${C003}">
<testcase time="0" name="fengong.numbering-format" classname="003_05f29b10a2949338"><failure message="三级序号“3、”后应使用“.”，不用“、”（GB/T 15834）"><![CDATA[21:3 警告 - 三级序号“3、”后应使用“.”，不用“、”（GB/T 15834） (numbering-format)]]></failure></testcase>
<testcase time="0" name="fengong.numbering-format" classname="003_05f29b10a2949338"><failure message="三级序号“4、”后应使用“.”，不用“、”（GB/T 15834）"><![CDATA[23:3 警告 - 三级序号“4、”后应使用“.”，不用“、”（GB/T 15834） (numbering-format)]]></failure></testcase>
</testsuite>
</testsuites>
`);
  const dir = tempDir();
  writeFileSync(join(dir, 'a<&>.txt'), '某某工作方案\n一、推进工作\n（一）完善“制度]]>建设\n');
  const x = fengong(['check', '--format', 'junit', 'a<&>.txt'], { cwd: dir });
  assert.match(x.stdout, /name="a&lt;&amp;&gt;\.txt"/);
  assert.match(x.stdout, /\]\]\]\]><!\[CDATA\[>/, ']]> split across two CDATA sections');
});

test('stylish: columns aligned by display width; --ambiguous-wide / FENGONG_AMBIGUOUS_WIDE count “” as two', () => {
  const rows = (out: string) => out.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));
  const ruleColumn = (l: string, ambiguousIsNarrow: boolean) => stringWidth(l.slice(0, l.lastIndexOf('  ') + 2), { ambiguousIsNarrow });
  // messages with one, two and three pairs of “”
  const dir = tempDir();
  writeFileSync(join(dir, 'plan.txt'), ['某某县工作方案', '一、重点任务', '1.做好甲。(办公室负责', '3、做好丙。', '4.做好丁。'].join('\n') + '\n');
  const narrow = rows(fengong(['check', 'plan.txt'], { cwd: dir }).stdout);
  assert.equal(narrow.length, 5);
  // messages with “” and with () of both widths: the rule ids still start in one column
  assert.equal(new Set(narrow.map((l) => ruleColumn(l, true))).size, 1, narrow.join('\n'));
  assert.notEqual(new Set(narrow.map((l) => ruleColumn(l, false))).size, 1, 'drawn wide, the narrow layout is ragged');
  for (const wide of [fengong(['check', '--ambiguous-wide', 'plan.txt'], { cwd: dir }), fengong(['check', 'plan.txt'], { cwd: dir, env: { FENGONG_AMBIGUOUS_WIDE: '1' } })]) {
    const w = rows(wide.stdout);
    assert.equal(new Set(w.map((l) => ruleColumn(l, false))).size, 1, w.join('\n'));
  }
});

test('a finding that rests on an assumption says so: json and sarif `uncertain`, stylish 警告?', () => {
  const json = JSON.parse(fengong(['check', '--format', 'json', C000], { cwd: CORPUS }).stdout) as { messages: { line: number; messageId: string; uncertain?: true }[] }[];
  const uncertain = json[0]!.messages.filter((m) => m.uncertain).map((m) => `${m.line} ${m.messageId}`);
  assert.deepEqual(uncertain, ['30 unit-clause/unbracketed-glued', '46 unit-clause/unbracketed-glued']);
  const sarif = JSON.parse(fengong(['check', '--format', 'sarif', C000], { cwd: CORPUS }).stdout) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[]; properties?: { uncertain?: boolean } }[] }[] };
  assert.deepEqual(sarif.runs[0]!.results.filter((r) => r.properties?.uncertain).map((r) => r.locations[0]!.physicalLocation.region.startLine), [30, 46]);
  const stylish = fengong(['check', C000], { cwd: CORPUS }).stdout.split('\n');
  assert.match(stylish.find((l) => l.trimStart().startsWith('30:'))!, /^ {2}30:54 +警告\? /);
  assert.match(stylish.find((l) => l.trimStart().startsWith('26:'))!, /^ {2}26:54 +警告 /);
});

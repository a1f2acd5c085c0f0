// README.md tells exactly what exists: its option tables (Chinese and English) list the options the
// CLI parses, no more, no fewer; the CI recipes it shows are the files under examples/ci/, byte for
// byte; the CI recipes are in the right order, upload with `if: always()`, do not swallow exit 2,
// and — run for real against the packed tarball — do what they say; nothing is installed by a
// registry name fengong is not published under.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CHECK, INIT, LSP, RULES, TABLE, INSPECT } from '../../server/src/cli/options.js';
import { cleanEnv, outsideDir, packTarball, ROOT } from './installed.js';
import { fengong } from './helpers.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;

const between = (start: string, end: string): string => {
  const a = README.indexOf(start);
  const b = README.indexOf(end, a);
  assert.ok(a >= 0 && b > a, `${start} … ${end} in README.md`);
  return README.slice(a + start.length, b);
};
const optionNames = (s: string) => [...new Set([...s.matchAll(/--([a-zA-Z][\w-]*)/g)].map((m) => m[1]!))].sort();

test('README: the check option tables, Chinese and English, list exactly the options check parses', () => {
  for (const lang of ['zh', 'en']) {
    const table = between(`<!-- options:check:${lang} -->`, `<!-- /options:check:${lang} -->`);
    const firstCells = table.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | ')[0]!).join(' ');
    assert.deepEqual(optionNames(firstCells), Object.keys(CHECK.options).sort(), lang);
    // short flags as the parser knows them
    for (const [name, d] of Object.entries(CHECK.options)) if (d.short) assert.match(firstCells, new RegExp(`-${d.short}, --${name}\\b`), `${lang}: -${d.short}`);
  }
});

test('README: the other commands\' options, in both languages, are those the commands parse', () => {
  const zh = between('其他命令的选项：', '退出码：');
  const en = between('Other commands:', '**Baseline**');
  for (const text of [zh, en]) {
    for (const spec of [TABLE, INSPECT, INIT, RULES, LSP]) {
      const at = text.indexOf(`fengong ${spec.name} `);
      assert.ok(at >= 0, spec.name);
      const next = text.slice(at).search(/；|。|;\s|`\.|（/);
      const part = text.slice(at, at + (next > 0 ? next : undefined!));
      assert.deepEqual(optionNames(part), Object.keys(spec.options).filter((n) => n !== 'help').sort(), `${spec.name}: ${part}`);
    }
  }
});

test('README: the CI recipes shown are the files under examples/ci/, byte for byte', () => {
  for (const f of ['examples/ci/github-actions.yml', 'examples/ci/gitlab-ci.yml']) {
    const shown = between(`<!-- include: ${f} -->\n\`\`\`yaml\n`, '```\n<!-- /include -->');
    assert.equal(shown, readFileSync(join(ROOT, f), 'utf8'), f);
  }
});

test('README and recipes install fengong from a tarball or a .vsix, never by a registry name', () => {
  const texts = [README, readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8'), readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')];
  for (const t of texts) {
    for (const m of t.matchAll(/npm (?:install|i|add)\b([^\n`#]*)/g)) {
      const args = m[1]!.trim().split(/\s+/).filter((a) => a && !a.startsWith('-'));
      for (const a of args) assert.match(a, /^\.\/.*\.tgz$/, `installs “${a}”: not a published package`);
    }
    assert.doesNotMatch(t, /npx (?:-y |--yes )?fengong@|npm exec fengong/);
    for (const m of t.matchAll(/fengong-(\d+\.\d+\.\d+)\.(tgz|vsix)/g)) assert.equal(m[1], pkg.version, `${m[0]} names this version`);
  }
});

type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> };

test('GitHub recipe: install, SARIF, upload (if: always()), annotations last; exit 2 not swallowed', () => {
  const wf = parseYaml(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as { permissions: Record<string, string>; jobs: { fengong: { steps: Step[] } } };
  assert.equal(wf.permissions['security-events'], 'write');
  const steps = wf.jobs.fengong.steps;
  const idx = (p: (s: Step) => boolean, what: string) => {
    const i = steps.findIndex(p);
    assert.ok(i >= 0, what);
    return i;
  };
  const checkout = idx((s) => s.uses?.startsWith('actions/checkout@') ?? false, 'checkout');
  const node = idx((s) => s.uses?.startsWith('actions/setup-node@') ?? false, 'setup-node');
  const install = idx((s) => s.run?.startsWith('npm install --global ./tools/') ?? false, 'install from the tarball');
  const sarif = idx((s) => s.run?.includes('--format sarif') ?? false, 'SARIF');
  const upload = idx((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') ?? false, 'upload');
  const annotate = idx((s) => s.run?.includes('--format github') ?? false, 'annotations');
  assert.deepEqual([checkout, node, install, sarif, upload, annotate], [0, 1, 2, 3, 4, 5], 'in this order');
  assert.equal(steps[upload]!.if, 'always()');
  assert.equal(steps[upload]!.with!.sarif_file, 'fengong.sarif');
  assert.match(steps[sarif]!.run!, /--output-file fengong\.sarif/);
  assert.equal(steps[install]!.run, `npm install --global ./tools/${TARBALL}`);
  for (const s of steps) assert.doesNotMatch(s.run ?? '', /\|\| *true|; *true|set \+e/, 'no exit code swallowed whole');
});

/** a repository as the recipes expect it: tools/<tarball>, plans/ with one plan */
function workspace(tarball: string, plan: string): string {
  const ws = outsideDir('fengong-ci-');
  mkdirSync(join(ws, 'tools'));
  copyFileSync(tarball, join(ws, 'tools', TARBALL));
  mkdirSync(join(ws, 'plans'));
  copyFileSync(join(ROOT, 'examples', plan), join(ws, 'plans', plan));
  return ws;
}

test('the recipes run for real: problems → report written and the last step fails; a broken config → the first check fails', () => {
  const packDir = outsideDir('fengong-ci-pack-');
  const { tarball } = packTarball(packDir);
  const wf = parseYaml(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as { jobs: { fengong: { steps: Step[] } } };
  const runs = wf.jobs.fengong.steps.filter((s) => s.run).map((s) => s.run!);
  const gl = parseYaml(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as { fengong: { script: string[]; artifacts: { when: string; reports: { codequality: string } } } };
  assert.equal(gl.fengong.artifacts.when, 'always');
  const env = (ws: string, extra: NodeJS.ProcessEnv = {}) => cleanEnv({
    // `npm install --global` of the recipe, into this workspace instead of the machine
    npm_config_prefix: join(ws, 'global'), PATH: `${join(ws, 'global', 'bin')}${delimiter}${process.env.PATH}`, ...extra,
  });
  // GitHub runs each `run:` with bash -e -o pipefail
  const step = (ws: string, script: string, extra?: NodeJS.ProcessEnv) => spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: ws, env: env(ws, extra), encoding: 'utf8', timeout: 300_000 });

  const ws = workspace(tarball, '2024年政务公开工作要点.txt');
  const summary = join(ws, 'summary.md');
  writeFileSync(summary, '');
  const results = runs.map((r) => step(ws, r, { GITHUB_STEP_SUMMARY: summary }));
  assert.deepEqual(results.map((r) => r.status), [0, 0, 1], results.map((r) => r.stderr).join('\n'));
  const sarif = JSON.parse(readFileSync(join(ws, 'fengong.sarif'), 'utf8'));
  assert.equal(sarif.runs[0].results.length, 4);
  assert.match(results[2]!.stdout, /^::error file=plans\/2024年政务公开工作要点\.txt,line=19,col=3,/m);
  assert.match(readFileSync(summary, 'utf8'), /^## fengong 检查结果\n/);

  // a broken .fengongrc.json: exit 2 is not taken for “problems found”
  writeFileSync(join(ws, 'plans', '.fengongrc.json'), '{ "rules": { "task-unit": "loud" } }');
  const broken = step(ws, runs[1]!);
  assert.notEqual(broken.status, 0);
  assert.match(broken.stderr, /配置项 rules\.task-unit 无效/);

  // GitLab: the script lines in order, as its shell runs them (a failing line fails the job)
  const gws = workspace(tarball, '2024年政务公开工作要点.txt');
  const lines = gl.fengong.script.map((l) => spawnSync('sh', ['-e', '-c', l], { cwd: gws, env: env(gws), encoding: 'utf8', timeout: 300_000 }));
  assert.deepEqual(lines.map((r) => r.status), [0, 0, 1], lines.map((r) => r.stderr).join('\n'));
  const report = JSON.parse(readFileSync(join(gws, gl.fengong.artifacts.reports.codequality), 'utf8')) as { check_name: string }[];
  assert.equal(report.length, 4);
  writeFileSync(join(gws, 'plans', '.fengongrc.json'), '{');
  assert.notEqual(spawnSync('sh', ['-e', '-c', gl.fengong.script[1]!], { cwd: gws, env: env(gws), encoding: 'utf8' }).status, 0);
  assert.ok(existsSync(join(gws, 'global', 'bin', 'fengong')), 'installed where the test put it, not on the machine');
});

test('README: the `fengong inspect` example prints what the command prints', () => {
  const block = /\n\$ fengong inspect (\S+)\n([\s\S]*?)\n```/.exec(README);
  assert.ok(block, 'the example is in README');
  const r = fengong(['inspect', block[1]!], { cwd: ROOT });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, `${block[2]}\n`);
});

#!/usr/bin/env node
// `npm run bench`: fengong against its peers and two floors, side by side in one run, on inputs built
// from the real corpus. Whole processes are timed like hyperfine (spawn → exit, stdout to a file),
// in-process work in a fresh worker per subject. Prints a Markdown report and writes
// bench/RESULTS.md and bench/results.json.
//   --quick      fewer runs, no 10 MB for peers, no LSP run (smoke test, ~1–2 min)
//   --few        the quick run's repeats, everything else as a full run (a busy machine)
//   --no-peers   fengong and floors only
//   --build      run `npm run build` first (otherwise dist/ is used as it is, with a warning if stale)
//   --timeout=S  per-run limit for peers (default 120 s)
//   --wait-idle=S  first wait up to S seconds for the 1-minute load average to fall below 1
//   --shape-sizes=1,2,…  sizes (MB) of the shape rows (default 1,2,4,8,16,32; --quick: 1,2)
//   --shape-ops=check,md,…  what runs on each shape (default check and table in every format)
//   --shapes=headings,…  which shapes run (default all five)
//   --shape-slow=S  a shape row stops growing after a run slower than S seconds (default 150)
//   --only=PART,…  run only these parts — main (whole process, in-process, peers, memory), shapes,
//                lsp (language server, drafting, kill-fix) — and take the others from the last
//                bench/results.json; shape cells merge into its rows. A long run done in pieces: the
//                report names the command, commit, date and load each part comes from.
//   --help       this text
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildInputs, KB, MB } from './lib/inputs.mjs';
import { SHAPES, SHAPE_SIZES_MB, shapeFile } from './lib/shapes.mjs';
import { median, nowMs, runsFor, summarize } from './lib/stats.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const INPUTS = join(BENCH, '.inputs');
const PEERS = join(BENCH, '.peers');
const BIN = join(ROOT, 'bin', 'fengong.cjs');
const OUT = join(INPUTS, 'out'); // stdout/stderr of timed runs: written, as a user's terminal would be
const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  // the options are the header comment above: printed, nothing run (`--help` once ran the whole bench)
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const head = lines.slice(1, lines.findIndex((l) => l.startsWith('import ')));
  console.log(head.map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const QUICK = argv.includes('--quick');
const FEW = QUICK || argv.includes('--few'); // --few: a full run with the quick run's repeats (for a busy machine)
const NO_PEERS = argv.includes('--no-peers');
const PEER_TIMEOUT_S = Number(argv.find((a) => a.startsWith('--timeout='))?.slice(10) ?? 120);
const SLOW_1MB_S = 30; // a peer slower than this on 1 MB is not run on 10 MB
const SLOW_RUN_S = 20; // a fengong cell whose first run takes longer is run once (noted n=1)
const SLOW_PEER_RUN_S = 10; // the same for peers: keeps the full run under 10 minutes
const TIME_BUDGET_S = 540; // past this, peers' 10 MB runs are skipped rather than overrun 10 minutes
const WHOLE = FEW ? { minRuns: 1, maxRuns: 5, budgetMs: 1500 } : { minRuns: 3, maxRuns: 20, budgetMs: 4000 };
const INPROC = FEW ? { minRuns: 2, maxRuns: 10, budgetMs: 500 } : { minRuns: 3, maxRuns: 30, budgetMs: 2000 };
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined; // for CPU time and peak RSS per run

const log = (s) => process.stderr.write(`${s}\n`);
let started = nowMs();

// ---------------------------------------------------------------------------------------------
// Setup: machine, inputs, peers, fengong build

function machine() {
  const c = cpus();
  let commit;
  try {
    commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() || undefined;
    // numbers of uncommitted sources are marked as such
    if (commit && spawnSync('git', ['status', '--porcelain', '--', 'server', 'scripts'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()) commit += ' + uncommitted changes';
  } catch { /* no git */ }
  return {
    cpu: c[0]?.model ?? 'unknown', cores: c.length, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    os: `${platform()} ${release()}`, node: process.version, date: new Date().toISOString(), commit,
    loadavgStart: loadavg().map((x) => +x.toFixed(2)),
  };
}

function ensurePeers() {
  if (NO_PEERS) return { ok: false, why: 'not run (--no-peers)' };
  // bench/peers.json pins the peers, bench/peers.lock.json their whole dependency tree (npm ci)
  const want = readFileSync(join(BENCH, 'peers.json'), 'utf8');
  const lock = existsSync(join(BENCH, 'peers.lock.json')) ? readFileSync(join(BENCH, 'peers.lock.json'), 'utf8') : undefined;
  const have = existsSync(join(PEERS, 'package.json')) ? readFileSync(join(PEERS, 'package.json'), 'utf8') : '';
  if (want === have && existsSync(join(PEERS, 'node_modules', '.package-lock.json'))) return { ok: true, versions: peerVersions() };
  log('installing peers into bench/.peers (pinned in bench/peers.json and bench/peers.lock.json) …');
  mkdirSync(PEERS, { recursive: true });
  writeFileSync(join(PEERS, 'package.json'), want);
  if (lock) writeFileSync(join(PEERS, 'package-lock.json'), lock);
  const r = spawnSync('npm', [lock ? 'ci' : 'install', '--prefix', PEERS, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
  if (r.status !== 0) { rmSync(join(PEERS, 'package.json'), { force: true }); return { ok: false, why: `npm install failed (exit ${r.status ?? r.signal})` }; }
  return { ok: true, versions: peerVersions() };
}

function peerVersions() {
  const deps = JSON.parse(readFileSync(join(BENCH, 'peers.json'), 'utf8')).dependencies;
  return Object.fromEntries(Object.keys(deps).map((d) => {
    try { return [d, JSON.parse(readFileSync(join(PEERS, 'node_modules', d, 'package.json'), 'utf8')).version]; } catch { return [d, 'missing']; }
  }));
}

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild() {
  const cli = join(ROOT, 'dist', 'cli.cjs');
  const engine = join(ROOT, 'dist', 'engine.cjs');
  let built = false;
  if (argv.includes('--build') || !existsSync(cli) || !existsSync(engine)) {
    log('building dist/ (npm run build) …');
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) log(`build failed (exit ${r.status})`);
    built = r.status === 0;
  }
  const info = { cli: existsSync(cli) ? cli : undefined, engine: existsSync(engine) ? engine : undefined };
  if (info.engine) {
    const src = newestMtime(join(ROOT, 'server', 'src'));
    info.builtAt = new Date(statSync(engine).mtimeMs).toISOString();
    // a bundle the build left as it was keeps its older mtime: only an unbuilt dist/ can be stale
    info.stale = !built && src > Math.min(statSync(engine).mtimeMs, info.cli ? statSync(info.cli).mtimeMs : Infinity);
    if (info.stale) log('warning: server/src is newer than dist/ — run with --build for numbers of the current sources');
    // esbuild's keepNames wraps every function expression in a defineProperty call; worth knowing
    info.keepNames = /"name",\{value:\w+,configurable:!0\}/.test(readFileSync(engine, 'utf8').slice(0, 4000));
  }
  return info;
}

/** An extra bundle of the engine's internals (lexer, line parser) for the lex/parse phase split;
 *  built with the same esbuild options as dist/. Missing internals only cost the split. */
async function buildPhases(keepNames) {
  const out = join(INPUTS, '.build', 'phases.cjs');
  try {
    const { build } = await import('esbuild');
    await build({
      stdin: {
        contents: "export { planLexer } from './server/src/engine/lexer/tokens.js';\nexport { parseLines } from './server/src/engine/parser/parser.js';\n",
        resolveDir: ROOT, loader: 'ts', sourcefile: 'phases-entry.ts',
      },
      outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, keepNames: !!keepNames, logLevel: 'silent',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    });
    return out;
  } catch (e) {
    log(`phase split unavailable: ${String(e.message).split('\n')[0]}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Whole-process timing

let outSeq = 0;
/** One run: wall time from spawn to exit, stdout/stderr to files; with /usr/bin/time also the
 *  child's CPU time and peak RSS. Exit codes 0 and 1 (problems found) count as success. */
function runOnce(cmd, args, { cwd = ROOT, timeoutS = PEER_TIMEOUT_S, env } = {}) {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, `run-${outSeq++ % 8}`);
  const so = openSync(`${base}.out`, 'w');
  const se = openSync(`${base}.err`, 'w');
  const timeFile = `${base}.time`;
  const [c, a] = TIME_BIN ? [TIME_BIN, ['-o', timeFile, '-f', '%e %U %S %M', cmd, ...args]] : [cmd, args];
  const t0 = nowMs();
  const r = spawnSync(c, a, { cwd, stdio: ['ignore', so, se], timeout: timeoutS * 1000, killSignal: 'SIGKILL', env: env ? { ...process.env, ...env } : process.env });
  const wall = nowMs() - t0;
  closeSync(so); closeSync(se);
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') return { status: 'timeout', wall };
  let status = r.status;
  let cpu; let rssKiB;
  if (TIME_BIN && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const last = lines[lines.length - 1].split(' ').map(Number);
    if (last.length === 4 && last.every(Number.isFinite)) { cpu = (last[1] + last[2]) * 1000; rssKiB = last[3]; }
    // GNU time reports the child's own exit status as "Command exited with non-zero status N"
    const m = /status (\d+)/.exec(lines.join(' '));
    if (m) status = Number(m[1]);
  }
  if (status !== 0 && status !== 1) {
    return { status: 'error', wall, why: `exit ${status ?? r.signal}: ${readFileSync(`${base}.err`, 'utf8').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` };
  }
  return { status: 'ok', wall, cpu, rssKiB, stdout: `${base}.out` };
}

/** Hyperfine-like: a first run (discarded as warm-up when short), then N runs, N adaptive. */
function timeWhole(label, cmd, args, opts = {}) {
  const budget = { ...WHOLE, ...(opts.budget ?? {}) };
  const first = runOnce(cmd, args, opts);
  if (first.status !== 'ok') { log(`  ${label}: ${first.status}${first.why ? ` (${first.why})` : ''}`); return { status: first.status, why: first.why, wall: first.wall }; }
  const problems = opts.count ? safeCount(opts.count, first.stdout, opts.countStderr) : undefined;
  const runs = [];
  const cpu = [];
  const rss = [];
  const keep = (r) => { runs.push(r.wall); if (r.cpu !== undefined) cpu.push(r.cpu); if (r.rssKiB !== undefined) rss.push(r.rssKiB); };
  let n;
  if (first.wall >= (opts.slowRunS ?? SLOW_RUN_S) * 1000) { keep(first); n = 1; } else {
    if (first.wall >= 2000) keep(first); // long runs are not warm-up sensitive: keep, to save time
    n = runsFor(first.wall, budget);
  }
  while (runs.length < n) {
    const r = runOnce(cmd, args, opts);
    if (r.status !== 'ok') { log(`  ${label}: ${r.status} on a repeat run`); return { status: r.status, why: r.why, wall: r.wall }; }
    keep(r);
  }
  const s = summarize(runs);
  const out = { status: 'ok', ...s, cpuMedian: cpu.length ? median(cpu) : undefined, peakRssKiB: rss.length ? Math.max(...rss) : undefined, problems };
  log(`  ${label}: ${fmtS(s.median)} (n=${s.n}${problems !== undefined ? `, ${problems} problems` : ''})`);
  return out;
}

function safeCount(fn, file, stderrToo) {
  try { return fn(readFileSync(file, 'utf8') + (stderrToo ? readFileSync(file.replace(/\.out$/, '.err'), 'utf8') : '')); } catch { return undefined; }
}
/** ESLint-style JSON (fengong check, textlint): [{ filePath, messages: [...] }] */
const countEslintJson = (s) => JSON.parse(s).reduce((n, f) => n + f.messages.length, 0);
const countJsonField = (field) => (s) => JSON.parse(s.trim().split('\n').pop())[field];
const countZhlint = (s) => (s.match(/^\S[^\n]*:\d+:\d+ - /gm) ?? []).length;

// ---------------------------------------------------------------------------------------------
// In-process timing (one worker process per subject)

function inProcess(subject, inputs, extra = {}) {
  const job = { subject, inputs, ...INPROC, peersDir: PEERS, textlintrc: join(BENCH, 'peers', 'textlintrc.json'), ...extra };
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', join(BENCH, 'lib', 'inproc.mjs'), JSON.stringify(job)], {
    cwd: ROOT, encoding: 'utf8', timeout: (extra.timeoutS ?? 300) * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * MB,
  });
  if (r.stderr?.trim()) log(r.stderr.trim().split('\n').filter((l) => l.trim()).slice(-12).map((l) => `  [${subject}] ${l.slice(0, 200)}`).join('\n'));
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') return { status: 'timeout' };
  if (r.status !== 0) return { status: 'error', why: (r.stderr ?? '').trim().split('\n').slice(-2).join(' | ').slice(0, 300) };
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  for (const [k, ops] of Object.entries(res.inputs)) {
    for (const [op, m] of Object.entries(ops)) log(`  ${subject} ${op} ${k}: ${fmtMs(m.median)} (n=${m.n}${m.problems !== undefined ? `, ${m.problems} problems` : ''})`);
  }
  return { status: 'ok', ...res };
}

// ---------------------------------------------------------------------------------------------
// Formatting

const fmtS = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(3)} s`);
const fmtMs = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`);
const fmtRatio = (x) => (x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);
const mbps = (bytes, ms) => bytes / MB / (ms / 1000);

function cellWhole(m) {
  if (!m) return '—';
  if (m.status === 'ok') return `${fmtS(m.median)}${m.n === 1 ? ' (n=1)' : ''}`;
  if (m.status === 'timeout') return `timeout (>${PEER_TIMEOUT_S} s)`;
  if (m.status === 'skipped') return `skipped: ${m.why}`;
  return `error: ${m.why ?? ''}`.slice(0, 80);
}

function table(head, rows) {
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

const waitIdle = Number(argv.find((a) => a.startsWith('--wait-idle='))?.slice(12) ?? 0);
if (waitIdle > 0) {
  const until = nowMs() + waitIdle * 1000;
  while (loadavg()[0] >= 1 && nowMs() < until) {
    log(`waiting for an idle machine (load ${loadavg()[0].toFixed(2)}) …`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
  started = nowMs(); // the 10-minute budget counts from here
}

const results = { machine: machine(), quick: QUICK, config: { whole: WHOLE, inProcess: INPROC, peerTimeoutS: PEER_TIMEOUT_S, timeBin: !!TIME_BIN } };
const ONLY = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const PREV = ONLY ? JSON.parse(readFileSync(join(BENCH, 'results.json'), 'utf8')) : undefined;
/** whether this run measures `part`; the others are PREV's */
const runs = (part) => !ONLY || ONLY.includes(part);
const PARTS = ['main', 'shapes', 'lsp'];
log(`fengong bench${QUICK ? ' (quick)' : ''} — ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}, load ${results.machine.loadavgStart.join(' ')}`);

const manifest = buildInputs(INPUTS);
const INPUT_KEYS = ['50kb', '1mb', '10mb', 'folder'];
const LABEL = { '50kb': '50 KB', '1mb': '1 MB', '10mb': '10 MB', folder: '1,000 × 10 KB' };
const bytesOf = (p) => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + statSync(join(p, f)).size, 0) : statSync(p).size);
const inputs = Object.fromEntries(INPUT_KEYS.map((k) => [k, { path: manifest.files[k], bytes: bytesOf(manifest.files[k]) }]));
results.inputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { path: relative(ROOT, v.path), bytes: v.bytes }]));
results.inputs.plan10k = { path: relative(ROOT, manifest.files.plan10k), bytes: bytesOf(manifest.files.plan10k), lines: 10000 };

const peers = runs('main') ? ensurePeers() : PREV.peers;
results.peers = peers;
const dist = ensureBuild();
results.dist = { builtAt: dist.builtAt, stale: dist.stale, keepNames: dist.keepNames };
const phasesBundle = dist.engine && runs('main') ? await buildPhases(dist.keepNames) : undefined;

const whole = {}; // subject → input → measurement
const inproc = {}; // subject → result of the worker
results.wholeProcess = whole;
results.inProcess = inproc;

const PEER_LABEL = { markdownlint: 'markdownlint 0.40 (script)', zhlint: 'zhlint', textlint: 'textlint + no-unmatched-pair' };
if (!runs('main')) {
  Object.assign(whole, PREV.wholeProcess);
  Object.assign(inproc, PREV.inProcess);
} else {
// floors
log('floors (whole process)');
const nodeE0 = timeWhole('node -e 0', process.execPath, ['-e', '0']);
whole['node -e 0'] = Object.fromEntries(INPUT_KEYS.map((k) => [k, nodeE0]));
whole['bracket scan'] = {};
for (const k of INPUT_KEYS) whole['bracket scan'][k] = timeWhole(`scan ${k}`, process.execPath, [join(BENCH, 'lib', 'scan.cjs'), inputs[k].path], { count: countJsonField('unmatched') });

// fengong
whole['fengong check'] = {};
if (dist.cli) {
  log('fengong check (whole process)');
  for (const k of INPUT_KEYS) {
    // bin/fengong.cjs, the command users run: it starts dist/cli.cjs with V8's code cache (written
    // by the first run, which timeWhole discards as warm-up)
    whole['fengong check'][k] = timeWhole(`check ${k}`, process.execPath, [BIN, 'check', '--format', 'json', inputs[k].path], { count: countEslintJson, timeoutS: 300 });
  }
} else for (const k of INPUT_KEYS) whole['fengong check'][k] = { status: 'error', why: 'dist/cli.cjs missing' };

log('in-process');
const inputList = INPUT_KEYS.map((k) => ({ key: k, path: inputs[k].path }));
inproc.scan = inProcess('scan', inputList);
inproc.fengong = dist.engine ? inProcess('fengong', inputList, { engine: dist.engine, timeoutS: 400 }) : { status: 'error', why: 'dist/engine.cjs missing' };
// lex/parse split from the sources' internals: a failure here costs only the split
inproc.fengongPhases = phasesBundle ? inProcess('fengong-phases', inputList, { phases: phasesBundle, timeoutS: 300 }) : { status: 'error', why: 'no phases bundle' };

// peers
const PEER_CMDS = {
  markdownlint: (k) => ({ cmd: process.execPath, args: [join(BENCH, 'peers', 'markdownlint-cli.mjs'), inputs[k].path], count: countJsonField('problems') }),
  zhlint: (k) => ({
    // zhlint wants paths relative to its working folder and takes one glob
    cmd: process.execPath, args: [join(PEERS, 'node_modules', 'zhlint', 'bin', 'index.js'), k === 'folder' ? `${relative(INPUTS, inputs[k].path)}/*.txt` : relative(INPUTS, inputs[k].path)],
    cwd: INPUTS, count: countZhlint, countStderr: true, // zhlint prints its findings to stderr
  }),
  textlint: (k) => ({
    cmd: process.execPath, args: [join(PEERS, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--config', join(BENCH, 'peers', 'textlintrc.json'), '--format', 'json', inputs[k].path],
    cwd: PEERS, count: countEslintJson,
  }),
};
for (const p of Object.keys(PEER_CMDS)) {
  whole[p] = {};
  if (!peers.ok) { for (const k of INPUT_KEYS) whole[p][k] = { status: 'skipped', why: peers.why }; continue; }
  log(`${p} (whole process)`);
  for (const k of ['50kb', '1mb', 'folder', '10mb']) {
    const m1 = whole[p]['1mb'];
    if (k === '10mb' && QUICK) { whole[p][k] = { status: 'skipped', why: '--quick' }; continue; }
    // 10 MB is skipped when 1 MB was slow, or when ten times the 1 MB time would pass the timeout anyway
    if (k === '10mb' && m1 && (m1.status !== 'ok' || m1.median > SLOW_1MB_S * 1000 || m1.median * 10 > PEER_TIMEOUT_S * 1000)) {
      whole[p][k] = {
        status: 'skipped',
        why: m1.status !== 'ok' ? `${m1.status} at 1 MB` : m1.median > SLOW_1MB_S * 1000 ? `>${SLOW_1MB_S} s at 1 MB` : `${(m1.median / 1000).toFixed(0)} s at 1 MB, so >${PEER_TIMEOUT_S} s projected`,
      };
      log(`  ${p} 10mb: ${whole[p][k].why}`);
      continue;
    }
    if (k === '10mb' && (nowMs() - started) / 1000 > TIME_BUDGET_S) { whole[p][k] = { status: 'skipped', why: 'time budget' }; continue; }
    const c = PEER_CMDS[p](k);
    whole[p][k] = timeWhole(`${p} ${k}`, c.cmd, c.args, { cwd: c.cwd, count: c.count, countStderr: c.countStderr, slowRunS: SLOW_PEER_RUN_S });
  }
}
if (peers.ok) {
  log('peers in-process');
  inproc.markdownlint = inProcess('markdownlint', inputList.filter((i) => !QUICK || i.key !== '10mb'), { slowRunMs: SLOW_PEER_RUN_S * 1000 });
  // textlint and zhlint take tens of seconds per MB: in-process at 50 KB only
  inproc.zhlint = inProcess('zhlint', inputList.filter((i) => i.key === '50kb'));
  inproc.textlint = inProcess('textlint', inputList.filter((i) => i.key === '50kb'));
}
} // runs('main')

// memory: peak RSS (kernel's maxrss via /usr/bin/time, else a preloaded exit hook)
log('memory');
const memory = (results.memory = {});
function peakRss(label, args) {
  if (TIME_BIN) {
    const r = runOnce(process.execPath, args, { timeoutS: 300 });
    return r.status === 'ok' ? r.rssKiB : undefined;
  }
  const f = join(OUT, 'rss.txt');
  rmSync(f, { force: true });
  const r = runOnce(process.execPath, ['-r', join(BENCH, 'lib', 'maxrss.cjs'), ...args], { timeoutS: 300, env: { FENGONG_BENCH_RSS: f } });
  if (r.status !== 'ok' || !existsSync(f)) return undefined;
  return Math.max(...readFileSync(f, 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[1])));
}
if (!runs('main')) Object.assign(memory, PREV.memory);
else {
memory['node -e 0'] = peakRss('node -e 0', ['-e', '0']);
memory['bracket scan 10 MB'] = peakRss('scan', [join(BENCH, 'lib', 'scan.cjs'), inputs['10mb'].path]);
}
if (dist.cli && runs('main')) {
  memory['fengong check 10 MB'] = peakRss('check 10mb', [dist.cli, 'check', '--format', 'json', inputs['10mb'].path]);
  memory['fengong check 1,000 × 10 KB'] = peakRss('check folder', [dist.cli, 'check', '--format', 'json', inputs.folder.path]);
}
for (const [k, v] of Object.entries(memory)) log(`  ${k}: ${v ? `${(v / 1024).toFixed(0)} MB` : 'n/a'}`);

// shapes: each shape doubled from 1 MB to 32 MB, one run per cell (the larger ones take tens of
// seconds), CPU time and peak RSS per input byte; `check` and `table` in every format (issue 18)
const SHAPE_SIZES = (argv.find((a) => a.startsWith('--shape-sizes='))?.slice(14).split(',').map(Number)) ?? (QUICK ? [1, 2] : SHAPE_SIZES_MB);
const SHAPE_OPS = argv.find((a) => a.startsWith('--shape-ops='))?.slice(12).split(',') ?? ['check', 'md', 'csv', 'json', 'xlsx', 'docx'];
const SHAPE_SLOW_S = Number(argv.find((a) => a.startsWith('--shape-slow='))?.slice(13) ?? 150);
const shapes = (results.shapes = { sizesMB: SHAPE_SIZES, ops: SHAPE_OPS, slowS: SHAPE_SLOW_S, rows: {} });
// a piece of a long run: the last run's rows, this run's cells over theirs
if (ONLY) for (const [k, row] of Object.entries(PREV.shapes?.rows ?? {})) shapes.rows[k] = { ...row, cells: { ...row.cells } };
const cellRun = { date: results.machine.date, commit: results.machine.commit };
if (dist.cli && runs('shapes')) {
  log('shapes (whole process, one run per cell)');
  const only = argv.find((a) => a.startsWith('--shapes='))?.slice(9).split(',');
  for (const shape of Object.keys(SHAPES).filter((k) => !only || only.includes(k))) {
    for (const op of SHAPE_OPS) {
      const row = (shapes.rows[`${shape} ${op}`] ??= { shape, op, cells: {} });
      let stop;
      for (const mb of SHAPE_SIZES) {
        if (stop) { row.cells[mb] = { status: 'skipped', why: stop }; continue; }
        const file = shapeFile(INPUTS, shape, mb);
        const bytes = statSync(file).size;
        const args = op === 'check' ? [dist.cli, 'check', '--format', 'json', file] : [dist.cli, 'table', file, '--format', op, '-o', join(OUT, `shape.${op}`)];
        const r = runOnce(process.execPath, args, { timeoutS: SHAPE_SLOW_S * 4 });
        row.cells[mb] = { status: r.status, why: r.why, bytes, wall: r.wall, cpu: r.cpu, rssKiB: r.rssKiB, ...cellRun, load: +loadavg()[0].toFixed(2) };
        log(`  ${shape} ${op} ${mb} MB: ${r.status === 'ok' ? `${fmtS(r.wall)}, CPU ${r.cpu !== undefined ? fmtS(r.cpu) : '?'}, ${r.rssKiB ? (r.rssKiB * 1024 / bytes).toFixed(1) : '?'} B RSS/B` : `${r.status} ${r.why ?? ''}`}`);
        if (r.status !== 'ok') stop = `${r.status} at ${mb} MB`;
        else if (r.wall > SHAPE_SLOW_S * 1000) stop = `>${SHAPE_SLOW_S} s at ${mb} MB`;
      }
    }
  }
}

// language server, measured by bench/lsp-latency.mjs when it exists (its last stdout line is JSON)
const lspScript = join(BENCH, 'lsp-latency.mjs');
if (!runs('lsp')) results.lsp = PREV.lsp;
else if (existsSync(lspScript) && !QUICK) {
  log('language server (bench/lsp-latency.mjs)');
  const r = spawnSync(process.execPath, [lspScript, '--json', '--plan', manifest.files.plan10k, '--big', inputs['10mb'].path], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL', maxBuffer: 64 * MB,
  });
  const last = (r.stdout ?? '').trim().split('\n').reverse().find((l) => l.trim().startsWith('{'));
  try { results.lsp = { status: 'ok', ...JSON.parse(last) }; } catch {
    results.lsp = { status: r.error?.code === 'ETIMEDOUT' ? 'timeout' : 'error', why: `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ').slice(0, 300)}` };
  }
  log(`  ${JSON.stringify(results.lsp).slice(0, 400)}`);
}

// drafting (issue 19): completion and references on the 10,000-line plan in a 200-plan workspace
const draftingScript = join(BENCH, 'lsp-drafting.mjs');
if (!runs('lsp')) results.drafting = PREV.drafting;
else if (existsSync(draftingScript) && !QUICK) {
  log('language server, drafting (bench/lsp-drafting.mjs)');
  const r = spawnSync(process.execPath, [draftingScript, '--json', '--plan', manifest.files.plan10k], {
    cwd: ROOT, encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL', maxBuffer: 64 * MB,
  });
  const last = (r.stdout ?? '').trim().split('\n').reverse().find((l) => l.trim().startsWith('{'));
  try { results.drafting = { status: 'ok', ...JSON.parse(last) }; } catch {
    results.drafting = { status: r.error?.code === 'ETIMEDOUT' ? 'timeout' : 'error', why: `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' | ').slice(0, 300)}` };
  }
  log(`  ${JSON.stringify(results.drafting).slice(0, 400)}`);
}

// a --fix killed at random while it rewrites a hard-linked plan in place (issue 16)
const killScript = join(BENCH, 'kill-fix.mjs');
if (!runs('lsp')) results.killFix = PREV.killFix;
else if (existsSync(killScript) && !QUICK) {
  log('--fix killed mid-write (bench/kill-fix.mjs)');
  const r = spawnSync(process.execPath, [killScript, '--json', '--tries=8', '--lines=10000'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, killSignal: 'SIGKILL' });
  const last = (r.stdout ?? '').trim().split('\n').reverse().find((l) => l.trim().startsWith('{'));
  try { results.killFix = { status: 'ok', ...JSON.parse(last) }; } catch {
    results.killFix = { status: r.error?.code === 'ETIMEDOUT' ? 'timeout' : 'error', why: `exit ${r.status}: ${(r.stderr ?? '').trim().slice(-300)}` };
  }
  log(`  ${JSON.stringify(results.killFix).slice(0, 400)}`);
}

results.machine.loadavgEnd = loadavg().map((x) => +x.toFixed(2));
results.elapsedS = +((nowMs() - started) / 1000).toFixed(1);
// where each part comes from: this run, or (--only) the run it was taken from
const thisRun = { command: `node bench/run.mjs ${argv.join(' ')}`.trim(), date: results.machine.date, commit: results.machine.commit, load: [results.machine.loadavgStart[0], results.machine.loadavgEnd[0]], elapsedS: results.elapsedS };
const prevRun = PREV && { command: 'node bench/run.mjs', date: PREV.machine.date, commit: PREV.machine.commit, load: [PREV.machine.loadavgStart[0], PREV.machine.loadavgEnd[0]], elapsedS: PREV.elapsedS };
results.parts = Object.fromEntries(PARTS.map((p) => [p, runs(p) ? thisRun : PREV.parts?.[p] ?? prevRun]));
// rows in the order of the shapes and the commands, whichever piece ran them
const OP_ORDER = ['check', 'md', 'csv', 'json', 'xlsx', 'docx'];
const rank = (r) => Object.keys(SHAPES).indexOf(r.shape) * 10 + OP_ORDER.indexOf(r.op);
shapes.rows = results.shapes.rows = Object.fromEntries(Object.entries(shapes.rows).sort(([, a], [, b]) => rank(a) - rank(b)));
/** every shape size any row has a cell for (pieces may have run different sizes) */
const ALL_SIZES = [...new Set([...(runs('shapes') ? SHAPE_SIZES : []), ...Object.values(shapes.rows).flatMap((r) => Object.keys(r.cells).map(Number))])].sort((a, b) => a - b);
results.shapes.sizesMB = ALL_SIZES;

// ---------------------------------------------------------------------------------------------
// Targets (issue 5)

const targets = (results.targets = []);
const ok = (m) => m && m.status === 'ok';
function target(name, value, limit, pass, note) {
  targets.push({ name, value, limit, result: value === undefined ? 'n/a' : pass ? 'PASS' : 'MISS', note });
}
const fe = ok(inproc.fengong) ? inproc.fengong.inputs : undefined;
const lint1 = fe?.['1mb']?.lint;
target('1 MB: whole rule set, lint() text → diagnostics, in-process', lint1 && fmtMs(lint1.median), '≤ 50 ms', lint1 && lint1.median <= 50,
  lint1 && `CPU ${fmtMs(lint1.cpuMedian)}; ${(lint1.median / 50).toFixed(1)}× the limit`);
target('1 MB: rules phase only (lint − parse), in-process', lint1?.phases && fmtMs(lint1.phases.rules), '≤ 50 ms', lint1?.phases && lint1.phases.rules <= 50);
const chk = whole['fengong check'];
const cpuNote = (x) => (x?.cpuMedian !== undefined ? `CPU ${fmtS(x.cpuMedian)}` : undefined);
target('1 MB: fengong check, whole process', ok(chk['1mb']) ? fmtS(chk['1mb'].median) : undefined, '≤ 0.3 s', ok(chk['1mb']) && chk['1mb'].median <= 300, cpuNote(chk['1mb']));
const tl1 = whole.textlint?.['1mb'];
if (ok(chk['1mb']) && ok(tl1)) {
  const x = tl1.median / chk['1mb'].median;
  target('1 MB: speed-up over textlint, whole process', fmtRatio(x), '≥ 100×', x >= 100);
} else target('1 MB: speed-up over textlint, whole process', undefined, '≥ 100×', false, tl1 ? `textlint ${tl1.status}` : 'textlint not run');
const sc10 = whole['bracket scan']['10mb'];
if (ok(chk['10mb']) && ok(sc10)) {
  const x = chk['10mb'].median / sc10.median;
  target('10 MB: fengong check vs raw bracket scan, whole process', `${fmtS(chk['10mb'].median)} = ${fmtRatio(x)} scan`, '≤ 8× scan', x <= 8,
    chk['10mb'].cpuMedian && sc10.cpuMedian ? `CPU ${fmtS(chk['10mb'].cpuMedian)} = ${fmtRatio(chk['10mb'].cpuMedian / sc10.cpuMedian)} scan’s CPU` : undefined);
} else target('10 MB: fengong check vs raw bracket scan, whole process', undefined, '≤ 8× scan', false);
if (fe && ['50kb', '1mb', '10mb'].every((k) => fe[k]?.lint)) {
  // linear: the cost per MB must not grow with size (fixed costs may make small inputs dearer per MB)
  const perMB = Object.fromEntries(['50kb', '1mb', '10mb'].map((k) => [k, fe[k].lint.median / (inputs[k].bytes / MB)]));
  const growth = Math.max(perMB['1mb'] / perMB['50kb'], perMB['10mb'] / perMB['1mb']);
  target('linear 50 KB → 1 MB → 10 MB: growth of lint() ms per MB, in-process',
    `${fmtRatio(growth)} (ms per MB: ${['50kb', '1mb', '10mb'].map((k) => perMB[k].toFixed(0)).join(' / ')})`, '≤ 1.25×', growth <= 1.25);
}
target('1,000 files × 10 KB in one fengong check, whole process', ok(chk.folder) ? fmtS(chk.folder.median) : undefined, '≤ 1.5 s', ok(chk.folder) && chk.folder.median <= 1500, cpuNote(chk.folder));
const rss10 = memory['fengong check 10 MB'];
target('memory: peak RSS of fengong check on 10 MB', rss10 && `${(rss10 / 1024).toFixed(0)} MB`, '(no limit; reported)', true);
targets[targets.length - 1].result = rss10 ? 'INFO' : 'n/a';
if (results.lsp?.status === 'ok') {
  // bench/lsp-latency.mjs may report its own verdicts as targets: [{ name, value, limit, pass }]
  for (const t of results.lsp.targets ?? []) target(`server: ${t.name}`, String(t.value), String(t.limit), !!t.pass, t.note);
} else if (existsSync(lspScript) && !QUICK) target('server targets (bench/lsp-latency.mjs)', undefined, '', false, results.lsp?.why);
else target('server targets (bench/lsp-latency.mjs)', undefined, '', false, QUICK ? 'not run with --quick' : 'bench/lsp-latency.mjs not present');
for (const t of results.killFix?.status === 'ok' ? results.killFix.targets ?? [] : []) target(t.name, String(t.value), String(t.limit), !!t.pass);
for (const t of results.drafting?.status === 'ok' ? results.drafting.targets ?? [] : []) target(`server: ${t.name}`, String(t.value), String(t.limit), !!t.pass, t.note);

// shapes: doubling ratios of CPU time (steadier than wall time on a shared machine) and RSS per byte
const shapeSummary = {};
for (const [key, row] of Object.entries(shapes.rows)) {
  const done = ALL_SIZES.filter((mb) => row.cells[mb]?.status === 'ok' && row.cells[mb].cpu !== undefined);
  let doubling;
  for (let i = 1; i < done.length; i++) {
    const a = row.cells[done[i - 1]]; const b = row.cells[done[i]];
    const x = (b.cpu / a.cpu) ** (1 / Math.log2(done[i] / done[i - 1]));
    doubling = Math.max(doubling ?? 0, x);
  }
  const last = done.length ? row.cells[done[done.length - 1]] : undefined;
  // what each further byte costs: the RSS slope between the two largest sizes (node's own ~40 MB excluded)
  const prev = done.length > 1 ? row.cells[done[done.length - 2]] : undefined;
  const marginal = prev?.rssKiB && last?.rssKiB ? ((last.rssKiB - prev.rssKiB) * 1024) / (last.bytes - prev.bytes) : undefined;
  shapeSummary[key] = { doubling, largestMB: done[done.length - 1], rssPerByte: last?.rssKiB ? (last.rssKiB * 1024) / last.bytes : undefined, marginal };
}
results.shapes.summary = shapeSummary;

// Targets (issue 18), each ✓ or ✗ as measured in this run
const targets18 = (results.targets18 = []);
const t18 = (name, value, limit, pass) => targets18.push({ name, value, limit, result: value === undefined ? 'not measured' : pass ? '✓' : '✗' });
{
  const c1 = chk['1mb']; const e0 = whole['node -e 0']?.['1mb'];
  t18('1 MB: fengong check ÷ `node -e 0`, whole process', ok(c1) && ok(e0) ? `${fmtS(c1.median)} = ${fmtRatio(c1.median / e0.median)}` : undefined, '≤ 3.5×', ok(c1) && ok(e0) && c1.median / e0.median <= 3.5);
  t18('1 MB: lint(), in-process', lint1 && `${fmtMs(lint1.median)} (CPU ${fmtMs(lint1.cpuMedian)})`, '≤ 30 ms', lint1 && lint1.median <= 30);
  const sc1 = ok(inproc.scan) ? inproc.scan.inputs['1mb']?.lint : undefined;
  t18('1 MB: lint() ÷ raw bracket scan, in-process (aim)', lint1 && sc1 ? fmtRatio(lint1.median / sc1.median) : undefined, '≤ 10×', lint1 && sc1 && lint1.median / sc1.median <= 10);
  t18('1,000 × 10 KB: fengong check, whole process', ok(chk.folder) ? `${fmtS(chk.folder.median)}${chk.folder.cpuMedian !== undefined ? ` (CPU ${fmtS(chk.folder.cpuMedian)})` : ''}` : undefined, '≤ 1.2 s', ok(chk.folder) && chk.folder.median <= 1200);
  const tl = whole.textlint?.['1mb'];
  t18('1 MB: speed-up over textlint, whole process', ok(c1) && ok(tl) ? fmtRatio(tl.median / c1.median) : undefined, '≥ 150×', ok(c1) && ok(tl) && tl.median / c1.median >= 150);
  for (const [key, row] of Object.entries(shapes.rows ?? {})) {
    const sm = results.shapes.summary?.[key];
    if (!sm) continue;
    const label = `${row.shape} · ${row.op === 'check' ? 'check' : `table ${row.op}`}`;
    t18(`${label}: CPU time per doubling (${ALL_SIZES[0]}–${sm.largestMB ?? '?'} MB)`, sm.doubling !== undefined ? fmtRatio(sm.doubling) : undefined, '≤ 2.3×', sm.doubling !== undefined && sm.doubling <= 2.3);
    t18(`${label}: peak RSS per input byte at ${sm.largestMB ?? '?'} MB`, sm.rssPerByte !== undefined ? sm.rssPerByte.toFixed(1) : undefined, '≤ 20', sm.rssPerByte !== undefined && sm.rssPerByte <= 20);
  }
  const L = results.lsp?.status === 'ok' ? results.lsp : undefined;
  t18('server: keystroke → diagnostics, 10,000-line plan, p95', L?.keystroke ? `${L.keystroke.p95} ms` : undefined, '≤ 16 ms', L?.keystroke && L.keystroke.p95 <= 16);
  t18('server: keystroke → diagnostics, 60 KB plan, p95', L?.keystroke60KB ? `${L.keystroke60KB.p95} ms (median ${L.keystroke60KB.median} ms)` : undefined, '≤ 16 ms (the issue measured 29 ms)', L?.keystroke60KB && L.keystroke60KB.p95 <= 16);
  // after 5 keystrokes in it (bench/lsp-latency.mjs), the highest RSS sampled meanwhile beside it
  t18('server: RSS with a 10 MB plan open and edited', L?.rssMB10MBEdited !== undefined ? `${L.rssMB10MBEdited} MB (open ${L.rssMB10MB} MB, peak ${L.rssMB10MBPeak} MB)` : undefined, '≤ 150 MB', L?.rssMB10MBEdited !== undefined && L.rssMB10MBEdited <= 150);
}

// ---------------------------------------------------------------------------------------------
// Report

const md = [];
const m = results.machine;
md.push(`## Benchmark results${QUICK ? ' (quick run: fewer repeats)' : FEW ? ' (--few: fewer repeats on a busy machine)' : ''}`, '');
md.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; ${m.date.slice(0, 16).replace('T', ' ')} UTC` +
  `${m.commit ? `, commit ${m.commit}` : ''}; load average ${m.loadavgStart[0]} at start, ${m.loadavgEnd[0]} at end; run took ${results.elapsedS} s.`);
if (Math.max(m.loadavgStart[0], m.loadavgEnd[0]) > m.cores * 0.75) md.push('', `**Warning:** the machine was busy (load ≥ ${(m.cores * 0.75).toFixed(1)}): wall times are inflated; CPU times are in results.json.`);
if (dist.stale) md.push('', '**Warning:** dist/ is older than server/src (run `npm run bench -- --build`).');
const PART_LABEL = { main: 'whole process, in-process, peers and memory', shapes: 'shapes', lsp: 'language server' };
const runText = (r) => `\`${r.command}\` at ${r.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit ?? '?'}, load ${r.load.join('–')}`;
if (ONLY) md.push('', `This report joins runs (\`--only\`): ${PARTS.map((p) => `${PART_LABEL[p]} from ${runText(results.parts[p])}`).join('; ')}.`);
md.push('', `Inputs (bench/lib/inputs.mjs, in bench/.inputs/): the ${manifest.documents.length} corpus plans of ${relative(ROOT, manifest.corpus)} (${manifest.documents[0]} … ${manifest.documents[manifest.documents.length - 1]}) concatenated and repeated, cut at line ends: ` +
  INPUT_KEYS.map((k) => `${LABEL[k]} = ${inputs[k].bytes.toLocaleString('en')} bytes`).join(', ') + '. MB = 2^20 bytes.');
if (peers.ok) md.push('', `Peers (pinned, bench/peers.json): ${Object.entries(peers.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);

md.push('', '### Whole process (median wall time, spawn to exit)', '');
const wholeRows = [];
const order = ['node -e 0', 'bracket scan', 'fengong check', 'markdownlint', 'zhlint', 'textlint'];
for (const s of order) {
  if (!whole[s]) continue;
  wholeRows.push([s === 'bracket scan' ? 'bracket scan (floor)' : s === 'node -e 0' ? '`node -e 0` (floor)' : s === 'fengong check' ? '**fengong check**' : PEER_LABEL[s],
    ...INPUT_KEYS.map((k) => cellWhole(whole[s][k]))]);
}
wholeRows.splice(wholeRows.findIndex((r) => r[0] === '**fengong check**') + 1, 0,
  ['fengong check, CPU time (user + sys)', ...INPUT_KEYS.map((k) => (ok(chk[k]) && chk[k].cpuMedian !== undefined ? fmtS(chk[k].cpuMedian) : '—'))]);
md.push(table(['subject', ...INPUT_KEYS.map((k) => LABEL[k])], wholeRows));
md.push('', 'Problems reported (first run): ' + order.filter((s) => whole[s] && s !== 'node -e 0').map((s) =>
  `${s} ${INPUT_KEYS.map((k) => whole[s][k]?.problems ?? '–').join('/')}`).join('; ') + ` (${INPUT_KEYS.map((k) => LABEL[k]).join('/')}).`);

if (ok(chk['1mb'])) {
  md.push('', '### Peers relative to fengong check (whole process, their time ÷ fengong’s)', '');
  const rows = [];
  for (const s of ['markdownlint', 'zhlint', 'textlint']) {
    if (!whole[s]) continue;
    rows.push([PEER_LABEL[s], ...INPUT_KEYS.map((k) => {
      const a = whole[s][k]; const b = chk[k];
      if (ok(a) && ok(b)) return fmtRatio(a.median / b.median);
      if (a?.status === 'timeout' && ok(b)) return `> ${fmtRatio((PEER_TIMEOUT_S * 1000) / b.median)}`;
      return '—';
    })]);
  }
  md.push(table(['peer', ...INPUT_KEYS.map((k) => LABEL[k])], rows));
}

md.push('', '### In-process (median per run after warm-up; MB/s)', '');
const ipRows = [];
const ipCell = (r, op, k) => {
  const x = r?.status === 'ok' ? r.inputs[k]?.[op] : undefined;
  if (!x) return r && r.status !== 'ok' ? r.status : '—';
  return `${fmtMs(x.median)} (${mbps(inputs[k].bytes, x.median).toFixed(1)} MB/s)`;
};
ipRows.push(['**fengong lint()**', ...INPUT_KEYS.map((k) => ipCell(inproc.fengong, 'lint', k))]);
ipRows.push(['fengong lint(), CPU time', ...INPUT_KEYS.map((k) => { const x = fe?.[k]?.lint; return x ? fmtMs(x.cpuMedian) : '—'; })]);
ipRows.push(['fengong parsePlan()', ...INPUT_KEYS.map((k) => ipCell(inproc.fengong, 'parsePlan', k))]);
ipRows.push(['bracket scan (floor)', ...INPUT_KEYS.map((k) => ipCell(inproc.scan, 'lint', k))]);
for (const s of ['markdownlint', 'zhlint', 'textlint']) if (inproc[s]) ipRows.push([`${PEER_LABEL[s].replace(' (script)', '')} API`, ...INPUT_KEYS.map((k) => ipCell(inproc[s], 'lint', k))]);
md.push(table(['subject', ...INPUT_KEYS.map((k) => LABEL[k])], ipRows));
md.push('', 'The 1,000 × 10 KB column is one call per file, summed. CPU time can exceed wall time: V8 collects garbage on a helper thread.');

if (fe) {
  md.push('', '### fengong phases, in-process (median ms)', '');
  md.push('Phases come from separate timed calls, so on a busy machine the fastest run of each is used: lex = Chevrotain lexer; ' +
    'parse = line parser (parseLines − lex); model = parsePlan − parseLines; rules = median of the engine’s own timing hook (lint − parse). ' +
    'A phase whose difference falls below zero under noise shows as ~0.', '');
  const rows = INPUT_KEYS.map((k) => {
    const r = fe[k];
    const ph = ok(inproc.fengongPhases) ? inproc.fengongPhases.inputs[k] : {};
    const lex = ph?.lex?.min; const pl = ph?.parseLines?.min; const pp = r.parsePlan?.min; const rules = r.lint?.phases?.rules;
    const f = (x) => (x === undefined || !Number.isFinite(x) ? '—' : x <= 0 ? '~0' : fmtMs(x));
    return [LABEL[k], f(lex), f(pl !== undefined && lex !== undefined ? pl - lex : undefined), f(pp !== undefined && pl !== undefined ? pp - pl : undefined), f(rules), f(r.lint?.median)];
  });
  md.push(table(['input', 'lex', 'parse', 'model', 'rules', 'lint() total (median)'], rows));
}

if (results.lsp?.status === 'ok') {
  if (results.lsp.rssMB10kLines) memory['language server, 10,000-line plan open (RSS)'] = results.lsp.rssMB10kLines * 1024;
  if (results.lsp.rssMB10MB) memory['language server, 10 MB plan open too (RSS)'] = results.lsp.rssMB10MB * 1024;
  if (results.lsp.rssMB10MBEdited) memory['language server, 10 MB plan open and edited (RSS)'] = results.lsp.rssMB10MBEdited * 1024;
  if (results.lsp.rssMB10MBPeak) memory['language server, 10 MB plan opened and edited (peak RSS sampled)'] = results.lsp.rssMB10MBPeak * 1024;
}
md.push('', '### Memory (peak RSS)', '');
md.push(table(['process', 'peak RSS'], Object.entries(memory).map(([k, v]) => [k, v ? `${(v / 1024).toFixed(0)} MB` : 'n/a'])));

if (results.lsp?.status === 'ok') {
  md.push('', '### Language server (bench/lsp-latency.mjs)', '');
  const rows = [];
  const walk = (o, pre) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'targets' || k === 'status') continue;
      if (v && typeof v === 'object' && 'median' in v) rows.push([`${pre}${k}`, `median ${v.median} ms, p95 ${v.p95 ?? '—'} ms, max ${v.max ?? '—'} ms (n=${v.n ?? '?'})`]);
      else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, `${pre}${k}.`);
      else if (typeof v === 'number' || typeof v === 'string') rows.push([`${pre}${k}`, String(typeof v === 'number' ? +v.toFixed(2) : v)]);
    }
  };
  walk(results.lsp, '');
  md.push(table(['measure', 'value'], rows));
}

if (Object.keys(shapes.rows).length) {
  md.push('', '### Shapes: CPU time and peak RSS from 1 MB up, one run per cell', '');
  md.push(Object.entries(SHAPES).map(([k, v]) => `\`${k}\`: ${v.label}`).join('; ') + '. Cells: CPU time (user + sys) · peak RSS. ' +
    '“per doubling”: the largest ratio of CPU time between successive sizes (per doubling); “RSS/byte”: peak RSS ÷ input bytes at the largest size run.', '');
  const rows = Object.entries(shapes.rows).map(([key, row]) => {
    const sm = shapeSummary[key];
    return [`${row.shape} · ${row.op === 'check' ? 'check' : `table ${row.op}`}`, ...ALL_SIZES.map((mb) => {
      const c = row.cells[mb];
      if (!c) return '—';
      if (c.status !== 'ok') return c.status === 'skipped' ? 'skipped' : c.status;
      return `${c.cpu !== undefined ? fmtS(c.cpu) : fmtS(c.wall)} · ${c.rssKiB ? `${(c.rssKiB / 1024).toFixed(0)} MB` : '?'}`;
    }), sm.doubling !== undefined ? fmtRatio(sm.doubling) : '—', sm.rssPerByte !== undefined ? `${sm.rssPerByte.toFixed(1)} (${sm.largestMB} MB)${sm.marginal !== undefined ? `; +${sm.marginal.toFixed(0)} per added byte` : ''}` : '—'];
  });
  md.push(table(['shape · command', ...ALL_SIZES.map((mb) => `${mb} MB`), 'per doubling', 'RSS/byte'], rows));
  md.push('', `Cells measured: ${shapeRuns().join('; ')}.`);
}

md.push('', '### Targets (issue 18)', '');
md.push(table(['target', 'measured', 'limit', 'result'], targets18.map((t) => [t.name, t.value ?? '—', t.limit, t.result])));

md.push('', '### Targets (issue 5)', '');
md.push(table(['target', 'measured', 'limit', 'result'], targets.map((t) => [t.name, t.value ?? '—', t.limit, `${t.result}${t.note ? ` (${t.note})` : ''}`])));
md.push('', `Method: whole-process cells are medians of N runs (N from ${WHOLE.minRuns} to ${WHOLE.maxRuns}, to fill ~${WHOLE.budgetMs / 1000} s; a first run under 2 s is a discarded warm-up; a cell whose first run takes over ${SLOW_RUN_S} s, or ${SLOW_PEER_RUN_S} s for a peer, is run once, marked n=1), timed from spawn to exit with stdout to a file; peers time out after ${PEER_TIMEOUT_S} s and skip 10 MB when slower than ${SLOW_1MB_S} s at 1 MB or when 10× their 1 MB time passes the timeout. In-process cells run in a fresh Node per subject, after warm-up, with a forced young-generation GC before each run (a full one deoptimised the code under test: bench/lib/inproc.mjs) (N from ${INPROC.minRuns} to ${INPROC.maxRuns}). Source: bench/run.mjs; raw numbers: bench/results.json.`);

/** the runs the shape cells come from: commit, date, load range and how many cells */
function shapeRuns() {
  const by = new Map();
  for (const row of Object.values(shapes.rows)) {
    for (const c0 of Object.values(row.cells)) {
      // cells of a run before cells carried their run: that run's
      const c = c0.date ? c0 : { ...c0, date: PREV?.machine.date ?? m.date, commit: PREV?.machine.commit ?? m.commit };
      const k = `commit ${c.commit ?? '?'} on ${c.date.slice(0, 10)}`;
      const e = by.get(k) ?? { n: 0, from: c.date, to: c.date, lo: Infinity, hi: 0 };
      e.n++; e.from = c.date < e.from ? c.date : e.from; e.to = c.date > e.to ? c.date : e.to;
      if (c.load !== undefined) { e.lo = Math.min(e.lo, c.load); e.hi = Math.max(e.hi, c.load); }
      by.set(k, e);
    }
  }
  return [...by].map(([k, e]) => `${e.n} cells at ${k} ${e.from.slice(11, 16)}–${e.to.slice(11, 16)} UTC${e.hi ? `, load ${e.lo}–${e.hi}` : ''}`);
}

// README's 性能 section, between <!-- bench:start --> and <!-- bench:end -->, from this same run
function readmeBlock() {
  const L = [];
  const load = `${m.loadavgStart[0]}–${m.loadavgEnd[0]}`;
  L.push(`机器：${m.cpu.split(' ').slice(0, 2).join(' ')} ${m.cores} 核、${m.memoryGiB} GiB、Node ${m.node.slice(1)}，${m.date.slice(0, 10)}，负载 ${load}（${m.cores} 核机器上负载高于 ${m.cores} 时各项时间偏大）；完整结果与方法见 [bench/RESULTS.md](bench/RESULTS.md)。`);
  L.push(`Machine: ${m.cpu.split(' ').slice(0, 2).join(' ')}, ${m.cores} cores, Node ${m.node.slice(1)}, ${m.date.slice(0, 10)}, load average ${load} (above ${m.cores} every time is inflated); full results and method in bench/RESULTS.md.`);
  L.push('', `输入 / inputs：${manifest.documents.length} 份语料计划首尾相接重复，按行截断（bench/lib/inputs.mjs）；另有五种形状各 ${ALL_SIZES.join('、')} MB（bench/lib/shapes.mjs）。`);
  if (ONLY) L.push(`分几次运行 / measured in pieces (\`--only\`)：${PARTS.map((p) => `${PART_LABEL[p]} ${results.parts[p].date.slice(0, 16).replace('T', ' ')} UTC（commit ${results.parts[p].commit ?? '?'}，负载 load ${results.parts[p].load.join('–')}）`).join('；')}。`);
  L.push('', '整个进程（从启动到退出，中位数）/ whole process, median wall time:', '');
  const rowsR = [];
  const name = { 'node -e 0': '`node -e 0`（基线 floor）', 'bracket scan': '手写括号扫描（基线 raw bracket scan）', 'fengong check': '**fengong check**' };
  for (const s2 of order) if (whole[s2]) rowsR.push([name[s2] ?? PEER_LABEL[s2], ...INPUT_KEYS.map((k) => cellWhole(whole[s2][k]))]);
  L.push(table(['', ...INPUT_KEYS.map((k) => LABEL[k])], rowsR).replace('|---|', '|---|'));
  const l1 = fe?.['1mb']; const l10 = fe?.['10mb'];
  if (l1?.lint) {
    const ph = ok(inproc.fengongPhases) ? inproc.fengongPhases.inputs['1mb'] : {};
    const lex = ph?.lex?.min; const pl = ph?.parseLines?.min; const pp = l1.parsePlan?.min;
    const f = (x) => (x === undefined || !Number.isFinite(x) ? '—' : x <= 0 ? '~0' : fmtMs(x));
    L.push('', `进程内 / in-process \`lint()\`：1 MB ${fmtMs(l1.lint.median)}${l10?.lint ? `，10 MB ${fmtMs(l10.lint.median)}` : ''}；1 MB 上各阶段（各自最快一次）：词法 lex ${f(lex)}、语法 parse ${f(pl !== undefined && lex !== undefined ? pl - lex : undefined)}、模型 model ${f(pp !== undefined && pl !== undefined ? pp - pl : undefined)}、规则 rules ${f(l1.lint.phases?.rules)}。`);
  }
  const Ls = results.lsp?.status === 'ok' ? results.lsp : undefined;
  if (Ls?.keystroke) L.push(`语言服务器 / language server（10,000 行计划）：按键到新诊断中位数 ${Ls.keystroke.median} ms（p95 ${Ls.keystroke.p95} ms）${Ls.keystroke60KB ? `，60 KB 计划 ${Ls.keystroke60KB.median} ms（p95 ${Ls.keystroke60KB.p95} ms）` : ''}${Ls.outline ? `，大纲 ${Ls.outline.median} ms` : ''}${Ls.hover ? `，悬停 ${Ls.hover.median} ms` : ''}。`);
  L.push('', '| 目标 target (issue 18) | 实测 measured | 结果 |', '|---|---:|---|');
  const res = (r) => (r === 'not measured' ? '未测 not measured' : r);
  for (const t of targets18.filter((x) => !x.name.includes(' · '))) L.push(`| ${t.name}（${t.limit}） | ${t.value ?? '—'} | ${res(t.result)} |`);
  // the shapes, one row each: the worst of check and the table formats
  for (const shape of Object.keys(SHAPES)) {
    const rows = Object.entries(shapes.rows).filter(([, r]) => r.shape === shape).map(([k, r]) => ({ op: r.op, ...shapeSummary[k] }));
    if (!rows.length) continue;
    const d = rows.filter((r) => r.doubling !== undefined); const b = rows.filter((r) => r.rssPerByte !== undefined);
    const wd = d.length ? d.reduce((a, r) => (r.doubling > a.doubling ? r : a)) : undefined;
    const wb = b.length ? b.reduce((a, r) => (r.rssPerByte > a.rssPerByte ? r : a)) : undefined;
    const pass = wd && wb && wd.doubling <= 2.3 && wb.rssPerByte <= 20;
    L.push(`| \`${shape}\`：${rows.map((r) => r.op).join('/')}，每翻倍 CPU 时间 ≤ 2.3×、峰值内存 ≤ 20 字节/输入字节 per doubling, RSS per byte | ${wd ? `${fmtRatio(wd.doubling)}（${wd.op}）` : '—'}；${wb ? `${wb.rssPerByte.toFixed(0)} B/B（${wb.op}，${wb.largestMB} MB）` : '—'} | ${wd && wb ? (pass ? '✓' : '✗') : '未测 not measured'} |`);
  }
  return L.join('\n');
}
if (QUICK) writeFileSync(join(INPUTS, 'README-block.md'), readmeBlock() + '\n'); // a quick run only shows what it would write
else {
  const readmePath = join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = readme.replace(/(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/, (_, a, b) => a + readmeBlock() + b);
  if (next !== readme) { writeFileSync(readmePath, next); log('updated README.md between <!-- bench:start --> and <!-- bench:end -->'); }
}

const report = md.join('\n') + '\n';
process.stdout.write(`\n${report}`);
// a quick run is a smoke test: its numbers go to the ignored inputs folder, not over the real ones
const outDir = QUICK ? INPUTS : BENCH;
writeFileSync(join(outDir, 'RESULTS.md'), report);
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
log(`\nwrote ${relative(ROOT, join(outDir, 'RESULTS.md'))} and ${relative(ROOT, join(outDir, 'results.json'))} (${results.elapsedS} s)`);

// Language-server latency over stdio, as an editor sees it: a 10,000-line plan open in
// `fengong lsp --stdio`, single keystrokes (didChange → publishDiagnostics for that version) there
// and in a 60 KB plan (a real plan's size) open beside it, a typing burst (last keystroke → its diagnostics), outline and hover round trips, and the server's
// RSS with a 10 MB plan open. Prints median / p95; the last stdout line is JSON for bench/run.mjs.
//
// usage: node bench/lsp-latency.mjs [--plan FILE] [--small FILE] [--big FILE] [--keys N] [--json]
//   without --plan, a 10,000-line plan is built by repeating the corpus paragraphs; without --small,
//   the 60 KB plan is their first 60 KB of whole lines
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import proto from 'vscode-languageserver-protocol/node';
import { corpusPlan } from './lib/corpus-plan.mjs';
import { latencyStats, round1 } from './lib/stats.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = proto;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const JSON_OUT = argv.includes('--json');
const KEYS = Number(arg('--keys', 60));
const log = (...a) => { if (!JSON_OUT) console.log(...a); else console.error(...a); };

function serverCommand() {
  const cmd = [join(ROOT, 'dist/cli.cjs'), 'lsp', '--stdio'];
  if (!existsSync(cmd[0])) throw new Error(`${cmd[0]} is missing: run npm run build`);
  return cmd;
}

function corpusDir() {
  for (const d of [process.env.FENGONG_CORPUS, join(ROOT, 'test', 'corpus')]) if (d && existsSync(d)) return d;
  throw new Error('corpus not found: set FENGONG_CORPUS');
}

const buildPlan = (lines) => corpusPlan(corpusDir(), lines);
/** the whole lines of `t` that fit in `bytes` UTF-8 bytes */
function firstBytes(t, bytes) {
  let end = 0;
  for (let n = 0, at = t.indexOf('\n'); at >= 0; at = t.indexOf('\n', at + 1)) {
    n += Buffer.byteLength(t.slice(end, at + 1));
    if (n > bytes) break;
    end = at + 1;
  }
  return t.slice(0, end);
}
const round = round1;
const stats = latencyStats;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
  const [script, ...args] = serverCommand();
  const proc = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'pipe' });
  proc.stderr.on('data', (d) => process.stderr.write(d));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = [];
  const published = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    published.set(`${p.uri}@${p.version}`, { at, count: p.diagnostics.length });
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, locale: 'zh-cn',
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } }, workspace: { configuration: true } },
  });
  await conn.sendNotification('initialized', {});
  const diagnostics = async (uri, version, timeoutMs = 60_000) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = published.get(`${uri}@${version}`);
      if (hit) return hit;
      if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise((r) => { waiters.push(r); setTimeout(r, 500); });
    }
  };
  const rssMB = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch { return undefined; }
  };
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    await new Promise((r) => proc.once('exit', r));
    conn.dispose();
  };
  return { conn, diagnostics, rssMB, stop };
}

const planPath = arg('--plan');
const text = planPath ? readFileSync(planPath, 'utf8') : buildPlan(10_000);
const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
const uri = pathToFileURL(resolve(ROOT, '.cache', 'bench-plan-10000-lines.txt')).href; // never read from disk
log(`plan: ${lineCount.toLocaleString('en')} lines, ${Buffer.byteLength(text).toLocaleString('en')} bytes; server: fengong ${serverCommand().slice(1).join(' ')}`);

const s = await startServer();
let version = 1;
let t0 = performance.now();
await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'workplan', version, text } });
const first = await s.diagnostics(uri, version);
const openMs = first.at - t0;
log(`didOpen → first diagnostics: ${round(openMs)} ms (${first.count} diagnostics)`);

// a line in the middle whose content we can type into
const typingLine = (t) => {
  const ls = t.split('\n');
  let l = Math.floor(ls.length / 2);
  while (ls[l].trim().length < 4) l++;
  return { line: l, col: ls[l].length - ls[l].trimStart().length + 2 };
};
const { line, col } = typingLine(text);

/** single keystrokes after a pause (insert `（`, then delete it): didChange → its diagnostics */
async function keystrokes(docUri, at, n) {
  const times = [];
  for (let i = 0; i < n + 3; i++) {
    await sleep(150); // longer than the debounce: each keystroke is the first after a quiet spell
    version++;
    const change = i % 2 === 0
      ? { range: { start: { line: at.line, character: at.col }, end: { line: at.line, character: at.col } }, text: '（' }
      : { range: { start: { line: at.line, character: at.col }, end: { line: at.line, character: at.col + 1 } }, text: '' };
    const start = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: docUri, version }, contentChanges: [change] });
    const d = await s.diagnostics(docUri, version);
    if (i >= 3) times.push(d.at - start); // the first few warm the JIT
  }
  return times;
}
const single = await keystrokes(uri, { line, col }, KEYS);

// a typing burst: 20 keys 30 ms apart; time from the last key to diagnostics of the final version
const burst = [];
for (let b = 0; b < 10; b++) {
  await sleep(300);
  let last = 0;
  for (let k = 0; k < 20; k++) {
    version++;
    const change = k % 2 === 0
      ? { range: { start: { line, character: col }, end: { line, character: col } }, text: '一' }
      : { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: '' };
    last = performance.now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    if (k < 19) await sleep(30);
  }
  const d = await s.diagnostics(uri, version);
  burst.push(d.at - last);
}

// outline and hover round trips
const outline = [];
const hover = [];
for (let i = 0; i < 23; i++) {
  t0 = performance.now();
  await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  if (i >= 3) outline.push(performance.now() - t0);
  t0 = performance.now();
  await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: col - 1 } });
  if (i >= 3) hover.push(performance.now() - t0);
}
const rss10k = s.rssMB();

// a plan of a real plan's size, 60 KB (the corpus's paragraphs from the start), open beside it:
// the same keystrokes
const smallText = arg('--small') ? readFileSync(arg('--small'), 'utf8') : firstBytes(buildPlan(2_000), 60 * 1024);
const smallUri = pathToFileURL(resolve(ROOT, '.cache', 'bench-plan-60kb.txt')).href; // never read from disk
await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'workplan', version: ++version, text: smallText } });
await s.diagnostics(smallUri, version);
const small = await keystrokes(smallUri, typingLine(smallText), KEYS);

// memory with a 10 MB plan open, then edited as a writer would (the issue's target: open and
// edited): RSS read 0.5 s after the last diagnostics, and its highest value sampled every 50 ms
let rssBig;
let rssBigEdited;
let rssBigPeak = 0;
let bigOpenMs;
const bigPath = arg('--big');
if (bigPath) {
  const big = readFileSync(bigPath, 'utf8');
  const bigUri = pathToFileURL(resolve(ROOT, '.cache', 'bench-10mb.txt')).href;
  const sampler = setInterval(() => { rssBigPeak = Math.max(rssBigPeak, s.rssMB() ?? 0); }, 50);
  t0 = performance.now();
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'workplan', version: 1, text: big } });
  const d = await s.diagnostics(bigUri, 1, 120_000);
  bigOpenMs = d.at - t0;
  await sleep(500);
  rssBig = s.rssMB();
  // five keystrokes in the middle of the 10 MB plan, each answered before the next
  const bigLines = big.split('\n');
  let at = Math.floor(bigLines.length / 2);
  while (bigLines[at].trim().length < 4) at++;
  for (let v = 2; v <= 6; v++) {
    const change = v % 2 === 0
      ? { range: { start: { line: at, character: 2 }, end: { line: at, character: 2 } }, text: '（' }
      : { range: { start: { line: at, character: 2 }, end: { line: at, character: 3 } }, text: '' };
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: v }, contentChanges: [change] });
    await s.diagnostics(bigUri, v, 120_000);
  }
  await sleep(500);
  rssBigEdited = s.rssMB();
  clearInterval(sampler);
  log(`10 MB plan: didOpen → diagnostics ${round(bigOpenMs)} ms, server RSS ${rssBig?.toFixed(0)} MB open, ${rssBigEdited?.toFixed(0)} MB after 5 edits (peak ${rssBigPeak.toFixed(0)} MB)`);
}
await s.stop();

// the engine alone on the same text, in this process: how much of a keystroke is lint() itself
const { createRequire } = await import('node:module');
const engine = createRequire(import.meta.url)(join(ROOT, 'dist/engine.cjs'));
const lintRuns = [];
for (let i = 0; i < 13; i++) {
  t0 = performance.now();
  engine.lint(text);
  if (i >= 3) lintRuns.push(performance.now() - t0);
}

const result = {
  plan: { lines: lineCount, bytes: Buffer.byteLength(text) },
  openMs: round(openMs),
  keystroke: stats(single),
  keystroke60KB: { ...stats(small), bytes: Buffer.byteLength(smallText) },
  burstLastKey: stats(burst),
  outline: stats(outline),
  hover: stats(hover),
  rssMB10kLines: rss10k && round(rss10k),
  rssMB10MB: rssBig && round(rssBig),
  rssMB10MBEdited: rssBigEdited && round(rssBigEdited),
  rssMB10MBPeak: rssBigPeak ? round(rssBigPeak) : undefined,
  open10MBms: bigOpenMs && round(bigOpenMs),
  engineLintInProcess: stats(lintRuns),
};
result.targets = [
  { name: 'keystroke → new diagnostics, 10,000-line plan (median)', value: `${result.keystroke.median} ms (p95 ${result.keystroke.p95} ms)`, limit: '≤ 50 ms', pass: result.keystroke.median <= 50,
    note: `engine lint() alone ${result.engineLintInProcess.median} ms in-process` },
  { name: 'keystroke → new diagnostics, 60 KB plan (p95)', value: `${result.keystroke60KB.p95} ms (median ${result.keystroke60KB.median} ms)`, limit: '≤ 16 ms', pass: result.keystroke60KB.p95 <= 16 },
  { name: 'outline (documentSymbol), 10,000-line plan (median)', value: `${result.outline.median} ms`, limit: '≤ 20 ms', pass: result.outline.median <= 20 },
  { name: 'hover, 10,000-line plan (median)', value: `${result.hover.median} ms`, limit: '≤ 20 ms', pass: result.hover.median <= 20 },
];
if (rssBig !== undefined) result.targets.push({ name: 'server RSS with a 10 MB plan open', value: `${round(rssBig)} MB`, limit: '≤ 150 MB', pass: rssBig <= 150 });
if (rssBigEdited !== undefined) {
  result.targets.push({ name: 'server RSS with a 10 MB plan open and edited (5 keystrokes)', value: `${round(rssBigEdited)} MB (peak ${round(rssBigPeak)} MB)`, limit: '≤ 150 MB', pass: rssBigEdited <= 150 });
}

log('');
log(`keystroke → diagnostics (after a pause): median ${result.keystroke.median} ms, p95 ${result.keystroke.p95} ms, max ${result.keystroke.max} ms (n=${result.keystroke.n})`);
log(`  of which the engine's lint() alone:   median ${result.engineLintInProcess.median} ms (in-process, same text)`);
log(`keystroke → diagnostics, 60 KB plan:     median ${result.keystroke60KB.median} ms, p95 ${result.keystroke60KB.p95} ms (n=${result.keystroke60KB.n})`);
log(`typing burst, last key → diagnostics:    median ${result.burstLastKey.median} ms, p95 ${result.burstLastKey.p95} ms (debounce 100 ms)`);
log(`outline round trip:                       median ${result.outline.median} ms, p95 ${result.outline.p95} ms`);
log(`hover round trip:                         median ${result.hover.median} ms, p95 ${result.hover.p95} ms`);
log(`server RSS: ${rss10k?.toFixed(0)} MB with the plan open${rssBig ? `, ${rssBig.toFixed(0)} MB with the 10 MB plan too, ${rssBigEdited?.toFixed(0)} MB once it is edited (peak ${rssBigPeak.toFixed(0)} MB)` : ''}`);
console.log(JSON.stringify(result));

#!/usr/bin/env node
// Issue 16: a `fengong check --fix` killed (SIGKILL, as a CI cancel or the OOM killer does) at a
// random moment while it rewrites a hard-linked 38,000-line plan in place. After each kill the
// plan must be its old text, its new text, or damaged with the next run saying where the original
// is (and that original intact). Anything else is a lost file. Last stdout line: JSON with targets.
//   node bench/kill-fix.mjs [--tries=N] [--lines=N] [--bin=path/to/fengong.cjs] [--json]
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const TRIES = Number(arg('tries', '20'));
const LINES = Number(arg('lines', '38000'));
const BIN = arg('bin', join(ROOT, 'bin/fengong.cjs'));

// a long plan with a fix on every heading (一. → 一、)
const block = (i) => `${'一二三四五六七八九十'[i % 10]}.重点任务${i}\n（一）加强管理${i}。（办公室牵头）\n（二）落实责任${i}。（财务科负责）\n`;
let body = '关于2024年工作要点\n';
for (let i = 0; body.split('\n').length < LINES; i++) body += block(i);
const OLD = Buffer.from(body);

const dir = mkdtempSync(join(tmpdir(), 'fengong-kill-'));
const plan = join(dir, 'plan.txt');
writeFileSync(plan, OLD);
linkSync(plan, join(dir, 'other-name.txt')); // in place: a rename would break the link

const run = (args) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
let t0 = Date.now();
run(['check', '--fix', '--format', 'json', 'plan.txt']);
const fixMs = Date.now() - t0;
const NEW = readFileSync(plan);

const outcomes = { old: 0, new: 0, recoverable: 0, lost: 0 };
for (let i = 0; i < TRIES; i++) {
  writeFileSync(plan, OLD); // same inode: both names
  const child = spawn(process.execPath, [BIN, 'check', '--fix', '--format', 'json', 'plan.txt'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  // kill somewhere in the run, weighted to its end, where the write is
  await new Promise((r) => setTimeout(r, fixMs * (0.5 + Math.random() * 0.6)));
  child.kill('SIGKILL');
  await exited;
  const now = readFileSync(plan);
  if (now.equals(OLD)) outcomes.old++;
  else if (now.equals(NEW)) outcomes.new++;
  else {
    const next = run(['check', '--format', 'json', 'plan.txt']);
    const original = /保存在 (\S+?)：/.exec(next.stderr)?.[1];
    if (original && readFileSync(original).equals(OLD)) outcomes.recoverable++;
    else outcomes.lost++;
  }
  for (const f of readdirSync(dir)) if (f.startsWith('.plan.txt.')) rmSync(join(dir, f)); // the user deals with it
}
rmSync(dir, { recursive: true, force: true });

const result = {
  tries: TRIES, lines: body.split('\n').length, fixMs, outcomes,
  targets: [{ name: `--fix killed at random on a hard-linked ${Math.round(body.split('\n').length / 1000)}k-line plan: files lost (old, new, recoverable: ${outcomes.old}, ${outcomes.new}, ${outcomes.recoverable})`, value: `${outcomes.lost} of ${TRIES}`, limit: '0', pass: outcomes.lost === 0 }],
};
if (!process.argv.includes('--json')) console.error(`kill --fix: ${JSON.stringify(outcomes)} in ${TRIES} tries (a fix takes ${fixMs} ms)`);
console.log(JSON.stringify(result));

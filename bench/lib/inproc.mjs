// In-process worker: one fresh Node process per subject, so one library's JIT state and garbage
// never weigh on another's. Reads the inputs before timing, warms up, then times N runs of each
// operation (N adaptive) with a forced young-generation GC before each run when started with
// --expose-gc: the previous run's garbage is gone, and the JIT's work is not. A full GC before each
// run (as this bench did until issue 18) also throws away optimised code that refers to objects
// it collects (V8 deoptimises it, "weak objects"), so every timed run was partly a cold start:
// fengong's lint() of 1 MB measured 152 ms of CPU after a full GC, 54 ms after a young-generation
// one or none (one process, interleaved, load 8). Neither the language server (warm) nor the CLI
// (timed whole, cold start included, in the whole-process rows) runs like that.
// Usage: node --expose-gc bench/lib/inproc.mjs '<json job>'  → one JSON object on stdout.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { median, nowMs, runsFor, summarize } from './stats.mjs';

const job = JSON.parse(process.argv[2]);
const gc = globalThis.gc ? () => globalThis.gc({ type: 'minor' }) : () => {};

function load(p) {
  if (statSync(p).isDirectory()) return readdirSync(p).sort().map((f) => ({ name: f, text: readFileSync(join(p, f), 'utf8') }));
  return [{ name: p, text: readFileSync(p, 'utf8') }];
}

/** Times `fn` over the input: warm-up first (up to 100 runs or 2 s: the JIT settles on small inputs), then N
 *  runs. `fn` returns a problem count, or { problems, phases: { name → ms } } for phase timings. */
async function measure(fn) {
  const once = async () => {
    gc();
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    const r = fn();
    const out = r && typeof r.then === 'function' ? await r : r;
    const ms = nowMs() - t0;
    const c = process.cpuUsage(c0);
    const o = typeof out === 'number' ? { problems: out } : out ?? {};
    o.cpu = (c.user + c.system) / 1000; // on a busy machine CPU time is the steadier number
    return [ms, o];
  };
  let [first, out] = await once();
  // a run this long is not warm-up sensitive and repeats would cost minutes: it stands alone
  if (job.slowRunMs && first >= job.slowRunMs) return { ...summarize([first]), cpuMedian: out.cpu, problems: out.problems, ...(out.phases ? { phases: out.phases } : {}) };
  // up to 100 runs or 2 s of warm-up, not 5 runs or 0.3 s: whichever operation was timed first in a
  // fresh process was still being compiled through most of its timed runs (fengong's lint() of 50 KB:
  // 22.9 ms timed first, against parsePlan 8.1 ms timed after it; parsePlan timed first took as long;
  // parsePlan alone settles at ~4 ms after ~90 runs; issue 18)
  const wStart = nowMs();
  for (let w = 1; w < 100 && first < 100 && nowMs() - wStart < 2000; w++) [first] = await once();
  const n = runsFor(first, job);
  const runs = [];
  const cpu = [];
  const phaseRuns = {};
  for (let i = 0; i < n; i++) {
    const [ms, o] = await once();
    runs.push(ms);
    cpu.push(o.cpu);
    for (const [k, v] of Object.entries(o.phases ?? {})) (phaseRuns[k] ??= []).push(v);
  }
  const phases = Object.fromEntries(Object.entries(phaseRuns).map(([k, v]) => [k, median(v)]));
  return { ...summarize(runs), cpuMedian: median(cpu), problems: out.problems, ...(Object.keys(phases).length ? { phases } : {}) };
}

const req = createRequire(import.meta.url);
const peers = createRequire(join(resolve(job.peersDir ?? '.'), 'package.json'));

/** subject → { op name → (docs) → () => result }, result reduced to a problem count */
async function subject(name) {
  switch (name) {
    case 'fengong': {
      const engine = req(resolve(job.engine));
      const ops = {
        // the engine's own hook splits lint into parse (lex + parse + model) and rules
        lint: (docs) => () => {
          let problems = 0; let parse = 0; let rules = 0;
          for (const d of docs) {
            const t = { parseMs: 0, rulesMs: 0 };
            problems += engine.lint(d.text, undefined, t).diagnostics.length;
            parse += t.parseMs; rules += t.rulesMs;
          }
          return { problems, phases: { parse, rules } };
        },
        parsePlan: (docs) => () => { for (const d of docs) engine.parsePlan(d.text); return undefined; },
      };
      return ops;
    }
    case 'fengong-phases': {
      // the engine's internals from a separate bundle (bench/.inputs/.build/phases.cjs)
      const ph = req(resolve(job.phases));
      return {
        lex: (docs) => () => { let n = 0; for (const d of docs) n += ph.planLexer.tokenize(d.text).tokens.length; return n; },
        parseLines: (docs) => () => { let n = 0; for (const d of docs) n += ph.parseLines(d.text).length; return n; },
      };
    }
    case 'scan': {
      const { scan } = req('./scan.cjs');
      return { lint: (docs) => () => { let n = 0; for (const d of docs) n += scan(d.text).unmatched; return n; } };
    }
    case 'markdownlint': {
      const { lint } = await import(peers.resolve('markdownlint/sync'));
      return {
        lint: (docs) => () => {
          const r = lint({ strings: Object.fromEntries(docs.map((d) => [d.name, d.text])) });
          let n = 0; for (const d of docs) n += r[d.name].length; return n;
        },
      };
    }
    case 'textlint': {
      const { createLinter, loadTextlintrc } = peers('textlint');
      const descriptor = await loadTextlintrc({ configFilePath: resolve(job.textlintrc), node_modulesDir: join(resolve(job.peersDir), 'node_modules') });
      const linter = createLinter({ descriptor });
      return {
        lint: (docs) => async () => { let n = 0; for (const d of docs) n += (await linter.lintText(d.text, 'plan.txt')).messages.length; return n; },
      };
    }
    case 'zhlint': {
      const { runWithConfig } = await import(peers.resolve('zhlint'));
      return { lint: (docs) => () => { let n = 0; for (const d of docs) n += runWithConfig(d.text, { preset: 'default' }).validations.length; return n; } };
    }
    default: throw new Error(`unknown subject ${name}`);
  }
}

const ops = await subject(job.subject);
const result = { subject: job.subject, inputs: {} };
for (const input of job.inputs) {
  const docs = load(input.path);
  const r = (result.inputs[input.key] = {});
  for (const [op, make] of Object.entries(ops)) {
    if (job.ops && !job.ops.includes(op)) continue;
    r[op] = await measure(make(docs));
  }
}
process.stdout.write(JSON.stringify(result) + '\n');

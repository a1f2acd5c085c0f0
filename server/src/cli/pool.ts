// `fengong check --concurrency`: many files checked by worker threads, as ESLint's --concurrency,
// Ruff and Biome do. Each worker reads, fixes and lints one file at a time with the same code as
// one thread (lint-files.ts checkFile) and sends back that file's outcome; the main thread keeps
// them by the file's place, so the report, the baseline and the exit code are exactly those of a
// single thread. A worker that dies (out of memory, a crash in a native module) loses only the
// file it was checking: that file is reported by name, the others go to the remaining workers.
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { text } from '../i18n/catalogue.js';
import { checkFile, failedFile, type LintOptions, type LintOutcome } from './lint-files.js';

export type Concurrency = 'auto' | 'off' | number;

/** marks a worker of this pool in its workerData */
const ROLE = 'fengong-check-worker';
/** files each worker is sent ahead, so it never waits for the main thread between two */
const AHEAD = 2;
/** Below this many files a worker never pays for its start: each starts cold (its own copy of
 *  the engine, compiled again), which costs about what a hundred 10 KB plans take warm. */
const MIN_FILES_PER_WORKER = 200;
/** `auto` uses at most this many: the main thread formats while they lint, and past four the
 *  cold start of each worker outweighs what it takes over. */
const MAX_AUTO_WORKERS = 4;

/** `--concurrency`: auto, off, or a positive number; undefined when it is none of them. */
export function parseConcurrency(raw: string | undefined): Concurrency | undefined {
  if (raw === undefined || raw === 'auto') return 'auto';
  if (raw === 'off') return 'off';
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

/** How many threads check `files` files: 1 (this one) or a number of workers. `auto` starts
 *  workers only where they pay: more than two cores (on two, each worker's compiler threads
 *  compete with the other worker for the second core: 1,000 × 10 KB took more CPU and no less
 *  time) and enough files for each. A number is taken as given, up to one worker per file. */
export function threadCount(concurrency: Concurrency, files: number, cores = availableParallelism()): number {
  if (concurrency === 'off' || files < 2) return 1;
  if (typeof concurrency === 'number') return Math.min(concurrency, files);
  if (cores <= 2) return 1;
  return Math.max(1, Math.min(cores - 1, MAX_AUTO_WORKERS, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** The script a worker runs: the CLI itself, whose start serves a worker when it is one (the
 *  bundle dist/cli.cjs is one file; unbundled, under tsx, main.ts). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(dirname(here), 'main.ts') : here;
}

/** Checks the files in `threads` workers; one outcome per file, in the files' order. */
export function lintInWorkers(files: string[], opts: LintOptions, threads: number): Promise<LintOutcome[]> {
  const outcomes: (LintOutcome | undefined)[] = new Array(files.length);
  const queue = files.map((_, i) => i);
  let running = 0;
  return new Promise((resolve) => {
    const finish = () => {
      if (running) return;
      // files no worker took (none would start) are checked here
      resolve(Promise.all(outcomes.map((o, i) => o ?? checkFile(files[i]!, opts))));
    };
    const start = () => {
      running++;
      const inFlight: number[] = [];
      let ready = false;
      let why = '';
      const worker = new Worker(workerScript(), { workerData: { role: ROLE, opts }, ...heapLimit() });
      const feed = () => {
        while (inFlight.length < AHEAD && queue.length) {
          const i = queue.shift()!;
          inFlight.push(i);
          worker.postMessage({ index: i, file: files[i] });
        }
        if (!inFlight.length) void worker.terminate();
      };
      worker.on('message', (m: { ready?: true; index: number; outcome: LintOutcome }) => {
        if (m.ready) return void (ready = true);
        outcomes[m.index] = m.outcome;
        inFlight.splice(inFlight.indexOf(m.index), 1);
        feed();
      });
      worker.on('error', (e) => { why = e?.message ?? String(e); });
      worker.on('exit', (code) => {
        running--;
        // a worker checks its files in order: the first unanswered one is the file it died on
        const lost = ready ? inFlight.shift() : undefined;
        queue.unshift(...inFlight);
        if (lost !== undefined) {
          outcomes[lost] = diedOn(files[lost]!, opts, why || `exit code ${code}`);
          while (running < threads && queue.length) start();
        }
        finish();
      });
      feed();
    };
    for (let i = 0; i < Math.min(threads, files.length); i++) start();
  });
}

/** A worker's heap, when FENGONG_WORKER_HEAP_MB sets one (the tests make a worker run out of
 *  memory on a big file with it); by default a worker has the heap V8 gives any thread. */
function heapLimit(): { resourceLimits?: { maxOldGenerationSizeMb: number } } {
  const mb = Number(process.env.FENGONG_WORKER_HEAP_MB);
  return mb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: mb } } : {};
}

function diedOn(file: string, opts: LintOptions, detail: string): LintOutcome {
  return { checked: [failedFile(file, text(opts.locale, 'cli.workerDied', { file, detail }))], configErrors: [], stderr: [], exit: 2 };
}

/** The worker's side: true when this thread is a worker of the pool (it then serves files until
 *  the pool lets it go). */
export function serveIfWorker(): boolean {
  if (!parentPort || (workerData as { role?: string } | null)?.role !== ROLE) return false;
  const port = parentPort;
  const { opts } = workerData as { opts: LintOptions };
  let chain = Promise.resolve();
  port.postMessage({ ready: true });
  port.on('message', (m: { index: number; file: string }) => {
    chain = chain.then(async () => port.postMessage({ index: m.index, outcome: await checkFile(m.file, opts) }));
  });
  return true;
}

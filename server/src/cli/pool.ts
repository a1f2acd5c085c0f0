// `fengong check --concurrency`: many files checked by worker threads, as ESLint's --concurrency,
// Ruff and Biome do. Each worker reads, fixes and lints one file at a time with the same code as
// one thread (lint-files.ts checkFile) and sends back that file's outcome; the main thread keeps
// them by the file's place, so the report, the baseline and the exit code are exactly those of a
// single thread. A worker that dies (out of memory, a crash in a native module) loses only the
// file it was checking: that file is reported by name, the others go to the remaining workers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { text } from '../i18n/catalogue.js';
import { checkFile, failedFile, type LintOptions, type LintOutcome } from './lint-files.js';
import { WORKER_ENV } from './concurrency.js';

/** marks a worker of this pool in its workerData */
const ROLE = 'fengong-check-worker';
/** files each worker is sent ahead, so it never waits for the main thread between two */
const AHEAD = 2;

/** The script a worker runs: the CLI itself, whose start serves a worker when it is one (the
 *  bundle dist/cli.cjs is one file; unbundled, under tsx, main.ts). */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? join(dirname(here), 'main.ts') : here;
}

/** Checks the files in `threads` workers; one outcome per file, in the files' order. */
export function lintInWorkers(files: string[], opts: LintOptions, threads: number, reals?: Map<string, string>): Promise<LintOutcome[]> {
  const outcomes: (LintOutcome | undefined)[] = new Array(files.length);
  // the files not yet sent: `next` on, and those a dead worker had been sent ahead (taken first)
  let next = 0;
  const again: number[] = [];
  const waiting = () => again.length > 0 || next < files.length;
  const take = () => again.pop() ?? next++;
  let running = 0;
  return new Promise((resolve) => {
    const finish = () => {
      if (running) return;
      // files no worker took (none would start) are checked here
      resolve(Promise.all(outcomes.map((o, i) => o ?? checkFile(files[i]!, opts, reals?.get(files[i]!)))));
    };
    const start = () => {
      running++;
      const inFlight: number[] = [];
      let ready = false;
      let why = '';
      const worker = new Worker(workerScript(), { workerData: { role: ROLE, opts }, env: { ...process.env, [WORKER_ENV]: '1' }, ...heapLimit() });
      const feed = () => {
        while (inFlight.length < AHEAD && waiting()) {
          const i = take();
          inFlight.push(i);
          worker.postMessage({ index: i, file: files[i], real: reals?.get(files[i]!) });
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
        again.push(...inFlight.reverse());
        if (lost !== undefined) {
          outcomes[lost] = diedOn(files[lost]!, opts, why || `exit code ${code}`);
          while (running < threads && waiting()) start();
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
  port.on('message', (m: { index: number; file: string; real?: string }) => {
    chain = chain.then(async () => port.postMessage({ index: m.index, outcome: await checkFile(m.file, opts, m.real) }));
  });
  return true;
}

// `fengong check --concurrency auto|off|N`: how many threads check the files (pool.ts runs the
// workers; it is loaded only when there are some).
import { availableParallelism } from 'node:os';

/** set in a worker's environment: the CLI's start then serves files (pool.ts), it runs no command */
export const WORKER_ENV = 'FENGONG_CHECK_WORKER';

export type Concurrency = 'auto' | 'off' | number;

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

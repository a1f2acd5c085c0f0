// Giving memory back once a big document's analysis is done and the editor is quiet. A 10 MB plan's
// analysis allocates a few hundred MB that are garbage a moment later; V8 keeps the heap it grew
// to (the server stayed at 256 MB RSS after five edits, ~62 MB of it live) and gives it back only
// after a full collection, which it may run much later. After the analysis of a document over
// BIG_CHARS, once no other analysis followed for IDLE_MS, one full collection runs. Smaller plans
// get a young-generation collection once the editor is quiet (YOUNG_IDLE_MS), so that the next
// keystroke does not pay for the last one's garbage, nor find the last one's survivors in its way.
import { runInNewContext } from 'node:vm';
import { nodeV8 } from '../io/builtins.js';

/** the size from which an analysis is worth a collection (the line cache's limit too) */
export const BIG_CHARS = 1_000_000;
/** how long nothing else may have been analysed before collecting */
export const IDLE_MS = 100;
/** How long after a smaller document's analysis its garbage in the young generation is collected.
 *  A keystroke's analysis allocates a few MB (a 60 KB plan ~2 MB, the 10,000-line plan tens) and
 *  what survives a young-generation collection is copied: one that fell inside a keystroke cost it
 *  5–15 ms (the bench's 60 KB plan: one keystroke in seven; issue 18). Run while the editor is quiet,
 *  the next keystroke starts with an empty young generation. Under the default debounce (100 ms): a change
 *  arriving this soon after a lint is debounced anyway, so a lint never waits for the collection. */
export const YOUNG_IDLE_MS = 30;

type Gc = (options?: { type: 'minor' | 'major' }) => void;
let gc: Gc | undefined | null = null;

/** Keeps V8's young generation at its starting size (1 MB a semi-space) instead of letting it grow
 *  to 16: what survives a scavenge of an analysis is mostly the plan model, kept anyway, so a bigger
 *  young generation mostly holds garbage longer. Measured at load 7–16 (issue 18): the bench's
 *  server RSS with the 10,000-line plan 153–168 → 149 MB, with the 10 MB plan open 180–183 → 149–152,
 *  edited 180–183 → 155–158, peak 208–211 → 185–189; lint() of the 10,000-line plan in one process
 *  median 295–426 ms → 227–367 (six runs each, interleaved: no difference the load lets one see). The
 *  flag is read at each growth, so setting it at start is enough. */
export function keepYoungGenerationSmall(): void {
  setGrowthFactor(1);
}

/** How big a semi-space a keystroke's analysis of a document with a line cache may grow the young
 *  generation to. A keystroke in the bench's 10,000-line plan allocates ~5 MB: in the 1 MB
 *  semi-space keepYoungGenerationSmall holds, four or five young-generation collections fell inside
 *  each keystroke, each copying what the analysis had built so far and promoting it, so the old
 *  generation filled and a full collection (10–25 ms) fell inside one keystroke in twenty (issue 18).
 *  At 4 MB most of a keystroke's garbage stays young and the quiet-time scavenge (YOUNG_IDLE_MS)
 *  frees it: in-process, 80 keystrokes of the 10,000-line plan held 322 scavenges at 1 MB, 38 at
 *  4 MB, none at 8. The young generation never shrinks again: at 8 MB (2 × 7 MB more of RSS) the
 *  server's RSS with the 10 MB plan open and edited reached 157 MB in one run under load (limit 150);
 *  4 MB costs 2 × 3 MB. */
export const KEYSTROKE_SEMI_SPACE_MB = 4;

/** Runs a document's analysis, letting the young generation grow (doubling, up to
 *  KEYSTROKE_SEMI_SPACE_MB a semi-space) while it runs when it is a keystroke's: a document linted
 *  incrementally after an edit (what the young generation must hold). A whole-document analysis,
 *  the first of a document too, leaves it as keepYoungGenerationSmall holds it: one grew it twice,
 *  to 16 MB a semi-space (the server's RSS with the 10 MB plan 128 → 152 MB). The flag is read at
 *  each growth, so it is set around the analysis only. */
export function withYoungGenerationFor<T>(keystroke: boolean, analyse: () => T): T {
  const grow = keystroke && newSpaceBytes() < 2 * KEYSTROKE_SEMI_SPACE_MB * 1048576;
  if (!grow) return analyse();
  setGrowthFactor(2);
  try {
    return analyse();
  } finally {
    setGrowthFactor(1);
  }
}

function setGrowthFactor(factor: number): void {
  try {
    nodeV8().setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  } catch { /* not this V8: it grows as it will */ }
}

/** both semi-spaces of the young generation, as committed now */
export function newSpaceBytes(): number {
  return nodeV8().getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/** V8's `gc()`, made available without `--expose-gc` on the command line (the server is started by
 *  editors, `fengong lsp` and `node dist/server.cjs`, so no command line is ours alone; the CLI's
 *  `table` collects between its phases too, cli/heap.ts) */
export function collector(): Gc | undefined {
  if (gc === null) {
    try {
      nodeV8().setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc;
    } catch {
      gc = undefined;
    }
  }
  return gc ?? undefined;
}

/** Runs `collect` with compaction on: a plain full collection frees dead objects but keeps every
 *  page that still holds a live one, and an analysis's pages each keep a few (the plan model is
 *  allocated among the garbage): with a 10 MB plan open and edited, 46 MB of old space held 21 MB
 *  of live objects. Compacting moves them together so the emptied pages go back to the system:
 *  the server's RSS 147–160 → 125–136 MB (issue 18). Off again after, so V8's own collections keep
 *  their heuristics. */
export function compacting(collect: () => void): void {
  const compact = (on: boolean) => {
    try {
      nodeV8().setFlagsFromString(on ? '--compact-on-every-full-gc' : '--no-compact-on-every-full-gc');
    } catch { /* not this V8: a plain collection */ }
  };
  compact(true);
  try {
    collect();
  } finally {
    compact(false);
  }
}

export class IdleCollector {
  private timer?: NodeJS.Timeout;
  /** how many full collections ran (tests, logs) */
  collections = 0;
  /** how many young-generation collections ran */
  scavenges = 0;

  constructor(private readonly idleMs = IDLE_MS) {}

  /** an analysis of `chars` characters just ended (0: none ran) */
  analysed(chars: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (chars <= 0) return;
    this.timer = chars < BIG_CHARS ? setTimeout(() => this.scavenge(), YOUNG_IDLE_MS) : setTimeout(() => this.collect(), this.idleMs);
    this.timer.unref();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  /** Two young-generation collections: the first copies what the analysis kept (its plan model,
   *  ~1.5 MB in the 10,000-line plan) within the young generation, the second promotes it to the
   *  old one, so the next keystroke starts with all of the young generation free. After one, the
   *  survivors still took part of it and the next keystroke's analysis ran out of it and collected
   *  it itself: a scavenge inside 29 of 98 keystrokes of the bench's 10,000-line plan, 5–12 ms each;
   *  after two, inside 7–9 of them (issue 18). What is promoted is what the next keystroke's own
   *  scavenge promoted before. */
  private scavenge(): void {
    this.timer = undefined;
    const run = collector();
    if (!run) return;
    run({ type: 'minor' });
    run({ type: 'minor' });
    this.scavenges++;
  }

  private collect(): void {
    this.timer = undefined;
    const run = collector();
    if (!run) return;
    // a full collection; V8 hands the freed pages back to the system on its own threads within a
    // moment (2 million dead objects: 273 MB before, 249 MB just after, 91 MB a second later). Then
    // a compacting one, once the garbage is gone: compacting at once copied the survivors while the
    // analysis's garbage still stood, and the server's sampled peak rose 182 → 204 MB
    run();
    compacting(run);
    this.collections++;
  }
}

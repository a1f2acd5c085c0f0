// The plans of the workspace, for completion, references, rename and workspace symbols across
// files. Built off the request path: the folders are walked as `fengong check <folder>` walks them
// (the configs' `files` and `ignore`), and the files parsed a slice at a time between requests;
// kept current from workspace/didChangeWatchedFiles and from the documents the editor opens.
// A query never waits for it: it answers from what is indexed so far.
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver/node';
import { parsePlan } from '../engine/model/parse.js';
import type { PlanDocument, UnitRole } from '../engine/model/types.js';
import { LineIndex } from '../engine/text/lineIndex.js';
import { unitMentions } from '../engine/drafting/index.js';
import { unitKey } from '../engine/text/unit-names.js';
import { loadConfigForFile } from '../config/load.js';
import { readFileSync, statSync } from 'node:fs';
import { decodeBuffer } from '../io/encoding.js';
import { selectFiles } from '../cli/select.js';
import { pathLabel, taskTitle } from '../table/build.js';
import { toRange } from './convert.js';

export interface IndexedUnit {
  /** canonical under the plan's own config */
  name: string;
  written: string;
  /** unitKey(written): compared without normalising again on every request */
  key: string;
  role: UnitRole;
  range: Range;
}

export interface IndexedTask {
  /** `二、（三）` path and title: `二、（三）做好政策解读` */
  name: string;
  /** the section it is in */
  container: string;
  range: Range;
}

export interface IndexedPlan {
  uri: string;
  units: IndexedUnit[];
  /** each distinct unit once: key → the name as first written */
  names: Map<string, string>;
  /** the file on disk is not UTF-8 (GB18030, UTF-16): an editor that has not opened it may read
   *  it otherwise, so edits are not sent for it unopened */
  encoding?: string;
  tasks: IndexedTask[];
}

/** what a plan contributes to the index: its units and tasks with their ranges */
export function indexPlan(uri: string, plan: PlanDocument, lines: LineIndex, units?: Record<string, string[]>): IndexedPlan {
  const list = unitMentions(plan, units).map((m) => ({ name: m.name, written: m.written, key: unitKey(m.written), role: m.ref.role, range: toRange(lines, m.ref.span) }));
  const names = new Map<string, string>();
  for (const u of list) if (!names.has(u.key)) names.set(u.key, u.written);
  return {
    uri,
    units: list,
    names,
    tasks: plan.tasks.map((t) => ({
      name: `${pathLabel(t.path)} ${taskTitle(plan, t)}`,
      container: t.parent ? `${t.parent.marker.raw}${taskTitle(plan, t.parent)}` : '',
      range: toRange(lines, { start: t.marker.span.start, end: Math.max(t.titleSpan.end, t.marker.span.end) }),
    })),
  };
}

/** One spelling per file: clients percent-encode URIs differently (Neovim and Node disagree on
 *  which characters), and a file known twice would be renamed twice. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** one slice of work between requests */
const SLICE_MS = 8;

export class WorkspaceIndex {
  private readonly plans = new Map<string, IndexedPlan>();
  private readonly queue = new Set<string>();
  private roots: string[] = [];
  private pumping = false;
  private scanning = 0;
  private built = false;
  private startedAt = 0;
  /** bumped whenever a plan enters, changes or leaves the index */
  private generation = 0;
  private tallyCache?: { stamp: string; tally: Map<string, { written: string; plans: number }> };
  /** resolved when the first full build is done (tests and the log wait for it) */
  onBuilt: (stats: { plans: number; units: number; ms: number }) => void = () => {};

  constructor(private readonly log: (level: 'error' | 'warn' | 'info', msg: string) => void) {}

  /** index the workspace folders (file: URIs) */
  start(rootUris: string[]): void {
    this.roots = rootUris.flatMap((u) => { try { return u.startsWith('file:') ? [fileURLToPath(u)] : []; } catch { return []; } });
    this.rescan();
  }

  /** a config changed: names may canonicalise differently, so everything is read again */
  rescan(): void {
    if (!this.roots.length) return;
    this.startedAt = performance.now();
    this.scanning++;
    void Promise.all(this.roots.map((root) => selectFiles([root], { cwd: root, followSymlinks: false })))
      .then((sels) => {
        const found = new Set(sels.flatMap((s) => s.files).map((f) => pathToFileURL(f).href));
        for (const uri of this.plans.keys()) if (!found.has(uri)) this.forget(uri);
        for (const uri of found) this.queue.add(uri);
      })
      .catch((e: unknown) => this.log('warn', `workspace index: ${(e as Error)?.message ?? e}`))
      .finally(() => { this.scanning--; this.pump(); });
  }

  /** a file was created, changed or deleted on disk (type 3: deleted) */
  fileChanged(raw: string, deleted: boolean): void {
    const uri = normalizeUri(raw);
    if (!/\.(txt|plan)$/i.test(uri) || !this.inRoots(uri)) return;
    if (deleted) {
      this.forget(uri);
      this.queue.delete(uri);
    } else {
      this.queue.add(uri);
      this.pump();
    }
  }

  private inRoots(uri: string): boolean {
    try {
      const path = fileURLToPath(uri);
      return this.roots.some((r) => path.startsWith(r.endsWith('/') ? r : r + '/'));
    } catch {
      return false;
    }
  }

  /** every indexed plan, except the ones `skip` names (open documents answer for themselves) */
  *entries(skip: (uri: string) => boolean): Iterable<IndexedPlan> {
    for (const p of this.plans.values()) if (!skip(p.uri)) yield p;
  }

  private forget(uri: string): void {
    if (this.plans.delete(uri)) this.generation++;
  }

  /** How many indexed plans name each unit (by key), leaving out the ones `skip` names; kept
   *  until the index or the skipped set changes, so a completion does not walk every mention. */
  unitTally(skip: (uri: string) => boolean): Map<string, { written: string; plans: number }> {
    const skipped = [...this.plans.keys()].filter(skip);
    const stamp = `${this.generation}|${skipped.join('|')}`;
    if (this.tallyCache?.stamp === stamp) return this.tallyCache.tally;
    const tally = new Map<string, { written: string; plans: number }>();
    for (const p of this.plans.values()) {
      if (skip(p.uri)) continue;
      for (const [key, written] of p.names) {
        const e = tally.get(key);
        if (e) e.plans++;
        else tally.set(key, { written, plans: 1 });
      }
    }
    this.tallyCache = { stamp, tally };
    return tally;
  }

  get size(): number {
    return this.plans.size;
  }

  get ready(): boolean {
    return this.built && !this.queue.size && !this.scanning;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.slice());
  }

  private slice(): void {
    const until = performance.now() + SLICE_MS;
    while (this.queue.size && performance.now() < until) {
      const uri = this.queue.values().next().value as string;
      this.queue.delete(uri);
      this.indexFile(uri);
    }
    if (this.queue.size) {
      setImmediate(() => this.slice());
      return;
    }
    this.pumping = false;
    if (!this.scanning && !this.built) {
      this.built = true;
      const units = [...this.plans.values()].reduce((n, p) => n + p.units.length, 0);
      const ms = Math.round(performance.now() - this.startedAt);
      this.log('info', `workspace index: ${this.plans.size} plans, ${units} unit mentions in ${ms} ms`);
      this.onBuilt({ plans: this.plans.size, units, ms });
    }
  }

  private indexFile(uri: string): void {
    try {
      const path = fileURLToPath(uri);
      const r = readPlanFileSync(path);
      if (!r) return this.forget(uri);
      const { config } = loadConfigForFile(path);
      const plan = parsePlan(r.text, config);
      const entry = indexPlan(uri, plan, new LineIndex(r.text), config.units);
      if (r.encoding !== 'utf8') entry.encoding = r.encoding;
      this.plans.set(uri, entry);
      this.generation++;
    } catch (e) {
      this.forget(uri);
      this.log('warn', `workspace index ${uri}: ${(e as Error)?.message ?? e}`);
    }
  }
}

/** the decoded text of a plan file (any encoding fengong reads), or nothing for one that cannot
 *  be read or is too large */
function readPlanFileSync(path: string): { text: string; encoding: string } | undefined {
  const st = statSync(path);
  if (!st.isFile() || st.size > MAX_INDEXED_BYTES) return undefined;
  const d = decodeBuffer(readFileSync(path));
  return d.ok ? { text: d.text, encoding: d.encoding } : undefined;
}

/** larger files are left out of the index (a 10 MB plan is linted when opened, not walked) */
const MAX_INDEXED_BYTES = 4 * 1024 * 1024;

export const sameUnit = (a: string, b: string): boolean => unitKey(a) === unitKey(b);

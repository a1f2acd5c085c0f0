// Finding, reading and writing .fengong-baseline.json, for the CLI and the language server. The
// baseline governs the files under its folder; its keys are paths relative to that folder.
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../engine/types.js';
import { DEFAULT_MAX_BYTES, writeFileAtomic } from '../io/files.js';
import { applyBaseline, BASELINE_FILE, emptyBaseline, fingerprint, parseBaseline, serializeBaseline, type Baseline } from './baseline.js';

export type LoadedBaseline =
  | { ok: true; path: string; baseline: Baseline; exists: boolean }
  | { ok: false; path: string; reason: 'json' | 'shape' | 'unreadable'; code?: string }
  | { ok: false; path: string; reason: 'too-large'; bytes: number; max: number };

/** A baseline is a few hundred bytes a problem; one larger than a plan file may be is not read
 *  whole (a 65 MB one took 665 MB of memory): it is the wrong file, or a broken one. */
export const MAX_BASELINE_BYTES = DEFAULT_MAX_BYTES;

/** The nearest .fengong-baseline.json from `dir` upwards. */
export function findBaselineFile(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, BASELINE_FILE);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch { /* absent */ }
    if (dirname(d) === d) return undefined;
  }
}

/** Reads a baseline; a missing file is an empty baseline (`exists: false`). Never throws. */
export function loadBaseline(path: string, max = MAX_BASELINE_BYTES): LoadedBaseline {
  let text: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const bytes = fstatSync(fd).size;
      if (bytes > max) return { ok: false, path, reason: 'too-large', bytes, max };
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, path, baseline: emptyBaseline(), exists: false };
    return { ok: false, path, reason: 'unreadable', code };
  }
  const parsed = parseBaseline(text);
  return parsed.ok ? { ok: true, path, baseline: parsed.baseline, exists: true } : { ok: false, path, reason: parsed.reason };
}

/** The key of `file` in the baseline at `baselinePath`. */
export function baselineKey(baselinePath: string, file: string): string {
  return relative(dirname(baselinePath), file).split(sep).join('/');
}

/** Writes the baseline atomically (rejects with io's AtomicWriteError). */
export async function saveBaseline(path: string, b: Baseline): Promise<void> {
  await writeFileAtomic(path, Buffer.from(serializeBaseline(b), 'utf8'));
}

const editorCache = new Map<string, { stamp: string; baseline?: Baseline }>();

/** How long the language server trusts a folder's nearest baseline found earlier. Looking it up
 *  stats every folder up to the root at each keystroke (~0.75 ms of a 60 KB plan's keystroke; issue
 *  18); a baseline file created or removed is announced by the editors that watch files for the
 *  server (forgetBaselineLookups), and found within this long by those that do not. */
export const BASELINE_LOOKUP_MS = 1000;
const lookups = new Map<string, { path: string | undefined; at: number }>();

/** a baseline file was created, changed or deleted: look again */
export function forgetBaselineLookups(): void {
  lookups.clear();
}

function nearestBaseline(dir: string): string | undefined {
  const now = performance.now();
  const hit = lookups.get(dir);
  if (hit && now - hit.at < BASELINE_LOOKUP_MS) return hit.path;
  const path = findBaselineFile(dir);
  lookups.set(dir, { path, at: now });
  return path;
}

/** For the language server: the diagnostics of `file` that its nearest baseline does not hold.
 *  The baseline is re-read when it changes on disk (size or mtime); a broken one hides nothing. */
export function withoutBaselined<D extends Diagnostic>(file: string, text: string, diagnostics: D[]): D[] {
  const path = nearestBaseline(dirname(file));
  if (!path || !diagnostics.length) return diagnostics;
  let stamp = '';
  try {
    const st = statSync(path);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    return diagnostics;
  }
  let cached = editorCache.get(path);
  if (!cached || cached.stamp !== stamp) {
    const loaded = loadBaseline(path);
    cached = { stamp, ...(loaded.ok ? { baseline: loaded.baseline } : {}) };
    editorCache.set(path, cached);
  }
  const entries = cached.baseline?.files[baselineKey(path, file)];
  if (!entries?.length) return diagnostics;
  return applyBaseline(entries, fingerprint(text, diagnostics)).reported.map((f) => f.diagnostic);
}

// The baseline of known problems (.fengong-baseline.json), as ESLint's bulk suppressions: a plan
// cannot carry `// eslint-disable` comments, so the problems a team accepts are listed beside it,
// and only problems not in the list are reported. Pure: text and diagnostics in, entries out.
//
// An entry is found again by what it is, not where: rule, message key and the flagged passage with
// a few characters either side on its line (`“（”` alone is in every plan; `推进（政务公开` is not),
// hashed, plus its occurrence among equal fingerprints in the file. So inserting lines elsewhere
// keeps every entry; changing the flagged words themselves makes the problem new again.
import { sha256Hex } from '../io/builtins.js';
import type { Diagnostic } from '../engine/types.js';
import { isLineBreakCode as isBreak } from '../engine/text/chars.js';

export const BASELINE_FILE = '.fengong-baseline.json';
export const BASELINE_VERSION = 1;
/** characters of context taken on each side of the flagged passage, within its line */
const CONTEXT = 10;
/** length of the readable excerpt kept in the file for people (not used to match) */
const EXCERPT = 40;

export interface BaselineEntry {
  rule: string;
  messageKey: string;
  /** the flagged text, shortened: for people reading the file */
  passage: string;
  /** hash of rule, message key and the passage in its context */
  fingerprint: string;
  /** 0 for the first problem with this fingerprint in the file, 1 for the second, … */
  occurrence: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** by path relative to the baseline's folder, `/`-separated */
  files: Record<string, BaselineEntry[]>;
}

export interface Fingerprinted<D extends Diagnostic = Diagnostic> {
  diagnostic: D;
  entry: BaselineEntry;
}

/** Each diagnostic with its baseline entry, in the order given (the engine's: by position). */
export function fingerprint<D extends Diagnostic>(text: string, diagnostics: readonly D[]): Fingerprinted<D>[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const passage = text.slice(d.span.start, d.span.end);
    const fp = hash(`${d.ruleId}\0${d.messageKey}\0${context(text, d.span.start, d.span.end)}`);
    const occurrence = seen.get(fp) ?? 0;
    seen.set(fp, occurrence + 1);
    const excerpt = passage.length > EXCERPT ? passage.slice(0, EXCERPT - 1) + '…' : passage;
    return { diagnostic: d, entry: { rule: d.ruleId, messageKey: d.messageKey, passage: excerpt, fingerprint: fp, occurrence } };
  });
}

/** The passage with up to CONTEXT characters on each side, not crossing a line break. */
function context(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !isBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !isBreak(text.charCodeAt(to))) to++;
  return `${text.slice(from, start)}\u0001${text.slice(start, end)}\u0001${text.slice(end, to)}`;
}

const hash = (s: string): string => sha256Hex(s).slice(0, 20);

export interface Applied<D extends Diagnostic = Diagnostic> {
  /** not in the baseline: reported */
  reported: Fingerprinted<D>[];
  /** in the baseline: not reported */
  suppressed: Fingerprinted<D>[];
  /** in the baseline but gone from the file */
  stale: BaselineEntry[];
}

/** Splits a file's problems by its baseline entries. Each entry suppresses one problem: with two
 *  entries of a fingerprint and three such problems, the third (in document order) is new. */
export function applyBaseline<D extends Diagnostic>(entries: readonly BaselineEntry[] | undefined, found: Fingerprinted<D>[]): Applied<D> {
  const budget = new Map<string, number>();
  for (const e of entries ?? []) budget.set(e.fingerprint, (budget.get(e.fingerprint) ?? 0) + 1);
  const out: Applied<D> = { reported: [], suppressed: [], stale: [] };
  for (const f of found) {
    const left = budget.get(f.entry.fingerprint) ?? 0;
    if (left > 0) {
      budget.set(f.entry.fingerprint, left - 1);
      out.suppressed.push(f);
    } else out.reported.push(f);
  }
  // the entries of a fingerprint beyond the problems found with it are stale: the last ones
  const count = new Map<string, number>();
  for (const f of found) count.set(f.entry.fingerprint, (count.get(f.entry.fingerprint) ?? 0) + 1);
  const used = new Map<string, number>();
  for (const e of entries ?? []) {
    const n = used.get(e.fingerprint) ?? 0;
    used.set(e.fingerprint, n + 1);
    if (n >= (count.get(e.fingerprint) ?? 0)) out.stale.push(e);
  }
  return out;
}

export function emptyBaseline(): Baseline {
  return { version: BASELINE_VERSION, files: {} };
}

/** The baseline with `file`'s entries replaced by the problems found now (none: the file's key
 *  goes). Other files' entries are kept: a run over part of a project updates that part. */
export function withFile(b: Baseline, file: string, found: readonly Fingerprinted[]): Baseline {
  return withEntries(b, file, found.map((f) => f.entry));
}

/** The baseline without the given stale entries of `file`. */
export function withoutStale(b: Baseline, file: string, stale: readonly BaselineEntry[]): Baseline {
  if (!stale.length) return b;
  const gone = new Set(stale);
  return withEntries(b, file, (b.files[file] ?? []).filter((e) => !gone.has(e)));
}

function withEntries(b: Baseline, file: string, entries: BaselineEntry[]): Baseline {
  const files = { ...b.files };
  if (entries.length) files[file] = entries;
  else delete files[file];
  return { version: BASELINE_VERSION, files };
}

export type ParsedBaseline = { ok: true; baseline: Baseline } | { ok: false; reason: 'json' | 'shape' };

export function parseBaseline(text: string): ParsedBaseline {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (!isBaseline(data)) return { ok: false, reason: 'shape' };
  return { ok: true, baseline: data };
}

function isBaseline(d: unknown): d is Baseline {
  if (!d || typeof d !== 'object') return false;
  const b = d as Record<string, unknown>;
  if (b.version !== BASELINE_VERSION || !b.files || typeof b.files !== 'object' || Array.isArray(b.files)) return false;
  return Object.values(b.files as Record<string, unknown>).every((list) => Array.isArray(list) && list.every(isEntry));
}

function isEntry(e: unknown): e is BaselineEntry {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  return typeof x.rule === 'string' && typeof x.messageKey === 'string' && typeof x.passage === 'string' &&
    typeof x.fingerprint === 'string' && Number.isInteger(x.occurrence);
}

/** Sorted by file, one entry per line: small, readable diffs when the baseline is committed. */
export function serializeBaseline(b: Baseline): string {
  const keys = Object.keys(b.files).filter((k) => b.files[k]!.length).sort();
  if (!keys.length) return `{\n  "version": ${BASELINE_VERSION},\n  "files": {}\n}\n`;
  const files = keys.map((k) => {
    const entries = b.files[k]!.map((e) => `      ${JSON.stringify({ rule: e.rule, messageKey: e.messageKey, passage: e.passage, fingerprint: e.fingerprint, occurrence: e.occurrence })}`);
    return `    ${JSON.stringify(k)}: [\n${entries.join(',\n')}\n    ]`;
  });
  return `{\n  "version": ${BASELINE_VERSION},\n  "files": {\n${files.join(',\n')}\n  }\n}\n`;
}

// Open documents and when to lint them: a change after a quiet spell is linted at once, typing is
// debounced (at most MAX_WAIT_MS held back), and pull requests can wait for the pending lint.
// No LSP types beyond the text document itself.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis.js';
import { LineCache } from '../engine/index.js';
import { BIG_CHARS } from './memory.js';
import type { ClientSettings, DocConfig } from './settings.js';

export const DEFAULT_DEBOUNCE_MS = 100;
/** Up to this many characters (3 MB of Chinese; real plans are 20–200 KB, the bench's
 *  10,000-line plan 0.7 M) a keystroke re-reads only the lines it touched; a bigger document keeps
 *  no line cache, and its analysis is followed by a full collection (memory.ts). */
export const INCREMENTAL_MAX_CHARS = BIG_CHARS;
/** the longest typing without a pause may hold diagnostics back */
export const MAX_WAIT_MS = 1000;

export interface DocState {
  doc: TextDocument;
  settings?: ClientSettings;
  settingsLoading?: Promise<void>;
  resolved?: DocConfig;
  analysis?: Analysis;
  /** the lines of the last version linted, reused by the next lint */
  lines: LineCache;
  /** the pending lint: a timer while typing is debounced, an immediate after a quiet spell */
  timer?: NodeJS.Timeout | NodeJS.Immediate;
  /** when the pending lint was first asked for (ms, performance.now) */
  pendingSince: number;
  /** when the last change arrived and the last lint ended */
  lastChange: number;
  lastLintEnd: number;
  /** pull requests waiting for the pending lint */
  waiters: (() => void)[];
  closed: boolean;
}

export function openDocument(uri: string, languageId: string, version: number, text: string): DocState {
  return { doc: TextDocument.create(uri, languageId, version, text), lines: new LineCache(), pendingSince: 0, lastChange: -Infinity, lastLintEnd: -Infinity, waiters: [], closed: false };
}

/** forget everything derived from the settings and the config: the next lint resolves them anew */
export function resetDocument(st: DocState): void {
  st.settings = undefined;
  st.settingsLoading = undefined;
  st.resolved = undefined;
  st.analysis = undefined;
  st.lastChange = -Infinity;
  st.lastLintEnd = -Infinity;
}

/** cancels the document's pending lint, if any */
export function cancelPending(st: DocState): void {
  const t = st.timer;
  // a Timeout has refresh(), an Immediate not
  if (t && 'refresh' in t) clearTimeout(t);
  else if (t) clearImmediate(t);
  st.timer = undefined;
}

export class Scheduler {
  constructor(
    /** lints the document and publishes what came of it */
    private readonly lintNow: (st: DocState) => Promise<void>,
    private readonly debounceOf: (st: DocState) => number,
  ) {}

  /** Lints at once when a change comes after a quiet spell (a single keystroke gets diagnostics as
   *  fast as the engine allows); while typing goes on, waits until it pauses for the debounce
   *  interval (at most MAX_WAIT_MS). A pending lint always takes the newest text, so an older
   *  version is never checked after a newer one arrived. */
  schedule(st: DocState): void {
    const now = performance.now();
    const debounce = this.debounceOf(st);
    const quiet = now - Math.max(st.lastChange, st.lastLintEnd) >= debounce;
    st.lastChange = now;
    if (st.timer) {
      if (now - st.pendingSince >= MAX_WAIT_MS) return; // typing without a pause: let the pending lint run
      cancelPending(st);
      st.timer = setTimeout(() => { void this.flush(st); }, debounce);
      return;
    }
    st.pendingSince = now;
    // setImmediate, not setTimeout(0): node waits at least 1 ms for a timer, a keystroke's whole
    // budget is 16; changes that came in the same read are all applied before it runs
    st.timer = quiet ? setImmediate(() => { void this.flush(st); }) : setTimeout(() => { void this.flush(st); }, debounce);
  }

  private async flush(st: DocState): Promise<void> {
    try {
      if (st.settingsLoading) await st.settingsLoading;
      st.timer = undefined;
      if (st.closed) return;
      await this.lintNow(st);
      st.lastLintEnd = performance.now();
    } finally {
      st.timer = undefined;
      for (const w of st.waiters.splice(0)) w();
    }
  }

  /** resolves once the pending lint (if any) ran, or the request was cancelled */
  settled(st: DocState, onCancel: (cb: () => void) => void): Promise<void> {
    if (!st.timer && !st.settingsLoading) return Promise.resolve();
    return new Promise<void>((resolve) => {
      st.waiters.push(resolve);
      onCancel(resolve);
    });
  }

  dispose(st: DocState): void {
    st.closed = true;
    cancelPending(st);
    for (const w of st.waiters.splice(0)) w();
  }
}

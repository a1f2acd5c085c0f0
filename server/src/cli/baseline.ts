// The baseline in a `fengong check` run: split each file's problems into reported and
// suppressed, and with --baseline-update / --baseline-prune write the file back. Entries of files
// this run did not check are kept as they are (a run over one folder updates that folder), except
// the entries of files that no longer exist, which are stale.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { applyBaseline, BASELINE_FILE, fingerprint, serializeBaseline, withFile, withoutStale, type Baseline, type BaselineEntry, type Fingerprinted } from '../baseline/baseline.js';
import { baselineKey, findBaselineFile, loadBaseline, saveBaseline } from '../baseline/store.js';
import type { Diagnostic } from '../engine/types.js';
import { AtomicWriteError } from '../io/files.js';
import { errnoText, text, type Locale } from '../i18n/catalogue.js';
import { confirm, note, type CliIO } from './io.js';

export type BaselineMode = 'apply' | 'update' | 'prune';

export class BaselineRun {
  private next: Baseline;
  private stale = 0;
  private readonly checkedKeys = new Set<string>();

  private constructor(readonly path: string, readonly shown: string, private readonly original: Baseline, readonly exists: boolean, readonly mode: BaselineMode) {
    this.next = original;
  }

  /** --baseline FILE, else the nearest one from the working folder up, else a new one there. */
  static open(cwd: string, explicit: string | undefined, mode: BaselineMode, locale: Locale): BaselineRun | { error: string } {
    const path = explicit !== undefined ? resolve(cwd, explicit) : findBaselineFile(cwd) ?? resolve(cwd, BASELINE_FILE);
    const shown = relative(cwd, path) || path;
    const loaded = loadBaseline(path);
    if (!loaded.ok && loaded.reason === 'too-large') return { error: text(locale, 'baseline.tooLarge', { file: shown, bytes: loaded.bytes, max: loaded.max }) };
    if (!loaded.ok) {
      const detail = loaded.reason === 'unreadable' ? errnoText(locale, loaded.code) : text(locale, loaded.reason === 'json' ? 'baseline.invalidJson' : 'baseline.invalidShape');
      return { error: text(locale, loaded.reason === 'unreadable' ? 'baseline.unreadable' : 'baseline.invalid', { file: shown, detail }) };
    }
    return new BaselineRun(path, shown, loaded.baseline, loaded.exists, mode);
  }

  /** One file's problems: those to report and those the baseline holds. */
  split<D extends Diagnostic>(file: string, fileText: string, diagnostics: D[]): { reported: Fingerprinted<D>[]; suppressed: Fingerprinted<D>[] } {
    const key = baselineKey(this.path, file);
    this.checkedKeys.add(key);
    const found = fingerprint(fileText, diagnostics);
    if (this.mode === 'update') {
      this.next = withFile(this.next, key, found);
      return { reported: [], suppressed: found };
    }
    const applied = applyBaseline(this.original.files[key], found);
    this.stale += applied.stale.length;
    if (this.mode === 'prune') this.next = withoutStale(this.next, key, applied.stale);
    return { reported: applied.reported, suppressed: applied.suppressed };
  }

  /** After every file: report stale entries, or write the updated or pruned baseline. */
  async finish(io: CliIO, locale: Locale): Promise<boolean> {
    const gone = this.entriesOfMissingFiles();
    if (this.mode === 'apply') {
      const n = this.stale + gone.length;
      if (n) note(io, locale, text(locale, 'baseline.stale', { file: this.shown, n }));
      return true;
    }
    for (const key of new Set(gone.map((g) => g.key))) this.next = withoutStale(this.next, key, this.next.files[key] ?? []);
    const before = serializeBaseline(this.original);
    const after = serializeBaseline(this.next);
    if (this.mode === 'prune' && before === after) {
      confirm(io, text(locale, 'baseline.unchanged', { file: this.shown }));
      return true;
    }
    try {
      await saveBaseline(this.path, this.next);
    } catch (e) {
      note(io, locale, e instanceof AtomicWriteError ? e.fileError.message[locale] : String(e));
      return false;
    }
    if (this.mode === 'prune') confirm(io, text(locale, 'baseline.pruned', { file: this.shown, n: this.stale + gone.length }));
    else {
      const lists = Object.values(this.next.files);
      confirm(io, text(locale, 'baseline.written', { file: this.shown, n: lists.reduce((s, l) => s + l.length, 0), files: lists.length }));
    }
    return true;
  }

  /** entries of files that are neither checked now nor on disk any more (renamed, deleted) */
  private entriesOfMissingFiles(): { key: string; entry: BaselineEntry }[] {
    const base = dirname(this.path);
    return Object.entries(this.next.files)
      .filter(([key]) => !this.checkedKeys.has(key) && !existsSync(resolve(base, key)))
      .flatMap(([key, list]) => list.map((entry) => ({ key, entry })));
  }
}

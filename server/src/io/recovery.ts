// A file that --fix must rewrite in place (hard-linked, or another user's: a rename would break
// the links or change the owner) cannot be replaced atomically: killed between the write and the
// truncate, a 38,101-line plan kept its old length with its old tail repeated (39,388 lines). So
// before such a write its original bytes are kept in a recovery copy, with a journal naming the
// file and the hashes of its old and new content; both are removed once the write is done. A run
// that finds a journal whose file is neither the old nor the new content says where the original
// is, and leaves the file alone.
import { closeSync, existsSync, mkdirSync, openSync, promises as fsp, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { sha256Hex } from './builtins.js';
import { text, type Locale } from '../i18n/catalogue.js';

interface Journal {
  file: string;
  original: string;
  oldSha256: string;
  newSha256: string;
  pid: number;
}

/** A journal written, to drop once the write is done. */
export interface KeptOriginal {
  journal: string;
  original: string;
}

/** What a run finds of an earlier one's in-place write. */
export type Recovery = { state: 'none' } | { state: 'interrupted'; file: string; original: string; journal: string };

/** Beside the file (`.plan.txt.fengong-original`), else in a folder of the user's own under the
 *  temp folder (a foreign file in a folder the user may not write). */
function places(real: string, spareToo = true): KeptOriginal[] {
  const name = basename(real);
  const beside = { original: join(dirname(real), `.${name}.fengong-original`), journal: join(dirname(real), `.${name}.fengong-journal.json`) };
  if (!spareToo) return [beside];
  const spare = spareFolder();
  const key = sha256Hex(real).slice(0, 16);
  return [beside, { original: join(spare, `${key}.fengong-original`), journal: join(spare, `${key}.fengong-journal.json`) }];
}

/** once per process: asked for every file a check reads (os.tmpdir reads the environment each
 *  time; 1,000 files, ~60 ms of a cold run; issue 18) */
let spare: string | undefined;
function spareFolder(): string {
  return (spare ??= join(tmpdir(), `fengong-recovery-${process.getuid?.() ?? 'user'}`));
}

/** Keeps `old`, the file's bytes before the write of `next`, and its journal, both on disk
 *  (fsync) before the caller touches the file. Rejects when no place can hold them. */
export async function keepOriginal(real: string, old: Uint8Array, next: Uint8Array): Promise<KeptOriginal> {
  let failure: unknown;
  for (const p of places(real)) {
    try {
      if (dirname(p.journal) === spareFolder()) mkdirSync(spareFolder(), { recursive: true, mode: 0o700 });
      await writeDurable(p.original, old);
      const journal: Journal = { file: real, original: p.original, oldSha256: sha256Hex(old), newSha256: sha256Hex(next), pid: process.pid };
      await writeDurable(p.journal, JSON.stringify(journal, null, 2) + '\n');
      return p;
    } catch (e) {
      failure ??= e;
      await fsp.unlink(p.original).catch(() => undefined);
    }
  }
  throw failure;
}

async function writeDurable(path: string, bytes: Uint8Array | string): Promise<void> {
  const h = await fsp.open(path, 'w', 0o600);
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** The write is done: the journal goes first (a copy without a journal is only clutter). */
export async function dropOriginal(kept: KeptOriginal): Promise<void> {
  await fsp.unlink(kept.journal).catch(() => undefined);
  await fsp.unlink(kept.original).catch(() => undefined);
}

/**
 * A journal left for `file` by a run that was killed mid-write. One whose file now holds the old
 * or the new content is settled and removed; one of a run still going is left to it.
 */
export function pendingRecovery(file: string, knownReal?: string): Recovery {
  let real: string;
  try {
    // the system's realpath, as the writer's fs.promises.realpath: one call, not an lstat for each
    // folder of the path (with a hash of it, below, a quarter of checking 1,000 files outside the
    // engine; issue 18); none when the caller found it already (a folder's walk: `check`'s files)
    real = knownReal ?? realpathSync.native(file);
  } catch {
    return { state: 'none' };
  }
  // the spare folder is made by the first write that needed it: until then nothing can be there
  for (const p of places(real, existsSync(spareFolder()))) {
    const journal = readJournal(p.journal);
    if (!journal || journal.file !== real || (journal.pid !== process.pid && alive(journal.pid))) continue;
    let now: string;
    try {
      now = sha256Hex(readFileSync(real));
    } catch {
      continue;
    }
    if (now !== journal.oldSha256 && now !== journal.newSha256) return { state: 'interrupted', file, original: journal.original, journal: p.journal };
    for (const f of [p.journal, journal.original]) {
      try { unlinkSync(f); } catch { /* someone else settled it */ }
    }
  }
  return { state: 'none' };
}

function readJournal(path: string): Journal | undefined {
  // almost never there: asked without an exception (a failed open's error, stack and all, was most
  // of `check`'s per-file cost outside the engine: 1,000 files, 2,000 of them; issue 18)
  if (!existsSync(path)) return undefined;
  try {
    const fd = openSync(path, 'r');
    try {
      const j = JSON.parse(readFileSync(fd, 'utf8')) as Partial<Journal>;
      return typeof j.file === 'string' && typeof j.original === 'string' && typeof j.oldSha256 === 'string' && typeof j.newSha256 === 'string' && typeof j.pid === 'number' ? j as Journal : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the user is told of an interrupted write, naming the file, its original and the journal. */
export function recoveryMessage(r: Extract<Recovery, { state: 'interrupted' }>, locale: Locale): string {
  return text(locale, 'io.interrupted', { path: r.file, original: r.original, journal: r.journal });
}

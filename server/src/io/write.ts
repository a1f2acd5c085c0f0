// The one way fengong writes a file the user named (check --fix, check/table -o, the baseline),
// promising what ESLint and editors promise:
// - a file the user cannot write (or that is read-only, 0444) is not written: an error naming it;
// - a regular file is replaced atomically (temp file beside it, fsync, rename) keeping its owner
//   and mode (setuid/setgid too); a file with other hard links, or owned by someone else, is
//   rewritten in place instead, because a rename would break the links or change the owner;
// - a symlink is written through to its target; a FIFO or character device (`-o /dev/stdout`)
//   is written as a stream; nothing that is not a regular file is ever renamed over;
// - with `expect` (--fix), the file is replaced only if it is unchanged since it was read (size,
//   mtime and content hash compared just before the rename), else it is left as it is; an edit
//   landing after that check is found after the rename in the old file (still open) and put back;
// - an in-place write keeps a recovery copy and journal until it is done (recovery.ts);
// - no temp file outlives the process: they are removed on failure, on SIGINT/SIGTERM/SIGHUP
//   (watched from before the file exists), and stale ones of our own naming (left by a SIGKILL)
//   are swept before the next write.
import { constants, promises as fsp, readdirSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { nodeCrypto, sha256Hex } from './builtins.js';
import { encodeText, type EncodingMeta } from './encoding.js';
import { errnoCode, errnoMessage, fileError, type FileError, type FileErrorCode, type FileErrorWhy } from './file-error.js';
import { dropOriginal, keepOriginal } from './recovery.js';
import { hasRawBytes } from './raw-path.js';

/** What a file was when it was read: enough to tell whether it changed since. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** The hash is taken when first asked for, of the bytes as read (nothing changes them): only a
 *  fix writing the file back asks, and hashing every file a check reads was ~60 ms of checking
 *  1,000 files (issue 18). */
export function stampOf(st: Pick<Stats, 'size' | 'mtimeMs'>, bytes: Uint8Array): FileStamp {
  let hash: string | undefined;
  return { size: st.size, mtimeMs: st.mtimeMs, get sha256() { return (hash ??= sha256Hex(bytes)); } };
}

/** The subset of fs.promises the writer uses; tests inject failures (and pauses) through it. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  chmod: typeof fsp.chmod;
  realpath: typeof fsp.realpath;
}

export interface WriteOptions {
  /** The file as it was read (--fix): it is replaced only if it is still exactly so. */
  expect?: FileStamp;
  /** An output file (-o): missing folders are created, and a bad target is named as such. */
  output?: boolean;
  /** The path as the user wrote it, for messages (default: `path`). */
  name?: string;
  fs?: Partial<AtomicWriteFs>;
}

/** Thrown (as a rejection) by the writer; `fileError` is ready for the CLI to print. */
export class AtomicWriteError extends Error {
  readonly code: string;
  readonly fileError: FileError;
  constructor(path: string, override readonly cause: unknown, readonly kind: FileErrorCode = 'write-failed', readonly why?: FileErrorWhy) {
    const errno = errnoCode(cause);
    // a failed write says its errno (ENOSPC…); a refusal says what it refused
    const code = kind === 'write-failed' ? errno ?? 'EIO' : kind;
    const fe = fileError(kind, path, cause === undefined ? kind : `${errno ?? 'error'}: ${errnoMessage(cause)}`, why ?? (errno ? { errno } : undefined));
    super(`${fe.message.zh}\n${fe.message.en}`, cause === undefined ? undefined : { cause });
    this.name = 'AtomicWriteError';
    this.code = code;
    this.fileError = fe;
  }

  /** The same error naming the file as the user wrote it (`-o out.md`, not its absolute path). */
  named(path: string): AtomicWriteError {
    return new AtomicWriteError(path, this.cause, this.kind, this.why);
  }
}

/** fs.promises, read at the first write: the getter loads node's promise API (and readline), which
 *  a `check` without --fix never uses */
const defaultFs = (): AtomicWriteFs => ({
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  chmod: fsp.chmod,
  realpath: fsp.realpath,
});

/** Where the bytes go, once links are followed. */
type Target =
  | { kind: 'fd'; fd: number }
  | { kind: 'new'; path: string }
  | { kind: 'regular'; path: string; st: Stats }
  | { kind: 'stream'; path: string };

/** What is written: bytes, or chunks of bytes made while they are written (a big task table is
 *  streamed into the temp file, never whole in memory). */
export type WriteBody = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Write `buf` to `path` as the header says. On any failure the original is untouched, no temp file
 * is left, and the promise rejects with an AtomicWriteError naming the file.
 */
export async function writeFileAtomic(path: string, buf: WriteBody, opts: WriteOptions = {}): Promise<void> {
  try {
    await write(path, buf, opts);
  } catch (e) {
    throw opts.name !== undefined && e instanceof AtomicWriteError ? e.named(opts.name) : e;
  }
}

async function write(path: string, buf: WriteBody, opts: WriteOptions): Promise<void> {
  // a name that is not UTF-8 is read (raw-path.ts) but not written: said, the file untouched
  if (hasRawBytes(path)) throw new AtomicWriteError(path, undefined, 'write-failed', { id: 'io.why.rawName', data: {} });
  const f: AtomicWriteFs = { ...defaultFs(), ...opts.fs };
  const target = await resolveTarget(path, f, !!opts.output);
  if (target.kind === 'fd') return writeFd(path, target.fd, buf);
  if (target.kind === 'stream') return writeStream(path, target.path, buf, f);
  if (target.kind === 'regular') {
    await refuseUnwritable(path, target.path, target.st, !!opts.output);
    // in place, the old bytes are kept until the new are whole: a stream is gathered first
    if (inPlace(target.st)) return writeInPlace(path, target.path, await whole(path, buf), f, opts.expect);
  } else if (opts.expect) {
    throw new AtomicWriteError(path, undefined, 'changed'); // read a moment ago, now gone
  }
  await replace(path, target, buf, f, opts.expect);
}

/**
 * Encode `newText` with the file's original meta (encoding, BOM, and — unless the file mixes them —
 * its line ending) and write it if the bytes differ from the file's current bytes. Resolves to
 * whether it wrote; rejects with AtomicWriteError when writing failed or the file changed.
 */
export async function writeTextPreserving(
  path: string,
  newText: string,
  meta: Pick<EncodingMeta, 'encoding' | 'bom'> & Partial<Pick<EncodingMeta, 'eol' | 'mixedEol'>>,
  opts: WriteOptions = {},
): Promise<boolean> {
  const bytes = encodeText(newText, meta);
  const current = await fsp.readFile(path).catch(() => undefined);
  if (current && current.equals(bytes)) return false;
  await writeFileAtomic(path, bytes, opts);
  return true;
}

// ---- where to write ------------------------------------------------------------------------

async function resolveTarget(path: string, f: AtomicWriteFs, output: boolean): Promise<Target> {
  const abs = resolve(path);
  // the process's own descriptors, named or linked to (`-o link`, link → /dev/stdout): written to
  // as they are, so a `>> r.out` stays an append and a pipe a pipe
  const fd = await ownDescriptor(abs);
  if (fd !== undefined) return { kind: 'fd', fd };
  let st: Stats | undefined;
  try {
    st = await f.stat(abs);
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw outputOr(path, e, output);
  }
  if (!st) {
    // missing, or a dangling symlink: created where the link points
    const created = await danglingTarget(abs).catch((e: unknown) => { throw outputOr(path, e, output); });
    if (output) await fsp.mkdir(dirname(created), { recursive: true }).catch((e: unknown) => { throw new AtomicWriteError(path, e, 'output-target'); });
    return { kind: 'new', path: created };
  }
  if (st.isDirectory()) throw new AtomicWriteError(path, undefined, output ? 'output-target' : 'write-failed', { errno: 'EISDIR' });
  // /dev/stdout, /proc/self/fd/1 and the like are the process's own streams: never replaced
  const magic = /^\/(dev|proc)\//.test(abs);
  if (st.isFIFO() || st.isCharacterDevice() || (magic && st.isFile())) return { kind: 'stream', path: abs };
  if (!st.isFile()) throw new AtomicWriteError(path, undefined, output ? 'output-target' : 'write-failed', { id: 'io.why.special', data: {} });
  return { kind: 'regular', path: await f.realpath(abs).catch((e: unknown) => { throw new AtomicWriteError(path, e); }), st };
}

/** The descriptor of this process that `abs` names, directly or through symbolic links. */
async function ownDescriptor(abs: string): Promise<number | undefined> {
  let p = abs;
  for (let hops = 0; hops < 40; hops++) {
    const fd = /^\/dev\/(stdout|stderr)$/.exec(p)?.[1] ?? /^\/(?:dev|proc\/self|proc\/\d+)\/fd\/(\d+)$/.exec(p)?.[1];
    if (fd !== undefined && (!/^\/proc\/\d+\//.test(p) || p.startsWith(`/proc/${process.pid}/`))) return fd === 'stdout' ? 1 : fd === 'stderr' ? 2 : Number(fd);
    const target = await fsp.readlink(p).catch(() => undefined);
    if (target === undefined) return undefined;
    p = resolve(dirname(p), target);
  }
  return undefined;
}

function outputOr(path: string, e: unknown, output: boolean): AtomicWriteError {
  return new AtomicWriteError(path, e, output && ['ENOTDIR', 'ELOOP', 'ENAMETOOLONG'].includes(errnoCode(e) ?? '') ? 'output-target' : 'write-failed');
}

/** Follows symlinks to a path that does not exist (yet). */
async function danglingTarget(abs: string): Promise<string> {
  let p = abs;
  for (let hops = 0; hops < 40; hops++) {
    const st = await fsp.lstat(p).catch(() => undefined);
    if (!st?.isSymbolicLink()) return p;
    p = resolve(dirname(p), await fsp.readlink(p));
  }
  throw Object.assign(new Error(`too many symbolic links: ${abs}`), { code: 'ELOOP' });
}

/** A file the user may not write is not written, even where the folder would allow a rename;
 *  root, whom access(2) lets write anything, still honours a file marked read-only (no w bits). */
async function refuseUnwritable(path: string, real: string, st: Stats, output: boolean): Promise<void> {
  const denied = await fsp.access(real, constants.W_OK).then(() => undefined, (e: unknown) => e);
  if (denied === undefined && (st.mode & 0o222) !== 0) return;
  const cause = denied ?? Object.assign(new Error('no write permission bits'), { code: 'EACCES' });
  throw new AtomicWriteError(path, cause, output ? 'output-target' : 'read-only');
}

/** A rename would break other hard links, or (not being root) change the file's owner to us. */
function inPlace(st: Stats): boolean {
  const uid = process.getuid?.();
  return st.nlink > 1 || (uid !== undefined && uid !== 0 && st.uid !== uid);
}

// ---- the three ways of writing ---------------------------------------------------------------

async function replace(path: string, target: Extract<Target, { kind: 'new' | 'regular' }>, buf: WriteBody, f: AtomicWriteFs, expect?: FileStamp): Promise<void> {
  const dir = dirname(target.path);
  sweepStale(dir, basename(target.path));
  const mode = target.kind === 'regular' ? target.st.mode & 0o7777 : undefined;
  const tmp = join(dir, `.${basename(target.path)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  // watched before it exists: a SIGTERM the moment open() returns still finds it
  track(tmp);
  let created = false;
  let original: FileHandle | undefined;
  try {
    const handle = await f.open(tmp, 'wx', mode === undefined ? 0o666 : mode & 0o777);
    created = true;
    try {
      await writeBody(handle, buf);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (target.kind === 'regular') {
      // root (CI containers) keeps the file's owner; chown clears setuid/setgid, so chmod after it
      if (process.getuid?.() === 0) await fsp.chown(tmp, target.st.uid, target.st.gid).catch(() => undefined);
      await f.chmod(tmp, mode!); // open() applied the umask and no setuid/setgid bits
    }
    if (expect) original = await openUnchanged(path, target.path, expect, f);
    await f.rename(tmp, target.path);
    created = false;
  } catch (e) {
    if (created) await f.unlink(tmp).catch(() => undefined);
    await original?.close().catch(() => undefined);
    throw e instanceof AtomicWriteError ? e : new AtomicWriteError(path, e);
  } finally {
    untrack(tmp);
  }
  await syncDir(dir);
  if (original) await putBackLateEdit(path, target.path, original, expect!, f);
}

/** Hard-linked or foreign-owned files: the same inode is rewritten (every name sees the fix),
 *  with the original kept aside until the write is done: a kill midway leaves it recoverable. */
async function writeInPlace(path: string, real: string, buf: Uint8Array, f: AtomicWriteFs, expect?: FileStamp): Promise<void> {
  try {
    const old = expect ? await readUnchanged(path, real, expect, f) : await fsp.readFile(real);
    const kept = await keepOriginal(real, old, buf);
    const handle = await f.open(real, 'r+');
    try {
      await handle.write(buf, 0, buf.length, 0);
      await handle.truncate(buf.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await dropOriginal(kept);
  } catch (e) {
    throw e instanceof AtomicWriteError ? e : new AtomicWriteError(path, e);
  }
}

async function writeStream(path: string, real: string, buf: WriteBody, f: AtomicWriteFs): Promise<void> {
  try {
    const handle = await f.open(real, 'w');
    try {
      await writeBody(handle, buf);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new AtomicWriteError(path, e);
  }
}

async function writeFd(path: string, fd: number, body: WriteBody): Promise<void> {
  try {
    for await (const buf of body instanceof Uint8Array ? [body] : body) {
      for (let at = 0; at < buf.length;) {
        // a non-blocking pipe says EAGAIN when full: wait for the reader
        try {
          at += writeSync(fd, buf, at, buf.length - at);
        } catch (e) {
          if (errnoCode(e) !== 'EAGAIN') throw e;
          await new Promise((res) => setTimeout(res, 5));
        }
      }
    }
  } catch (e) {
    throw e instanceof AtomicWriteError ? e : new AtomicWriteError(path, e);
  }
}

/** Bytes, or each chunk as it comes, written whole. */
async function writeBody(handle: FileHandle, body: WriteBody): Promise<void> {
  if (body instanceof Uint8Array) return void (await handle.writeFile(body));
  for await (const buf of body) {
    for (let at = 0; at < buf.length;) at += (await handle.write(buf, at, buf.length - at)).bytesWritten;
  }
}

/** A streamed body gathered into one buffer (an in-place write needs its length first). */
async function whole(path: string, body: WriteBody): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  try {
    for await (const c of body) chunks.push(c);
  } catch (e) {
    throw new AtomicWriteError(path, e);
  }
  return Buffer.concat(chunks);
}

/** The file must still be what was read: someone (an editor) may have saved it meanwhile. */
async function readUnchanged(path: string, real: string, expect: FileStamp, f: AtomicWriteFs): Promise<Buffer> {
  const st = await f.stat(real).catch(() => undefined);
  if (st && st.size === expect.size && st.mtimeMs === expect.mtimeMs) {
    const now = await fsp.readFile(real).catch(() => undefined);
    if (now && stampOf(st, now).sha256 === expect.sha256) return now;
  }
  throw new AtomicWriteError(path, undefined, 'changed');
}

/** The same check, keeping the file open: after the rename its old inode is read once more. */
async function openUnchanged(path: string, real: string, expect: FileStamp, f: AtomicWriteFs): Promise<FileHandle> {
  const h = await fsp.open(real, 'r').catch(() => undefined);
  if (!h) throw new AtomicWriteError(path, undefined, 'changed');
  try {
    const [st, named] = await Promise.all([h.stat(), f.stat(real).catch(() => undefined)]);
    // the name must still be this inode (an editor's save-by-rename would put another there)
    if (named?.ino === st.ino && st.size === expect.size && st.mtimeMs === expect.mtimeMs && sha256Hex(await readAll(h)) === expect.sha256) return h;
  } catch { /* unreadable now: changed */ }
  await h.close().catch(() => undefined);
  throw new AtomicWriteError(path, undefined, 'changed');
}

/**
 * An edit written into the old file between the last check and the rename (an editor saving in
 * place, `echo >> plan.txt`) would be lost with the old inode: it is put back under the name,
 * atomically, and the fix reported as not saved. No edit is ever lost silently.
 */
async function putBackLateEdit(path: string, real: string, original: FileHandle, expect: FileStamp, f: AtomicWriteFs): Promise<void> {
  let theirs: Buffer;
  try {
    theirs = await readAll(original);
  } finally {
    await original.close().catch(() => undefined);
  }
  if (sha256Hex(theirs) === expect.sha256) return;
  const st = await fsp.stat(real);
  await replace(path, { kind: 'regular', path: real, st }, theirs, f);
  throw new AtomicWriteError(path, undefined, 'restored');
}

async function readAll(h: FileHandle): Promise<Buffer> {
  const { size } = await h.stat();
  const buf = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await h.read(buf, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return buf.subarray(0, at);
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not possible on every platform, so failure is ignored.
  const h = await fsp.open(dir, 'r').catch(() => undefined);
  if (!h) return;
  await h.sync().catch(() => undefined);
  await h.close().catch(() => undefined);
}

// ---- temp files: removed on signals, stale ones swept ----------------------------------------

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of live) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
  }
  live.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // die of the signal as if we had not caught it (exit status 128 + n for the shell)
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (live.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  live.add(tmp);
}

function untrack(tmp: string): void {
  if (!live.delete(tmp) || live.size) return;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** `.NAME.PID.HEX.tmp` beside NAME whose process is gone (killed mid-write): removed. */
export function sweepStale(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const e of entries) {
    if (!e.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(e.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    try { unlinkSync(join(dir, e)); } catch { /* someone else swept it */ }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM'; // alive, someone else's
  }
}

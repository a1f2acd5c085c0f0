// Reading plan files, writing them back safely, and turning CLI arguments into a file list.
// Nothing here throws for a bad file: the CLI reports it and goes on with the others. Writes are
// atomic (temp file + fsync + rename) so a full disk or a read-only target never corrupts a plan.
import { promises as fsp, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import picomatch from 'picomatch';
import { decodeBuffer, encodeText, type EncodingMeta } from './encoding.js';
import { errnoText as catalogueErrno, text, type Locale, type MessageData, type MessageId } from '../i18n/catalogue.js';

export type { EncodingMeta } from './encoding.js';

export type FileErrorCode =
  | 'ENOENT' // missing
  | 'EISDIR' // a folder where a file was expected
  | 'EACCES' // no permission
  | 'ELOOP' // symlink loop
  | 'not-file' // FIFO, socket, device: reading could hang
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'no-match' // a glob or folder that yields no plan files
  | 'write-failed'
  | 'EIO'; // any other I/O error

export interface FileError {
  code: FileErrorCode;
  /** The path as given (absolute when it came from a folder walk). */
  path: string;
  /** What happened and what to do, naming the file; Chinese first. */
  message: { zh: string; en: string };
  /** Technical detail (errno text, decoding offset). */
  detail?: string;
  /** Where decoding failed, for 'undecodable'. */
  offset?: number;
  line?: number;
}

export type ReadResult =
  | { ok: true; text: string; meta: EncodingMeta; path: string }
  | { ok: false; path: string; error: FileError };

/** Files above this size are refused rather than read into memory (the benchmark's largest is 10 MB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Read and decode a plan file. Never throws. */
export async function readPlanFile(path: string, opts: { maxBytes?: number } = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let st: Stats;
  try {
    // synchronous on purpose: plans are small, and fs.promises.readFile costs several thread-pool
    // round trips per file (1,000 files: ~0.4 s); the caller lints synchronously anyway
    st = statSync(path);
  } catch (e) {
    return { ok: false, path, error: errnoError(path, e) };
  }
  if (st.isDirectory()) return { ok: false, path, error: fileError('EISDIR', path) };
  if (!st.isFile()) return { ok: false, path, error: fileError('not-file', path) };
  if (st.size > maxBytes) return { ok: false, path, error: fileError('too-large', path, `${st.size} bytes > ${maxBytes}`, { id: 'io.why.size', data: { bytes: st.size, max: maxBytes } }) };
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    return { ok: false, path, error: errnoError(path, e) };
  }
  const d = decodeBuffer(buf);
  if (!d.ok) {
    const error = fileError(d.reason, path, d.detail, d.why);
    if (d.offset !== undefined) error.offset = d.offset;
    if (d.line !== undefined) error.line = d.line;
    return { ok: false, path, error };
  }
  const { text, encoding, bom, eol, mixedEol } = d;
  return { ok: true, text, meta: { encoding, bom, eol, mixedEol }, path };
}

/** The subset of fs.promises that writeFileAtomic uses; tests inject failures through it. */
export interface AtomicWriteFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
  stat: typeof fsp.stat;
  chmod: typeof fsp.chmod;
  realpath: typeof fsp.realpath;
}

/** Thrown (as a rejection) by writeFileAtomic; `fileError` is ready for the CLI to print. */
export class AtomicWriteError extends Error {
  readonly code: string;
  readonly fileError: FileError;
  constructor(path: string, cause: unknown) {
    const code = errnoCode(cause) ?? 'EIO';
    const fe = fileError('write-failed', path, `${code}: ${errnoText(cause)}`, { errno: code });
    super(`${fe.message.zh}\n${fe.message.en}`, { cause });
    this.name = 'AtomicWriteError';
    this.code = code;
    this.fileError = fe;
  }
}

/**
 * Replace `path` with `buf` atomically: write a uniquely named temp file beside it, fsync, give it
 * the original's mode, rename it over the original. On any failure the temp file is removed, the
 * original is untouched, and the promise rejects with an AtomicWriteError naming the file.
 * A symlinked target is written through (the link stays a link).
 */
export async function writeFileAtomic(path: string, buf: Uint8Array, fs: Partial<AtomicWriteFs> = {}): Promise<void> {
  const f: AtomicWriteFs = { ...defaultFs, ...fs };
  let target = path;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    target = await f.realpath(path);
    const st = await f.stat(target);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw new AtomicWriteError(path, e);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await f.open(tmp, 'wx', mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(buf);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; the written file must keep the original's exact mode.
    if (mode !== undefined) await f.chmod(tmp, mode);
    // Run as root (CI containers), keep the file's owner; elsewhere only root could chown anyway.
    if (owner && process.getuid?.() === 0) await fsp.chown(tmp, owner.uid, owner.gid).catch(() => undefined);
    await f.rename(tmp, target);
    created = false;
  } catch (e) {
    if (created) await f.unlink(tmp).catch(() => undefined);
    throw new AtomicWriteError(path, e);
  }
  await syncDir(dirname(target));
}

/**
 * Encode `newText` with the file's original meta (encoding, BOM, and — unless the file mixes them —
 * its line ending) and write it atomically if the bytes differ from the file's current bytes.
 * Resolves to whether it wrote; rejects with AtomicWriteError when writing failed.
 */
export async function writeTextPreserving(
  path: string,
  newText: string,
  meta: Pick<EncodingMeta, 'encoding' | 'bom'> & Partial<Pick<EncodingMeta, 'eol' | 'mixedEol'>>,
  fs: Partial<AtomicWriteFs> = {},
): Promise<boolean> {
  const bytes = encodeText(newText, meta);
  const current = await fsp.readFile(path).catch(() => undefined);
  if (current && current.equals(bytes)) return false;
  await writeFileAtomic(path, bytes, fs);
  return true;
}

export interface ExpandOptions {
  cwd: string;
  /** Plan file extensions taken from folders (default ['.txt', '.plan']). */
  extensions?: string[];
  /** Follow symlinks that lead outside the given roots (default false). */
  followSymlinks?: boolean;
  /** Globs (relative to cwd, posix slashes) of files and folders to leave out. */
  ignore?: string[];
  /** Which files a folder yields, instead of the extensions (the configs' `files`). */
  accept?: (abs: string) => boolean;
  /** More files and folders to leave out of walks (the configs' `ignore`). */
  isIgnored?: (abs: string) => boolean;
}

/**
 * Turn CLI arguments (files, folders, globs) into a sorted, de-duplicated list of absolute file
 * paths, plus an error entry for each argument that yields nothing usable. Folders give their plan
 * files recursively, skipping node_modules and dot-folders. Symlink loops are cut; symlinks leading
 * outside the given roots are followed only with followSymlinks.
 */
export async function expandInputs(args: string[], opts: ExpandOptions): Promise<{ files: string[]; errors: FileError[] }> {
  const ctx = makeContext(opts);
  const errors: FileError[] = [];
  const found: Found[] = [];
  const plans = await Promise.all(args.map((arg) => planArg(arg, ctx)));
  for (const r of plans) if (r.root) ctx.roots.push(r.root);
  for (const r of plans) {
    if (r.error) errors.push(r.error);
    else await collectArg(r, ctx, found, errors);
  }
  return { files: dedupe(found), errors };
}

// ---------------------------------------------------------------------------------------------

interface Found {
  path: string;
  real: string;
}

interface Context {
  cwd: string;
  extensions: string[];
  followSymlinks: boolean;
  accept?: (abs: string) => boolean;
  isIgnored: (abs: string) => boolean;
  /** Real paths of the folders given (and glob bases): symlinks may lead anywhere inside them. */
  roots: string[];
}

/** One argument after its first look: a file, a folder to walk, or a glob to match. */
interface ArgPlan {
  arg: string;
  kind?: 'file' | 'dir' | 'glob';
  abs: string;
  root?: string;
  matcher?: (rel: string) => boolean;
  error?: FileError;
}

const defaultFs: AtomicWriteFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  stat: fsp.stat,
  chmod: fsp.chmod,
  realpath: fsp.realpath,
};

function makeContext(opts: ExpandOptions): Context {
  const cwd = resolve(opts.cwd);
  const ignore = opts.ignore?.length ? picomatch(opts.ignore, { dot: true }) : undefined;
  return {
    cwd,
    extensions: (opts.extensions ?? ['.txt', '.plan']).map((e) => e.toLowerCase()),
    followSymlinks: opts.followSymlinks ?? false,
    accept: opts.accept,
    isIgnored: (abs) => {
      if (opts.isIgnored?.(abs)) return true;
      if (!ignore) return false;
      const rel = toPosix(relative(cwd, abs));
      return ignore(rel) || ignore(rel + '/');
    },
    roots: [],
  };
}

async function planArg(arg: string, ctx: Context): Promise<ArgPlan> {
  const scan = picomatch.scan(toPosix(arg));
  if (scan.isGlob) {
    // Match the glob part against paths relative to the literal base, so special characters in
    // the base (or in cwd) are never read as glob syntax.
    const abs = resolve(ctx.cwd, scan.base || '.');
    const glob = picomatch(scan.glob, { dot: false });
    const matcher = (file: string) => glob(toPosix(relative(abs, file)));
    const root = await fsp.realpath(abs).catch(() => undefined);
    if (!root) return { arg, abs, error: fileError('no-match', arg) };
    return { arg, kind: 'glob', abs, root, matcher };
  }
  const abs = resolve(ctx.cwd, arg);
  let st: Stats;
  try {
    st = await fsp.stat(abs);
  } catch (e) {
    return { arg, abs, error: errnoError(arg, e) };
  }
  if (st.isDirectory()) {
    // A path named like a plan file (`a.txt`) that is a folder: the user meant a file.
    if (hasExtension(abs, ctx.extensions) && !arg.endsWith('/') && !arg.endsWith(sep)) {
      return { arg, abs, error: fileError('EISDIR', arg) };
    }
    return { arg, kind: 'dir', abs, root: await fsp.realpath(abs) };
  }
  if (!st.isFile()) return { arg, abs, error: fileError('not-file', arg) };
  return { arg, kind: 'file', abs };
}

async function collectArg(plan: ArgPlan, ctx: Context, found: Found[], errors: FileError[]): Promise<void> {
  if (plan.kind === 'file') {
    // An explicitly named file is taken whatever its extension, as ESLint does.
    found.push({ path: plan.abs, real: await fsp.realpath(plan.abs) });
    return;
  }
  const before = found.length;
  const accept = plan.kind === 'glob' ? plan.matcher! : ctx.accept ?? ((abs: string) => hasExtension(abs, ctx.extensions));
  await walk(plan.abs, ctx, accept, found, errors, new Set([plan.root!]));
  if (found.length === before) errors.push(fileError('no-match', plan.arg));
}

/**
 * Depth-first walk. `seen` holds the real paths of the folders on the current branch, so a symlink
 * back to an ancestor (a loop) is skipped instead of followed forever.
 */
async function walk(
  dir: string,
  ctx: Context,
  accept: (abs: string) => boolean,
  found: Found[],
  errors: FileError[],
  seen: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    errors.push(errnoError(dir, e));
    return;
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const ent of entries) {
    const abs = join(dir, ent.name);
    if (ctx.isIgnored(abs)) continue;
    if (ent.isDirectory()) {
      if (skipFolder(ent.name)) continue;
      const real = await fsp.realpath(abs).catch(() => abs);
      if (seen.has(real)) continue;
      await walk(abs, ctx, accept, found, errors, new Set([...seen, real]));
    } else if (ent.isFile()) {
      if (accept(abs)) found.push({ path: abs, real: await fsp.realpath(abs).catch(() => abs) });
    } else if (ent.isSymbolicLink()) {
      await followLink(abs, ent.name, ctx, accept, found, errors, seen);
    }
  }
}

async function followLink(
  abs: string,
  name: string,
  ctx: Context,
  accept: (abs: string) => boolean,
  found: Found[],
  errors: FileError[],
  seen: Set<string>,
): Promise<void> {
  let real: string;
  let st: Stats;
  try {
    real = await fsp.realpath(abs);
    st = await fsp.stat(real);
  } catch {
    return; // dangling link or a loop of links: nothing to read
  }
  if (!ctx.followSymlinks && !ctx.roots.some((root) => isInside(real, root))) return;
  if (st.isDirectory()) {
    if (skipFolder(name) || seen.has(real)) return;
    await walk(abs, ctx, accept, found, errors, new Set([...seen, real]));
  } else if (st.isFile() && accept(abs)) {
    found.push({ path: abs, real });
  }
}

/** Sorted, and each real file once (under its first path in sorted order). */
function dedupe(found: Found[]): string[] {
  const byPath = [...found].sort((a, b) => compare(a.path, b.path));
  const reals = new Set<string>();
  const out: string[] = [];
  for (const f of byPath) {
    if (reals.has(f.real)) continue;
    reals.add(f.real);
    out.push(f.path);
  }
  return out;
}

function skipFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function hasExtension(path: string, extensions: string[]): boolean {
  const lower = path.toLowerCase();
  return extensions.some((e) => lower.endsWith(e));
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Code-unit order: deterministic across locales. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toPosix(p: string): string {
  return sep === '\\' ? p.replace(/\\/g, '/') : p;
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not possible on every platform, so failure is ignored.
  const h = await fsp.open(dir, 'r').catch(() => undefined);
  if (!h) return;
  await h.sync().catch(() => undefined);
  await h.close().catch(() => undefined);
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function errnoText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function errnoError(path: string, e: unknown): FileError {
  const code = errnoCode(e);
  const known: FileErrorCode =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'ENOENT'
      : code === 'EACCES' || code === 'EPERM'
        ? 'EACCES'
        : code === 'EISDIR'
          ? 'EISDIR'
          : code === 'ELOOP'
            ? 'ELOOP'
            : 'EIO';
  return fileError(known, path, `${code ?? 'error'}: ${errnoText(e)}`, { errno: code ?? 'EIO' });
}

/** What a FileError's message says in its parenthesis: an errno code, or words from the catalogue. */
export type FileErrorWhy = { errno: string } | { id: MessageId; data: MessageData };

/** Build a FileError with its zh + en message (what happened, what to do) from the catalogue;
 *  `detail` stays technical (English) for logs and tests. */
export function fileError(code: FileErrorCode, path: string, detail?: string, why?: FileErrorWhy): FileError {
  const say = (locale: Locale): string => {
    const words = !why ? '' : 'errno' in why ? `${why.errno}${locale === 'en' ? ': ' : '，'}${catalogueErrno(locale, why.errno)}` : text(locale, why.id, why.data);
    return text(locale, `io.${code}`, { path, detail: words ? text(locale, 'io.detail', { detail: words }) : '' });
  };
  const err: FileError = { code, path, message: { zh: say('zh'), en: say('en') } };
  if (detail !== undefined) err.detail = detail;
  return err;
}

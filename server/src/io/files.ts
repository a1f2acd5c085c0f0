// Reading plan files, writing them back safely, and turning CLI arguments into a file list.
// Nothing here throws for a bad file: the CLI reports it and goes on with the others. Writes are
// done by write.ts (atomic, keeps owner, mode and links, never overwrites a concurrent edit).
import { closeSync, fstatSync, openSync, readdir, readFileSync, realpath, stat, statSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { isUtf8, transcode } from 'node:buffer';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { decodeBuffer, type DecodeNote, type EncodingMeta, type Utf8Decoder } from './encoding.js';
import { text } from '../i18n/catalogue.js';
import { errnoError, fileError, type FileError } from './file-error.js';
import { compileGlob, GlobError, MAX_GLOB_LENGTH } from '../config/glob.js';
import { decodeRawName, fsPath } from './raw-path.js';
import { stampOf, type FileStamp } from './write.js';

// fs's callback functions as promises, not fs.promises: its getter loads node's promise API (file
// handles, watchers, readline), 3–5 ms of every start that names a file (issue 18). Made at first
// use: the web page bundles this module, and its stand-ins for node's modules throw when called.
const promised = () => ({
  stat: promisify(stat),
  readdir: promisify(readdir),
  /** the system's realpath(3), as fs.promises.realpath, its bytes kept */
  realpath: (p: string | Buffer) => new Promise<Buffer>((ok, fail) => realpath.native(p, { encoding: 'buffer' }, (e, r) => (e ? fail(e) : ok(r)))),
});
let made: ReturnType<typeof promised> | undefined;
const fsp = () => (made ??= promised());

/** UTF-8 checked (simdutf) and turned into UTF-16 by node, natively: V8's own decoder (TextDecoder,
 *  toString('utf8')) takes ~9 ms a megabyte of Chinese, ~80 ms of checking 1,000 10 KB plans, this
 *  ~1.5 ms (issue 18). The same text; without ICU (no transcode) the standard decoder. Past
 *  EXTERNAL_UTF16 bytes node would make the text an external string, outside V8's heap and its
 *  limit (a worker's heap limit no longer stopped a 6 MB plan): there V8's decoder, as before. */
const nativeUtf8: Utf8Decoder | undefined = typeof transcode === 'function'
  ? (buf) => {
    if (!isUtf8(buf)) return undefined;
    // UTF-16 takes at least two thirds of UTF-8's bytes: a file this big would come out external,
    // so it is not transcoded only for that copy to be dropped
    if (buf.length * 2 < EXTERNAL_UTF16 * 3) {
      const utf16 = transcode(buf, 'utf8', 'utf16le');
      if (utf16.length < EXTERNAL_UTF16) return utf16.toString('utf16le');
    }
    return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  }
  : undefined;
/** node's EXTERN_APEX (src/string_bytes.cc): from this many bytes on, toString makes an external string */
const EXTERNAL_UTF16 = 0xfbee9;

export type { EncodingMeta } from './encoding.js';
export { errnoError, fileError, type FileError, type FileErrorCode, type FileErrorWhy } from './file-error.js';
export { AtomicWriteError, stampOf, writeFileAtomic, writeTextPreserving, type AtomicWriteFs, type FileStamp, type WriteOptions } from './write.js';

export type ReadResult =
  | { ok: true; text: string; meta: EncodingMeta; path: string; stamp: FileStamp; note?: { zh: string; en: string } }
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
    st = statSync(fsPath(path));
  } catch (e) {
    return { ok: false, path, error: errnoError(path, e) };
  }
  if (st.isDirectory()) return { ok: false, path, error: fileError('EISDIR', path) };
  if (!st.isFile()) return { ok: false, path, error: fileError('not-file', path) };
  if (st.size > maxBytes) return { ok: false, path, error: fileError('too-large', path, `${st.size} bytes > ${maxBytes}`, { id: 'io.why.size', data: { bytes: st.size, max: maxBytes } }) };
  let buf: Buffer;
  let stamp: FileStamp;
  try {
    // the stamp (size, mtime, hash) is of the bytes read, taken from the same descriptor after
    // reading: a --fix writes only if the file is still so just before replacing it
    const fd = openSync(fsPath(path), 'r');
    try {
      buf = readFileSync(fd);
      stamp = stampOf(fstatSync(fd), buf);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, path, error: errnoError(path, e) };
  }
  const d = decodeBuffer(buf, nativeUtf8);
  if (!d.ok) {
    const error = fileError(d.reason, path, d.detail, d.why);
    if (d.offset !== undefined) error.offset = d.offset;
    if (d.line !== undefined) error.line = d.line;
    return { ok: false, path, error };
  }
  const { text, encoding, bom, eol, mixedEol } = d;
  const r: ReadResult = { ok: true, text, meta: { encoding, bom, eol, mixedEol }, path, stamp };
  if (d.note) r.note = decodeNote(path, d.note);
  return r;
}

/** The note of a guessed encoding, in both languages, naming the file. */
export function decodeNote(path: string, note: DecodeNote): { zh: string; en: string } {
  return { zh: text('zh', note.id, { ...note.data, path }), en: text('en', note.id, { ...note.data, path }) };
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
export async function expandInputs(args: string[], opts: ExpandOptions): Promise<{ files: string[]; errors: FileError[]; reals: Map<string, string> }> {
  const ctx = makeContext(opts);
  const errors: FileError[] = [];
  const found: Found[] = [];
  const plans = await Promise.all(args.map((arg) => planArg(arg, ctx)));
  for (const r of plans) if (r.root) ctx.roots.push(r.root);
  for (const r of plans) {
    if (r.error) errors.push(r.error);
    else await collectArg(r, ctx, found, errors);
  }
  const files = dedupe(found);
  // each file's real path, which the walk knew: the recovery check need not ask the system again
  return { files: files.map((f) => f.path), errors, reals: new Map(files.map((f) => [f.path, f.real])) };
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

/** `--ignore` and glob arguments are matched in linear time, as the configs' globs are
 *  (`--ignore '**\/*(a*)*(a*)*(a*)*(a*)*(a*)b'` took picomatch's regular expression over 60 s). */
function makeContext(opts: ExpandOptions): Context {
  const cwd = resolve(opts.cwd);
  const ignores = (opts.ignore ?? []).map((g) => compileGlob(g));
  const ignore = ignores.length ? (rel: string) => ignores.some((m) => m(rel)) : undefined;
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
  // `a?.txt` or `a[1].txt` that exists is that file, not a glob (`--fix 'a?.txt'` rewrote ab.txt too)
  const literal = scan.isGlob && (await fsp().stat(fsPath(resolve(ctx.cwd, arg))).then(() => true, () => false));
  if (scan.isGlob && !literal) {
    // Match the glob part against paths relative to the literal base, so special characters in
    // the base (or in cwd) are never read as glob syntax.
    const abs = resolve(ctx.cwd, scan.base || '.');
    let glob: (rel: string) => boolean;
    try {
      glob = compileGlob(scan.glob, { dot: false });
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      return { arg, abs, error: badGlobError(arg, e) };
    }
    const matcher = (file: string) => glob(toPosix(relative(abs, file)));
    const root = await realpathOf(abs).catch(() => undefined);
    if (!root) return { arg, abs, error: fileError('no-match', arg) };
    return { arg, kind: 'glob', abs, root, matcher };
  }
  const abs = resolve(ctx.cwd, arg);
  let st: Stats;
  try {
    st = await fsp().stat(fsPath(abs));
  } catch (e) {
    return { arg, abs, error: errnoError(arg, e) };
  }
  if (st.isDirectory()) {
    // A path named like a plan file (`a.txt`) that is a folder: the user meant a file.
    if (hasExtension(abs, ctx.extensions) && !arg.endsWith('/') && !arg.endsWith(sep)) {
      return { arg, abs, error: fileError('EISDIR', arg) };
    }
    return { arg, kind: 'dir', abs, root: await realpathOf(abs) };
  }
  if (!st.isFile()) return { arg, abs, error: fileError('not-file', arg) };
  return { arg, kind: 'file', abs };
}

async function collectArg(plan: ArgPlan, ctx: Context, found: Found[], errors: FileError[]): Promise<void> {
  if (plan.kind === 'file') {
    // An explicitly named file is taken whatever its extension, as ESLint does.
    found.push({ path: plan.abs, real: await realpathOf(plan.abs) });
    return;
  }
  const before = found.length;
  const accept = plan.kind === 'glob' ? plan.matcher! : ctx.accept ?? ((abs: string) => hasExtension(abs, ctx.extensions));
  await walk(plan.abs, plan.root!, ctx, accept, found, errors, new Set([plan.root!]));
  if (found.length === before) errors.push(fileError('no-match', plan.arg));
}

/**
 * Depth-first walk of `dir`, whose real path is `real`. `seen` holds the real paths of the folders
 * on the current branch, so a symlink back to an ancestor (a loop) is skipped instead of followed
 * forever.
 */
async function walk(
  dir: string,
  real: string,
  ctx: Context,
  accept: (abs: string) => boolean,
  found: Found[],
  errors: FileError[],
  seen: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = (await fsp().readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' })).map((e) => Object.assign(e, { text: decodeRawName(e.name) }));
  } catch (e) {
    errors.push(errnoError(dir, e));
    return;
  }
  entries.sort((a, b) => compare(a.text, b.text));
  for (const ent of entries) {
    const abs = join(dir, ent.text);
    if (ctx.isIgnored(abs)) continue;
    if (ent.isDirectory()) {
      if (skipFolder(ent.text)) continue;
      const sub = await realpathOf(abs).catch(() => abs);
      if (seen.has(sub)) continue;
      await walk(abs, sub, ctx, accept, found, errors, new Set([...seen, sub]));
    } else if (ent.isFile()) {
      // a file that is no link is where its folder really is: no realpath() each (1,000 awaited
      // one after another were a tenth of checking 1,000 small files; issue 18)
      if (accept(abs)) found.push({ path: abs, real: join(real, ent.text) });
    } else if (ent.isSymbolicLink()) {
      await followLink(abs, ent.text, ctx, accept, found, errors, seen);
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
    real = await realpathOf(abs);
    st = await fsp().stat(fsPath(real));
  } catch {
    return; // dangling link or a loop of links: nothing to read
  }
  if (!ctx.followSymlinks && !ctx.roots.some((root) => isInside(real, root))) return;
  if (st.isDirectory()) {
    if (skipFolder(name) || seen.has(real)) return;
    await walk(abs, real, ctx, accept, found, errors, new Set([...seen, real]));
  } else if (st.isFile() && accept(abs)) {
    found.push({ path: abs, real });
  }
}

function badGlobError(arg: string, e: GlobError): FileError {
  return fileError('bad-glob', arg, e.message, { id: e.reason === 'tooLong' ? 'config.globTooLong' : 'config.globNegatedGroup', data: { max: MAX_GLOB_LENGTH } });
}

/** The real path, its bytes kept (a name that is not UTF-8 stays apart from its look-alikes). */
async function realpathOf(p: string): Promise<string> {
  return decodeRawName(await fsp().realpath(fsPath(p)));
}

/** Sorted, and each real file once (under its first path in sorted order). */
function dedupe(found: Found[]): Found[] {
  const byPath = [...found].sort((a, b) => compare(a.path, b.path));
  const reals = new Set<string>();
  const out: Found[] = [];
  for (const f of byPath) {
    if (reals.has(f.real)) continue;
    reals.add(f.real);
    out.push(f);
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

#!/usr/bin/env node
// Starts dist/cli.cjs with V8's code cache: compiling the 1.4 MB bundle and the functions a check
// runs cost ~0.1 s of CPU at every start (a fifth of `fengong check` on 1 MB; issue 18). The cache
// is V8's own (vm.Script cachedData), written once per build and Node version, at the first exit,
// to the user's cache folder (~/.cache/fengong, 0700, owned by the user, else not used). Anything
// amiss — no home, a rejected or foreign cache, a read-only disk — and the bundle is required as
// before. FENGONG_NO_COMPILE_CACHE=1 turns it off. A cache holds the functions its run compiled: one
// written by a run that linted nothing (`fengong --version`, `rules`, `init`) lacks the engine's, and
// a 1 MB check from it took ~50 ms more main-thread CPU (median of 12, load 9; issue 18), so it is kept apart (`-start`) and the first
// run that lints writes the whole one once.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');

function cacheFile() {
  const home = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
  const st = fs.statSync(bundle);
  const key = `${process.versions.v8}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`.replace(/[^\w.-]/g, '_');
  const dir = path.join(home, 'fengong');
  return { dir, file: path.join(dir, `cli-${key}.v8cache`), start: path.join(dir, `cli-${key}-start.v8cache`) };
}

/** the commands that lint a plan, whose runs compile the engine */
const LINTS = new Set(['check', 'table', 'inspect']);

const mine = (s) => (process.getuid ? s.uid === process.getuid() && (s.mode & 0o022) === 0 : true);

/** the cache folder, made if missing; undefined when someone else could write into it */
function usableDir(dir) {
  try {
    const st = fs.statSync(dir);
    return st.isDirectory() && mine(st) ? dir : undefined;
  } catch (e) {
    if (e.code !== 'ENOENT') return undefined;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return mine(fs.statSync(dir)) ? dir : undefined;
  }
}

/** the cache in `file`, undefined when there is none; false when it is not ours */
function readCache(file) {
  try {
    return mine(fs.statSync(file)) && fs.readFileSync(file);
  } catch { return undefined; }
}

function runCached(dir, whole, start) {
  const lints = LINTS.has(process.argv[2]);
  let cached = readCache(whole);
  let upgrade = false; // a linting run started from a -start cache: it writes the whole one
  if (cached === undefined) {
    cached = readCache(start);
    upgrade = lints && cached !== undefined;
  }
  if (cached === false) return false; // not ours: neither read nor replaced
  const file = lints || upgrade ? whole : start;
  const vm = require('node:vm');
  // the bundle has no import(): a script has no module loader for it (scripts/build.mjs makes the
  // lazily loaded packages require()s)
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: cached });
  if (!cached || script.cachedDataRejected || upgrade) {
    // written at exit, so the functions this run compiled are in it too; readers see the old file
    // or the whole new one
    process.once('exit', () => {
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        // one cache per build: an older build's goes, and the -start one once the whole one is there
        for (const f of fs.readdirSync(dir)) if (/^cli-.*\.v8cache$/.test(f) && f !== path.basename(file)) fs.rmSync(path.join(dir, f), { force: true });
      } catch { /* no cache, no harm */ }
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return true;
}

let started = false;
if (!process.env.FENGONG_NO_COMPILE_CACHE) {
  let where;
  try {
    where = cacheFile();
    where.dir = usableDir(where.dir);
  } catch { where = undefined; }
  if (where?.dir) started = runCached(where.dir, where.file, where.start);
}
if (!started) require('../dist/cli.cjs');

#!/usr/bin/env node
// Starts dist/cli.cjs with V8's code cache: compiling the 1.4 MB bundle and the functions a check
// runs cost ~0.1 s of CPU at every start (a fifth of `fengong check` on 1 MB; issue 18). The cache
// is V8's own (vm.Script cachedData), written once per build and Node version, at the first exit,
// to the user's cache folder (~/.cache/fengong, 0700, owned by the user, else not used). Anything
// amiss — no home, a rejected or foreign cache, a read-only disk — and the bundle is required as
// before. FENGONG_NO_COMPILE_CACHE=1 turns it off.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');

function cacheFile() {
  const home = process.env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache');
  const st = fs.statSync(bundle);
  const key = `${process.versions.v8}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`.replace(/[^\w.-]/g, '_');
  return { dir: path.join(home, 'fengong'), file: path.join(home, 'fengong', `cli-${key}.v8cache`) };
}

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

function runCached(dir, file) {
  let cached;
  try {
    if (!mine(fs.statSync(file))) return false; // not ours: neither read nor replaced
    cached = fs.readFileSync(file);
  } catch { /* none yet */ }
  const vm = require('node:vm');
  // the bundle has no import(): a script has no module loader for it (scripts/build.mjs makes the
  // lazily loaded packages require()s)
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    // written at exit, so the functions this run compiled are in it too; readers see the old file
    // or the whole new one
    process.once('exit', () => {
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        // one cache per build: an older build's goes
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
  if (where?.dir) started = runCached(where.dir, where.file);
}
if (!started) require('../dist/cli.cjs');

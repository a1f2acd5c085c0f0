// `npm run package`: build the bundles, then `vsce package` offline into dist/fengong-<version>.vsix.
// The extension is fully bundled by esbuild, so vsce is told not to look at node_modules.
// package.json's `files` is the npm package's list (the CLI); vsce refuses a manifest that has both
// `files` and .vscodeignore, so the extension is packed from a staging folder holding exactly what
// .vscodeignore lets in and a package.json without `files`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', `${pkg.name}-${pkg.version}.vsix`);

const run = (cmd, args, cwd = root) => {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, VSCE_TELEMETRY: '0' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!process.argv.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')]);

// what .vscodeignore lets in (`!pattern` lines of its whitelist)
const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
const isAllowed = picomatch(allowed, { dot: true });
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory() && !['node_modules', '.git', '.cache', 'test', 'bench'].includes(e.name)) walk(rel);
    else if (e.isFile() && isAllowed(rel)) files.push(rel);
  }
};
walk('');

const stage = mkdtempSync(join(root, 'dist', '.vsix-stage-'));
try {
  for (const f of files) {
    mkdirSync(join(stage, dirname(f)), { recursive: true });
    cpSync(join(root, f), join(stage, f));
  }
  const { files: _npmFiles, ...manifest } = pkg;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  // No repository URL to rewrite README's relative links against (docs/rules.md): leave them relative.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`${relative(process.cwd(), out)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);

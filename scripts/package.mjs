// `npm run package`: build the bundles, then `vsce package` offline into dist/fengong-<version>.vsix.
// The extension is fully bundled by esbuild, so vsce is told not to look at node_modules.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, 'dist', `${pkg.name}-${pkg.version}.vsix`);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, VSCE_TELEMETRY: '0' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!process.argv.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
// No repository URL to rewrite README's relative links against (docs/rules.md): leave them relative.
run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`${relative(process.cwd(), out)} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);

// fengong as a user gets it: `npm pack` of this checkout (its prepack build included), installed
// from the tarball into a temporary folder outside the checkout — once into a project
// (`npm install ./fengong-x.tgz`, then `npx fengong`) and once globally (`npm install --global`,
// then `fengong` on PATH). Tests that use the installed package run it only from there.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Installed {
  base: string;
  tarball: string;
  /** paths in the tarball, as `npm pack` lists them */
  packed: string[];
  /** a project with fengong in its node_modules */
  project: string;
  /** the --global prefix; its bin/ holds `fengong` */
  globalPrefix: string;
  /** an environment with the global bin first on PATH and none of npm's own variables */
  env: NodeJS.ProcessEnv;
}

/** the environment without npm's npm_* variables, which would point a nested npm at the checkout */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

function npm(args: string[], cwd: string, env = cleanEnv()): SpawnSyncReturns<string> {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r;
}

/** `npm pack` of the checkout (prepack builds) into `dir`: the tarball and the paths it holds. */
export function packTarball(dir: string): { tarball: string; packed: string[] } {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT).stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dir, packed[0]!.filename), packed: packed[0]!.files.map((f) => f.path).sort() };
}

/** a fresh folder outside the checkout (real path: reports name files by it) */
export function outsideDir(prefix: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function installPacked(): Installed {
  const base = outsideDir('fengong-installed-');
  const packDir = join(base, 'pack');
  mkdirSync(packDir);
  const { tarball, packed } = packTarball(packDir);
  const project = join(base, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'plans', version: '1.0.0', private: true }));
  const quiet = ['--no-audit', '--no-fund', '--prefer-offline'];
  npm(['install', ...quiet, tarball], project);
  const globalPrefix = join(base, 'global');
  npm(['install', '--global', '--prefix', globalPrefix, ...quiet, tarball], base);
  const env = cleanEnv({ PATH: `${join(globalPrefix, 'bin')}${delimiter}${process.env.PATH ?? ''}` });
  return { base, tarball, packed, project, globalPrefix, env };
}

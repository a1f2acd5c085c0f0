// Running the built CLI as CI does: a real process, real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));
export const BIN = join(ROOT, 'bin', 'fengong.cjs');

export function fengong(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env }, maxBuffer: 1 << 26,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'fengong-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** a copy of a corpus file in a fresh folder (tests never write next to the corpus) */
export function corpusCopy(name: string, as = name): { dir: string; file: string } {
  const dir = tempDir();
  cpSync(join(CORPUS, name), join(dir, as));
  return { dir, file: join(dir, as) };
}

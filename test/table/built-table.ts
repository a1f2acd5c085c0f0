// Plans written as lines, run through the built CLI's `fengong table --format json` in one call: the
// table's task records per plan name, for tests that assert exact rows.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskRecord = Record<string, any>;

export function tasksByPlan(plans: Record<string, string[]>, prefix: string): Map<string, TaskRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = Object.entries(plans).map(([name, lines]) => {
    const f = join(dir, `${name}.txt`);
    writeFileSync(f, `${lines.join('\n')}\n`);
    return f;
  });
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'table', '--format', 'json', ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const table = JSON.parse(r.stdout);
  const out = new Map<string, TaskRecord[]>(Object.keys(plans).map((name) => [name, []]));
  for (const t of table.tasks) out.get(basename(table.documents[t.doc].file, '.txt'))!.push(t);
  return out;
}

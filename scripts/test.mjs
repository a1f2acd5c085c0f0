// The whole test suite, as README and CI run it: build, unit/CLI/protocol/editor tests with
// node's test runner, the corpus score, then the VS Code end-to-end run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const only = process.argv.slice(2); // e.g. `npm test -- unit cli` runs those folders only

run('node', ['scripts/build.mjs']);
// Neovim, the VS Code end-to-end run, the web page and the office-file tests (LibreOffice makes the
// .doc/.xlsx/.xls files) need Debian packages: install what is missing (root) or say exactly what to install
if (!only.length || ['nvim', 'e2e', 'web', 'table'].some((d) => only.includes(d))) run('bash', ['scripts/install-system-deps.sh']);

const dirs = ['unit', 'cli', 'table', 'lsp', 'nvim', 'fuzz', 'web'].filter((d) => !only.length || only.includes(d));
const files = dirs.flatMap((d) => {
  const dir = join('test', d);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(dir, f));
});
if (files.length) run('node', ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);

// the corpus and its scorer are copied into test/corpus (identical to ../shared/corpus, checked by
// test/unit/corpus-copy.test.ts), so a clone alone scores itself
const corpus = join('test', 'corpus');
if (!only.length || only.includes('corpus')) {
  run('node', [join(corpus, 'score.mjs'), join(corpus, 'expected.tsv'), corpus, '--min-recall', '1', '--min-precision', '1']);
  // the task table (FORMAT.md §7): every row exactly right except the 6 rows of 109 disputed by
  // FORMAT §5 (a 通知 that names no unit assigns no work, so it holds no task)
  run('node', [join(corpus, 'score-tasks.mjs'), join(corpus, 'tasks.tsv'), corpus, '--min-exact', '0.9837', '--quiet']);
}
if ((!only.length || only.includes('e2e')) && existsSync('test/e2e/run.mjs')) run('node', ['test/e2e/run.mjs']);

// The smallest whole-process markdownlint: read the files (or a folder's files), lint them with the
// library's default rules, print the problems as JSON. Stands in for a user's markdownlint script.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// markdownlint lives in bench/.peers, not in the project's node_modules
const require = createRequire(new URL('../.peers/package.json', import.meta.url));
const { lint } = await import(require.resolve('markdownlint/sync'));

const files = process.argv.slice(2).flatMap((p) => statSync(p).isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p]);
const strings = Object.fromEntries(files.map((f) => [f, readFileSync(f, 'utf8')]));
const results = lint({ strings });
let count = 0;
for (const f of files) count += results[f].length;
process.stdout.write(JSON.stringify({ files: files.length, problems: count }) + '\n');
process.exitCode = count ? 1 : 0;

// The project's rule "functions ~60 lines max", checked where it was last broken (issue 16:
// cli/table.ts's runTable had 67 lines). Every function, method and arrow of the CLI, counted
// from its first line to its last by the TypeScript parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CLI = fileURLToPath(new URL('../../server/src/cli/', import.meta.url));
const MAX_LINES = 60;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function longFunctions(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const long: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      const name = (n as ts.FunctionDeclaration).name?.getText(sf) ?? `(function at line ${first + 1})`;
      if (last - first + 1 > MAX_LINES) long.push(`${file.slice(CLI.length)} ${name}: ${last - first + 1} lines`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return long;
}

test(`every function of server/src/cli has at most ${MAX_LINES} lines`, () => {
  assert.deepEqual(sources(CLI).flatMap(longFunctions), []);
});

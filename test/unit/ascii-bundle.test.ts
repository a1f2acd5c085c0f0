// The bundles are ASCII (scripts/ascii.mjs): each non-ASCII character esbuild leaves in a regular
// expression literal is escaped, which must match exactly what the literal matched, and the source
// map's columns must still point at the same code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { decode } from '@jridgewell/sourcemap-codec';
// @ts-expect-error a build script, plain JavaScript without types
import { asciiRegExps, escapeRegExp } from '../../scripts/ascii.mjs';

const asRegExp = (literal: string): RegExp => {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
};

test('a regular expression escaped: the same code units, an identity escape without its backslash', () => {
  assert.equal(escapeRegExp('/[。；;，,：:]$/'), '/[\\u3002\\uFF1B;\\uFF0C,\\uFF1A:]$/');
  assert.equal(escapeRegExp('/\\中/'), '/\\u4E2D/');
  assert.equal(escapeRegExp('/\\\\中/'), '/\\\\\\u4E2D/');
  assert.equal(escapeRegExp('/𠀀+/u'), '/\\uD840\\uDC00+/u');
  assert.equal(escapeRegExp('/(?<名>牵头)/'), '/(?<\\u540D>\\u7275\\u5934)/');
  const samples = ['加强管理。', '中', '\\中', '\\\\中', '𠀀𠀀', '\ud840', '牵头单位', 'abc；', ''];
  for (const literal of ['/[。；;，,：:]$/', '/\\中/', '/\\\\中/', '/𠀀+/u', '/[𠀀]/', '/^(?<名>牵头)/', '/[^\\u4e00-\\u9fff牵]/g']) {
    const before = asRegExp(literal);
    const after = asRegExp(escapeRegExp(literal));
    assert.ok(/^[\x00-\x7f]*$/.test(escapeRegExp(literal)), literal);
    for (const s of samples) assert.deepEqual(after.exec(s), before.exec(s), `${literal} on ${s}`);
  }
});

test('a bundle made ASCII: strings left to esbuild, the source map moved to the same code', async () => {
  const source = 'export const a = (t: string) => /[。；]$/.test(t) && "中" + t;\nexport const b = (t: string) => /(牵头)/u.exec(t)?.[1] ?? /、/.test(t);\n';
  const built = await transform(source, { loader: 'ts', format: 'cjs', sourcemap: 'external', sourcefile: 'x.ts' });
  const { js, map } = asciiRegExps(built.code, built.map) as { js: string; map: string };
  assert.ok(/^[\x00-\x7f]*$/.test(js), js);
  assert.ok(js.includes('/[\\u3002\\uFF1B]$/') && js.includes('/(\\u7275\\u5934)/u') && js.includes('/\\u3001/'), js);
  const run = (code: string) => {
    const mod = { exports: {} as { a: (t: string) => unknown; b: (t: string) => unknown } };
    new Function('module', 'exports', code)(mod, mod.exports);
    return mod.exports;
  };
  const [was, now] = [run(built.code), run(js)];
  for (const t of ['加强。', '加强', '由办公室牵头', '甲、乙', '']) {
    assert.equal(now.a(t), was.a(t));
    assert.equal(now.b(t), was.b(t));
  }
  // every mapped position shows the same code as before (ASCII code, outside the escaped literals)
  const positions = (code: string, m: string) => {
    const lines = code.split('\n');
    return decode((JSON.parse(m) as { mappings: string }).mappings).flatMap((segments, line) => segments.map(([column]) => lines[line]!.slice(column, column + 5)));
  };
  const old = positions(built.code, built.map);
  const moved = positions(js, map);
  assert.equal(moved.length, old.length);
  const ascii = old.map((s, i) => [s, moved[i]]).filter(([s]) => /^[\x00-\x7f]{5}$/.test(s!));
  assert.ok(ascii.length > 20, String(ascii.length));
  for (const [s, m] of ascii) assert.equal(m, s);
});

test('dist/cli.cjs, which every `fengong` start reads, is ASCII', () => {
  const bundle = readFileSync(new URL('../../dist/cli.cjs', import.meta.url), 'latin1');
  assert.equal(/[^\x00-\x7f]/.exec(bundle)?.index, undefined);
});

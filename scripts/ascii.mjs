// esbuild escapes non-ASCII characters in strings and names but leaves them in regular expression
// literals (`/[。；;，,：:]$/`), so the bundles held a few hundred Chinese characters and node read
// every one as a two-byte string: reading dist/cli.cjs took ~30 ms of each `fengong check` start
// instead of ~12, and V8 checked its code cache over twice the bytes (issue 18). Here each such
// character in a regular expression becomes its `\uXXXX` escape, which means the same code unit in
// any regular expression (only its `.source` shows the escape, and the engine uses that only to
// make another RegExp), and the source map's columns on those lines move with it.
import ts from 'typescript';
import { decode, encode } from '@jridgewell/sourcemap-codec';

const hex = (u) => `\\u${u.toString(16).toUpperCase().padStart(4, '0')}`;

/** A regular expression literal with each non-ASCII code unit escaped; an identity escape of one
 *  (`\中`, the character itself) loses its backslash, which the escape replaces. */
export function escapeRegExp(literal) {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const u = literal.charCodeAt(i);
    if (u < 0x80) {
      out += literal[i];
      continue;
    }
    let slashes = 0;
    while (out.length > slashes && out[out.length - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) out = out.slice(0, -1);
    out += hex(u);
  }
  return out;
}

/** The regular expression literals of `js` that hold a non-ASCII character: [start, end). */
function nonAsciiRegExps(js) {
  const file = ts.createSourceFile('bundle.js', js, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const start = node.getStart(file);
      if (/[^\x00-\x7f]/.test(js.slice(start, node.end))) found.push([start, node.end]);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `js` with its regular expressions' non-ASCII characters escaped, and `map` (a source map's
 *  JSON, or undefined) with the generated columns moved to match. */
export function asciiRegExps(js, map) {
  if (!/[^\x00-\x7f]/.test(js)) return { js, map };
  const edits = []; // [line, column, growth], in text order
  let out = '';
  let at = 0;
  let line = 0;
  let lineStart = 0;
  for (const [start, end] of nonAsciiRegExps(js)) {
    for (let i = js.indexOf('\n', at); i !== -1 && i < start; i = js.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
    const escaped = escapeRegExp(js.slice(start, end));
    out += js.slice(at, start) + escaped;
    edits.push([line, end - lineStart, escaped.length - (end - start)]);
    at = end;
  }
  out += js.slice(at);
  return { js: out, map: map === undefined ? undefined : movedColumns(map, edits) };
}

/** A generated column at or past an edit's end moves by the edit's growth (the escaped literal's
 *  own columns keep its start); the columns compared are the bundle's, before any edit. */
function movedColumns(mapJson, edits) {
  const map = JSON.parse(mapJson);
  const lines = decode(map.mappings);
  const byLine = new Map();
  for (const [line, end, growth] of edits) byLine.set(line, [...(byLine.get(line) ?? []), [end, growth]]);
  for (const [line, ends] of byLine) {
    for (const segment of lines[line]) {
      const column = segment[0];
      for (const [end, growth] of ends) if (column >= end) segment[0] += growth;
    }
  }
  map.mappings = encode(lines);
  return JSON.stringify(map);
}

'use strict';
// The floor: a hand-written bracket scan, the least work any pair checker must do (read, decode,
// one pass over the UTF-16 code units with a stack). CommonJS so the whole-process floor loads fast.
const fs = require('node:fs');
const path = require('node:path');

const OPEN = '（(〔［[【《〈“‘「『';
const CLOSE = '）)〕］]】》〉”’」』';
const KIND = new Int8Array(65536); // >0: opener id, <0: closer id
for (let i = 0; i < OPEN.length; i++) { KIND[OPEN.charCodeAt(i)] = i + 1; KIND[CLOSE.charCodeAt(i)] = -(i + 1); }

/** Returns the number of unmatched brackets and of lines; a line break resets nothing, as in prose
 *  pairs may span lines. */
function scan(text) {
  const stack = [];
  let unmatched = 0;
  let lines = 1;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { lines++; continue; }
    const k = KIND[c];
    if (k === 0) continue;
    if (k > 0) stack.push(k);
    else if (stack.length && stack[stack.length - 1] === -k) stack.pop();
    else unmatched++;
  }
  return { unmatched: unmatched + stack.length, lines };
}

function files(p) {
  return fs.statSync(p).isDirectory() ? fs.readdirSync(p).sort().map((f) => path.join(p, f)) : [p];
}

module.exports = { scan, files };

if (require.main === module) {
  let unmatched = 0;
  let lines = 0;
  let n = 0;
  for (const arg of process.argv.slice(2)) {
    for (const f of files(arg)) {
      const r = scan(fs.readFileSync(f, 'utf8'));
      unmatched += r.unmatched; lines += r.lines; n++;
    }
  }
  process.stdout.write(JSON.stringify({ files: n, lines, unmatched }) + '\n');
  process.exitCode = unmatched ? 1 : 0;
}

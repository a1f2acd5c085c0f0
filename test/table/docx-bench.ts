// Reading .docx plans: this reader (fflate + saxes) against mammoth, on the corpus built as Word files.
// usage: npx tsx test/table/docx-bench.ts (the numbers quoted in server/src/io/docx.ts)
import { readFileSync, readdirSync } from 'node:fs';
import mammoth from 'mammoth';
import { planToDocx } from './docx-fixtures.js';
import { extractDocx } from '../../server/src/io/docx.js';
const dir = new URL('../corpus/', import.meta.url).pathname;
const bufs: Buffer[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) bufs.push(await planToDocx(readFileSync(dir + f, 'utf8'), { numbering: {} }));
// a big one: the corpus three times over in one document
const big = await planToDocx(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(dir + f, 'utf8')).join('\n').repeat(3), { numbering: {} });
for (let round = 0; round < 2; round++) {
  let t = performance.now(); for (const b of bufs) extractDocx(b); const ours = performance.now() - t;
  t = performance.now(); for (const b of bufs) await mammoth.convertToHtml({ buffer: b }); const mh = performance.now() - t;
  t = performance.now(); for (const b of bufs) await mammoth.extractRawText({ buffer: b }); const mr = performance.now() - t;
  t = performance.now(); extractDocx(big); const oursBig = performance.now() - t;
  t = performance.now(); await mammoth.convertToHtml({ buffer: big }); const mhBig = performance.now() - t;
  console.log(`33 corpus docx: fflate+saxes ${ours.toFixed(0)} ms, mammoth html ${mh.toFixed(0)} ms, mammoth raw ${mr.toFixed(0)} ms; big ${(big.length/1024).toFixed(0)} KB docx: ours ${oursBig.toFixed(0)} ms, mammoth ${mhBig.toFixed(0)} ms`);
}
// what mammoth keeps of Word's automatic numbering: <ol><li> without the number
const h = await mammoth.convertToHtml({ buffer: bufs[1]! });
console.log(h.value.slice(0, 300));

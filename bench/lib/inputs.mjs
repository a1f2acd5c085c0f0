// Builds the benchmark inputs from the real corpus: the documents concatenated and repeated, cut at
// a line break so no input ends in the middle of a character or a line. Rebuilt only when the
// corpus or this recipe changes (a manifest keeps the corpus hash).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const RECIPE = 3; // bump when the way inputs are cut changes
export const KB = 1024;
export const MB = 1024 * KB;

export function corpusDir() {
  for (const d of [process.env.FENGONG_CORPUS, new URL('../../test/corpus', import.meta.url).pathname]) {
    if (d && existsSync(d)) return d;
  }
  throw new Error('corpus not found: set FENGONG_CORPUS to the folder of *.txt plans');
}

/** Takes whole lines of `source` (cycled from line `startLine`) until adding one more would pass
 *  `limitBytes` (UTF-8) or `limitLines`. */
function cutLines(lines, lineBytes, startLine, { limitBytes = Infinity, limitLines = Infinity }) {
  const out = [];
  let bytes = 0;
  for (let i = startLine; out.length < limitLines; i++) {
    const k = i % lines.length;
    if (bytes + lineBytes[k] > limitBytes) break;
    out.push(lines[k]);
    bytes += lineBytes[k];
  }
  return out.join('');
}

/** Returns { hash, corpus, documents, files: { '50kb', '1mb', '10mb', folder, plan10k → absolute path } }. */
export function buildInputs(dir) {
  dir = resolve(dir);
  const paths = {
    '50kb': join(dir, '50kb.txt'), '1mb': join(dir, '1mb.txt'), '10mb': join(dir, '10mb.txt'),
    folder: join(dir, 'files-1000x10kb'), plan10k: join(dir, 'plan-10000-lines.txt'),
  };
  const cdir = corpusDir();
  const docs = readdirSync(cdir).filter((f) => f.endsWith('.txt')).sort();
  const texts = docs.map((f) => readFileSync(join(cdir, f), 'utf8').replace(/^\uFEFF/, ''));
  const hash = createHash('sha256').update(String(RECIPE)).update(texts.join('\0')).digest('hex').slice(0, 16);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (m.hash === hash && Object.values(paths).every((p) => existsSync(p))) return { ...m, files: paths };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // every document ends with a line break and a blank line, so the next starts on a line of its own
  const joined = texts.map((t) => t.replace(/\s*$/, '\n\n')).join('');
  const lines = joined.match(/[^\n]*\n/g);
  const lineBytes = lines.map((l) => Buffer.byteLength(l));
  for (const [name, bytes] of [['50kb', 50 * KB], ['1mb', MB], ['10mb', 10 * MB]]) {
    writeFileSync(paths[name], cutLines(lines, lineBytes, 0, { limitBytes: bytes }));
  }
  // 1,000 files of 10 KB, each starting at a different line so they are not byte-identical
  const folder = paths.folder;
  mkdirSync(folder);
  for (let i = 0; i < 1000; i++) {
    writeFileSync(join(folder, `plan-${String(i).padStart(4, '0')}.txt`), cutLines(lines, lineBytes, (i * 37) % lines.length, { limitBytes: 10 * KB }));
  }
  writeFileSync(paths.plan10k, cutLines(lines, lineBytes, 0, { limitLines: 10000 }));
  const manifest = { hash, corpus: cdir, documents: docs };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { ...manifest, files: paths };
}

// A plan of any length made of the corpus's paragraphs, cycled (the language-server benches).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** the paragraphs of the corpus files in `dir`, repeated until the plan has `lines` lines */
export function corpusPlan(dir, lines) {
  const paras = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/));
  const out = [];
  for (let i = 0; out.length < lines; i++) out.push(paras[i % paras.length]);
  return out.join('\n') + '\n';
}

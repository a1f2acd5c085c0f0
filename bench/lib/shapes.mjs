// Inputs of one shape at any size, for the linearity rows (issue 18): each shape stresses one path of
// the engine and the task table, and doubles from 1 MB to 32 MB. Written once per size into
// bench/.inputs/shapes/ (recipe-versioned like inputs.mjs).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, MB } from './inputs.mjs';

const RECIPE = 1;
const TITLE = '某某县2024年政务公开工作要点\n';

/** name → { label, line(i) → one line with its \n, head: the lines before the first } */
export const SHAPES = {
  plans: { label: 'concatenated plans (the corpus, repeated)' },
  clauses: { label: 'bare clause lines under one heading: 加强管理（办公室牵头）', head: `${TITLE}一、重点任务\n`, line: () => '加强管理（办公室牵头）\n' },
  headings: { label: 'numbered headings: 1.加强第1项工作（办公室牵头） … (past 10,000)', head: `${TITLE}一、重点任务\n`, line: (i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）\n` },
  table: {
    label: 'a TAB table with 牵头单位 and 完成时限 columns, one row per task',
    head: `${TITLE}序号\t工作任务\t牵头单位\t责任单位\t完成时限\n`,
    line: (i) => `${i + 1}\t做好第${i + 1}项工作，按期完成\t县政府办公室\t县财政局、县审计局\t${(i % 12) + 1}月底前\n`,
  },
  longline: { label: 'one long line: 加强管理（办公室牵头），… without a line break', head: TITLE, line: () => '加强管理（办公室牵头），', tail: '\n' },
};
export const SHAPE_SIZES_MB = [1, 2, 4, 8, 16, 32];

function corpusLines() {
  const dir = corpusDir();
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, ''));
  return texts.map((t) => t.replace(/\s*$/, '\n\n')).join('').match(/[^\n]*\n/g);
}

/** the file of `shape` at `mb` MB (UTF-8, cut at a whole line or repeat), made when missing */
export function shapeFile(dir, shape, mb) {
  const file = join(dir, `shapes-r${RECIPE}`, `${shape}-${mb}mb.txt`);
  if (existsSync(file)) return file;
  mkdirSync(join(dir, `shapes-r${RECIPE}`), { recursive: true });
  const limit = mb * MB;
  const s = SHAPES[shape];
  const parts = [];
  let bytes = 0;
  const take = (piece) => { const b = Buffer.byteLength(piece); if (bytes + b > limit) return false; parts.push(piece); bytes += b; return true; };
  if (shape === 'plans') {
    const lines = corpusLines();
    for (let i = 0; take(lines[i % lines.length]); i++);
  } else {
    take(s.head);
    const reserve = Buffer.byteLength(s.tail ?? '');
    bytes += reserve;
    for (let i = 0; take(s.line(i)); i++);
    if (s.tail) parts.push(s.tail);
  }
  writeFileSync(file, parts.join(''));
  return file;
}

// Semantic tokens: unit names, role words, deadlines and numbering markers, from the engine's
// marks (engine/drafting/marks.ts). Custom token types; package.json maps them to the TextMate
// scopes the grammar uses, so themes colour them as the grammar would and units stand out.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import { planMarks, type MarkKind } from '../../engine/drafting/index.js';
import type { Analysis } from '../analysis.js';

export const TOKEN_TYPES: MarkKind[] = ['unit', 'role', 'deadline', 'marker'];
/** a marker's rank: `level1` for `一、` … `level5` for `①` */
export const TOKEN_MODIFIERS = ['level1', 'level2', 'level3', 'level4', 'level5'];
export const LEGEND: SemanticTokensLegend = { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS };

const cache = new WeakMap<Analysis, SemanticTokens>();

export function semanticTokens(a: Analysis): SemanticTokens {
  const hit = cache.get(a);
  if (hit) return hit;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const push = (line: number, char: number, length: number, type: number, mods: number) => {
    data.push(line - prevLine, line === prevLine ? char - prevChar : char, length, type, mods);
    prevLine = line;
    prevChar = char;
  };
  for (const m of planMarks(a.plan, a.mentions, a.config.roleKeywords)) {
    const type = TOKEN_TYPES.indexOf(m.kind);
    const mods = m.rank ? 1 << (m.rank - 1) : 0;
    // a token never spans lines (a unit name broken by a line break is two tokens)
    let start = m.span.start;
    const end = m.span.end;
    while (start < end) {
      const p = a.lines.positionAt(start);
      const lineEnd = p.line + 1 < a.lines.lineCount ? a.lines.lineStarts[p.line + 1]! : a.text.length;
      let stop = Math.min(end, lineEnd);
      while (stop > start && (a.text[stop - 1] === '\n' || a.text[stop - 1] === '\r')) stop--;
      if (stop > start) push(p.line, p.character, stop - start, type, mods);
      start = Math.max(Math.min(end, lineEnd), start + 1);
    }
  }
  const result = { data };
  cache.set(a, result);
  return result;
}

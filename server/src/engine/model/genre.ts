// Phase 2 — genre: which kind of document this is, from its title (the innermost genre word) and
// its body (unit clauses, a unit column, `第X条` articles, a review of past work), with the
// verdict's reasons kept for `fengong inspect` and the title hover (FORMAT.md §5).
import type { DocumentKind, Paragraph, Span } from './types.js';
import type { Structure } from './structure.js';
import { namesOnly } from './clauses.js';
import { paragraphFacts } from './facts.js';
import type { RoleMatcher } from './units.js';
import { ARTICLE_RE, GENRE_WORDS, REPORT_AND_PLAN_RE, REPORT_EVIDENCE_RE, TITLE_ASIDE_RE, FORWARDED_END_RE, FORWARDING_VERB_RE, TITLE_END_AFTER_RE, TITLE_END_GENRES, WRAPPER_GENRES, type GenreClass } from '../lexicon/genres.js';
import { CLAUSE_BRACKETS } from '../lexicon/brackets.js';
import { PAGE_JUNK_RE, PUBLICATION_FIELD_RE } from '../lexicon/sections.js';

export type GenreBasis = 'config' | 'title' | 'body' | 'default';

export interface GenreReason {
  /** message key under `genre/` (engine i18n) */
  key: 'title-word' | 'config' | 'clauses' | 'unit-column' | 'no-clauses' | 'articles' | 'no-articles' | 'header-units' | 'report-body' | 'report-and-plan' | 'no-title';
  data: Record<string, string | number>;
}

export interface GenreVerdict {
  genre: DocumentKind;
  /** whether tasks must name units: a plan, or an 意见/通知 whose body assigns units */
  assignsWork: boolean;
  /** what the verdict rests on; `default` is weak evidence, and findings that rest on it say so */
  basis: GenreBasis;
  reasons: GenreReason[];
  title?: { text: string; span: Span };
  /** the innermost genre word of the title, as folded (`方案`) */
  titleWord?: string;
}

export interface GenreEvidence {
  /** paragraphs with a bracketed unit clause or a unit label */
  clauseParagraphs: number;
  /** a table with a 牵头单位/责任单位 column */
  unitColumn: boolean;
  articles: number;
  reportSigns: number;
  /** a label before the body that names the units of the whole document: `主（协）办机关：…` */
  headerUnits: boolean;
}

const DOC_NUMBER_RE = /[〔[【（(］]?(?:19|20)[0-9]{2}[〕\]】）)］]\s*[0-9]{1,4}\s*号$/;
const MAX_TITLE_LINE = 60;
/** a one-line title may run long when it ends with its genre word:
 *  `…关于转发…《…三年行动计划（2021—2023年）》的通知` */
const MAX_LONG_TITLE_LINE = 120;
/** the red header above the title (`某某县人民政府办公室文件`) is the issuer's mark, not the title */
const ISSUER_MARK_RE = /文件$/;

/** The title: the first run of short lines before the body that holds a genre word — not a
 *  document number, the issuer's mark, breadcrumbs, a table-of-contents line or a title quoted in
 *  the text. A title broken over lines (an export puts blank lines between them) is glued until
 *  it is complete; a complete title takes no more lines, so a title repeated on the next line is
 *  one title, not two glued. */
export function findTitle(s: Structure, hint?: { first: number; last: number }): { text: string; span: Span; folded: string } | undefined {
  const hinted = hint && titleFromHint(s, hint);
  if (hinted) return hinted;
  const runs: Paragraph[][] = [];
  let run: Paragraph[] = [];
  let glued = '';
  for (const p of s.paragraphs) {
    if (p.line >= s.bodyStartLine) break;
    const t = s.folded.slice(p.content.start, p.content.end).trim();
    const long = t.length > MAX_TITLE_LINE && (t.length > MAX_LONG_TITLE_LINE || !completeTitle(t));
    const fits = !long && !/[。，,；;：:]$/.test(t) && !DOC_NUMBER_RE.test(t) && !/>|》\s*>|^[0-9]+[.．﹒]/.test(t) && !PAGE_JUNK_RE.test(t) && !PUBLICATION_FIELD_RE.test(t) && !ISSUER_MARK_RE.test(t);
    const last = run[run.length - 1];
    const complete = completeTitle(glued);
    // fragments of an unfinished title may stand a blank line apart; `（试行）` may follow a whole one
    const next = last && (p.line === last.line + 1 || (p.line === last.line + 2 && !complete && !/[：:]/.test(glued)));
    if (fits && next && run.length < 4 && (!complete || /^[（(][^（）()]{1,16}[）)]$/.test(t))) { run.push(p); glued += t; continue; }
    if (run.length) runs.push(run);
    run = fits ? [p] : [];
    glued = fits ? t : '';
  }
  if (run.length) runs.push(run);
  for (const r of runs) {
    const folded = r.map((p) => s.folded.slice(p.content.start, p.content.end).trim()).join('');
    // a title names its subject before its genre word: `通知内容`, `报告全文` are no titles
    if (!innermostGenre(folded) || firstGenreAt(folded) < 2) continue;
    const text = r.map((p) => s.text.slice(p.content.start, p.content.end).trim()).join('');
    return { text, folded, span: { start: r[0]!.content.start, end: r[r.length - 1]!.content.end } };
  }
  return undefined;
}

/** A title that needs no more lines: it ends with its genre word (an edition in brackets may
 *  follow), its 《》 are closed, and a forwarding title (`关于印发…`) has reached its wrapper
 *  (`…三年行动计划` + `（2021—2023年）的通知` on the next line is not yet whole). */
function completeTitle(t: string): boolean {
  const bare = t.replace(/[\s\u3000]+/g, '').replace(/(?:[（(][^（）()]{0,16}[）)])+$/, '');
  if (!GENRE_WORDS.some(([w]) => bare.endsWith(w))) return false;
  if ((bare.match(/《/g)?.length ?? 0) !== (bare.match(/》/g)?.length ?? 0)) return false;
  return !FORWARDING_VERB_RE.test(bare) || [...WRAPPER_GENRES].some((w) => bare.endsWith(w));
}

/** The title an office file marks itself (Word's Title style, a centred large first paragraph):
 *  the word processor's evidence comes before any guess from the text. */
function titleFromHint(s: Structure, hint: { first: number; last: number }): { text: string; span: Span; folded: string } | undefined {
  const r = s.paragraphs.filter((p) => p.line >= hint.first && p.line <= hint.last && p.content.end > p.content.start);
  if (!r.length) return undefined;
  const folded = r.map((p) => s.folded.slice(p.content.start, p.content.end).trim()).join('');
  const text = r.map((p) => s.text.slice(p.content.start, p.content.end).trim()).join('');
  return text ? { text, folded, span: { start: r[0]!.content.start, end: r[r.length - 1]!.content.end } } : undefined;
}

/** The innermost genre word: the last one, unless it is the wrapper of a forwarded document
 *  (`关于印发《XX工作方案》的通知`), then the last one before it. */
export function innermostGenre(title: string): { word: string; genre: GenreClass } | undefined {
  const t = title.replace(TITLE_ASIDE_RE, '').replace(/[\s\u3000]+/g, '');
  const found: { word: string; genre: GenreClass; at: number }[] = [];
  for (let i = 0; i < t.length; i++) {
    const hit = genreWordAt(t, i);
    if (!hit) continue;
    found.push({ word: hit[0], genre: hit[1], at: i });
    i += hit[0].length - 1;
  }
  if (!found.length) return undefined;
  const last = found[found.length - 1]!;
  const inner = found[found.length - 2];
  // the inner genre counts where it heads what the wrapper carries (`…工作方案》的通知`), not where
  // it only qualifies it (`关于做好政府工作报告主要目标任务…的通知`: the 通知 assigns the targets)
  const heads = inner && /^[》”"]?的?$/.test(t.slice(inner.at + inner.word.length, last.at));
  const pick = WRAPPER_GENRES.has(last.word) && inner && heads ? inner : last;
  return { word: pick.word, genre: pick.genre };
}

/** GENRE_WORDS by first character, in their order: a title's characters are looked up, not each
 *  compared with every genre word (findTitle asks at every character of the lines before the body) */
const GENRE_WORDS_BY_FIRST = (() => {
  const m = new Map<number, (typeof GENRE_WORDS)[number][]>();
  for (const g of GENRE_WORDS) {
    const list = m.get(g[0].charCodeAt(0));
    if (list) list.push(g);
    else m.set(g[0].charCodeAt(0), [g]);
  }
  return m;
})();

function genreWordAt(t: string, i: number): readonly [string, GenreClass] | undefined {
  const hit = GENRE_WORDS_BY_FIRST.get(t.charCodeAt(i))?.find(([w]) => t.startsWith(w, i));
  if (!hit || !TITLE_END_GENRES.has(hit[0])) return hit;
  const rest = t.slice(i + hit[0].length);
  return TITLE_END_AFTER_RE.test(rest) || (FORWARDED_END_RE.test(rest) && FORWARDING_VERB_RE.test(t.slice(0, i))) ? hit : undefined;
}

function firstGenreAt(title: string): number {
  const t = title.replace(/^#+/, '').replace(/[\s\u3000]+/g, '');
  for (let i = 0; i < t.length; i++) if (genreWordAt(t, i)) return i;
  return -1;
}

const LABEL = 1;
const ARTICLE = 2;
const REPORT = 4;
const CLAUSE = 8;

/** what one paragraph says of the genre (a keystroke computes it for the touched paragraphs only) */
function evidenceOf(s: Structure, p: Paragraph, roles: RoleMatcher): number {
  const t = s.folded.slice(p.content.start, p.content.end);
  const label = roles.label.test(t);
  return (label ? LABEL : 0) | (ARTICLE_RE.test(t) ? ARTICLE : 0) | (REPORT_EVIDENCE_RE.test(t) ? REPORT : 0) |
    (label || hasBracketedClause(s, p, roles) ? CLAUSE : 0);
}

export function gatherEvidence(s: Structure, roles: RoleMatcher): GenreEvidence {
  let clauseParagraphs = 0;
  let articles = 0;
  let reportSigns = 0;
  let headerUnits = false;
  const facts = paragraphFacts(s, 'genre-evidence', roles, (p) => evidenceOf(s, p, roles));
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    if (!f) continue;
    if (f & LABEL && s.paragraphs[i]!.line < s.bodyStartLine) headerUnits = true;
    if (f & ARTICLE) articles++;
    if (f & REPORT) reportSigns++;
    if (f & CLAUSE) clauseParagraphs++;
  }
  let unitColumn = false;
  for (const row of s.tableRows.values()) if (row.columns?.roles.size) { unitColumn = true; break; }
  return { clauseParagraphs, unitColumn, articles, reportSigns, headerUnits };
}

/** a bracket in the paragraph whose inside holds a role word or a label: `（办公室牵头）` */
function hasBracketedClause(s: Structure, p: Paragraph, roles: RoleMatcher): boolean {
  const pairs = s.pairsByLine.get(p.line);
  if (!pairs) return false;
  for (const m of pairs.pairs) {
    if (!CLAUSE_BRACKETS.includes(s.text[m.open]!) || m.close - m.open > 200) continue;
    const inner = s.folded.slice(m.open + 1, m.close);
    if (roles.any.test(inner) || roles.label.test(inner)) return true;
    // a bracket of unit names only that closes the paragraph: `…应享尽享。（市发改委、市财政局）`
    if (/^[。；;.\s]*$/.test(s.folded.slice(m.close + 1, p.content.end)) && namesOnly(s.folded, { start: m.open + 1, end: m.close })) return true;
  }
  return false;
}

const assigns = (e: GenreEvidence): boolean => e.clauseParagraphs >= 2 || e.unitColumn;

export function judgeGenre(s: Structure, roles: RoleMatcher, configured?: string, titleHint?: { first: number; last: number }): GenreVerdict {
  const found = findTitle(s, titleHint);
  const title = found && { text: found.text, span: found.span };
  const e = gatherEvidence(s, roles);
  const evidenceReasons: GenreReason[] = [];
  if (e.unitColumn) evidenceReasons.push({ key: 'unit-column', data: {} });
  if (e.clauseParagraphs) evidenceReasons.push({ key: 'clauses', data: { count: e.clauseParagraphs } });
  if (configured && configured !== 'auto') {
    const genre = configured as DocumentKind;
    return { genre, assignsWork: genre === 'plan', basis: 'config', reasons: [{ key: 'config', data: { kind: genre } }], title };
  }
  const inner = found && innermostGenre(found.folded);
  // a `…制度` or `…规范` whose body has no `第X条` but a header naming its units (`主（協）辦機關：…`)
  // is a commitment of work, not a regulation (FORMAT.md §5: regulations number 第X条)
  if (inner?.genre === 'regulation' && !e.articles && (e.headerUnits || assigns(e))) {
    const reasons: GenreReason[] = [{ key: 'title-word', data: { word: inner.word } }, { key: 'no-articles', data: {} }];
    if (e.headerUnits) reasons.push({ key: 'header-units', data: {} });
    return { genre: 'plan', assignsWork: true, basis: 'body', reasons: [...reasons, ...evidenceReasons], title, titleWord: inner.word };
  }
  // a review joined with next year's plan assigns work only where its body names units (FORMAT.md §5:
  // stay quiet on weak evidence); else it is the report it mostly is
  if (inner?.genre === 'plan' && REPORT_AND_PLAN_RE.test(found!.folded) && !assigns(e)) {
    const reasons: GenreReason[] = [{ key: 'title-word', data: { word: inner.word } }, { key: 'report-and-plan', data: {} }, { key: 'no-clauses', data: {} }];
    return { genre: 'report', assignsWork: false, basis: 'body', reasons, title, titleWord: inner.word };
  }
  if (inner && inner.genre !== 'conditional') {
    const genre: DocumentKind = inner.genre;
    return { genre, assignsWork: genre === 'plan', basis: 'title', reasons: [{ key: 'title-word', data: { word: inner.word } }], title, titleWord: inner.word };
  }
  const titleReasons: GenreReason[] = inner ? [{ key: 'title-word', data: { word: inner.word } }] : [{ key: 'no-title', data: {} }];
  if (assigns(e)) return { genre: 'plan', assignsWork: true, basis: 'body', reasons: [...titleReasons, ...evidenceReasons], title, titleWord: inner?.word };
  if (e.articles >= 3) return { genre: 'regulation', assignsWork: false, basis: 'body', reasons: [...titleReasons, { key: 'articles', data: { count: e.articles } }], title, titleWord: inner?.word };
  if (e.reportSigns) return { genre: 'report', assignsWork: false, basis: 'body', reasons: [...titleReasons, { key: 'report-body', data: {} }], title, titleWord: inner?.word };
  if (inner) {
    // an 意见 or 通知 that names no unit assigns no work (FORMAT.md §5): nothing to flag
    const genre: DocumentKind = inner.word === '通知' || inner.word === '决定' ? 'notice' : 'other';
    return { genre, assignsWork: false, basis: 'body', reasons: [...titleReasons, { key: 'no-clauses', data: {} }], title, titleWord: inner.word };
  }
  // no title and no evidence either way: too weak to call any item a task without a unit —
  // stay quiet (FORMAT.md §5); a title or one unit clause makes it a plan
  return { genre: 'other', assignsWork: false, basis: 'default', reasons: [...titleReasons, { key: 'no-clauses', data: {} }], title };
}

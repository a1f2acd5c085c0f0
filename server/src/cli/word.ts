// Office files in `fengong check`: positions as the Word paragraph, table cell, text box or
// worksheet cell with the start of its text (`计划.docx:第12段“（三）完善基层…”`), messages that name
// a line of the extracted text rewritten to name that place, the notes said once (automatic numbers
// that could not be recovered, a file with no text), and the refusal of --fix.
import type { Diagnostic, Locale } from '../engine/types.js';
import { lineOf, placeAt, placeLabel, type WordNote, type WordPlace, type WordSource } from '../io/word-source.js';
import { text, type MessageId } from '../i18n/catalogue.js';
import { summarize, type FileResult, type LintMessage } from './results.js';

/** The Word position of a message, beside its line and column in the extracted text. */
export type WordPosition = WordPlace & { label: string };

const position = (place: WordPlace, locale: Locale): WordPosition => ({ ...place, label: placeLabel(place, locale) });

/** Numbers Word draws but this could not put in the text: sequence checks would be false there. */
const numbersLost = (word: WordSource) => word.notes.some((n) => n.kind === 'numbering-unrecoverable' || n.kind === 'doc-numbering');

/** The problems of an office file worth reporting, their messages naming places a Word or Excel
 *  user can find: numbers Word draws but this could not spell are missing from the text, so a gap
 *  reported there would be false; sequence checks are left out and wordFileResult's note says so once. */
export function wordDiagnostics<D extends Diagnostic>(diagnostics: D[], word: WordSource, locale: Locale): D[] {
  const kept = numbersLost(word) ? diagnostics.filter((d) => d.ruleId !== 'numbering-sequence') : diagnostics;
  return kept.map((d) => {
    const message = wordMessage(d.message, d.data, word, locale);
    return message === d.message ? d : { ...d, message };
  });
}

/** A message's `第 10 行` (`line 10`) — a line of the extracted text, which a Word user cannot find —
 *  as the place it is (`表1第2行第2列“省财政厅”`): every data key `…Line` (with its `…Column`, if any). */
export function wordMessage(message: string, data: Record<string, string | number>, word: WordSource, locale: Locale): string {
  let out = message;
  for (const [key, line] of Object.entries(data)) {
    if (!/Line$/.test(key) || typeof line !== 'number') continue;
    const column = data[key.replace(/Line$/, 'Column')];
    const label = placeLabel(placeAt(word, line - 1, typeof column === 'number' ? column - 1 : 0), locale);
    const phrases = locale === 'en'
      ? [...(typeof column === 'number' ? [`line ${line}, column ${column}`] : []), `line ${line}`]
      : [...(typeof column === 'number' ? [`第 ${line} 行第 ${column} 列`] : []), `第 ${line} 行`];
    const hit = phrases.find((p) => out.includes(p));
    if (hit) out = out.replace(hit, label);
  }
  return out;
}

/** An office file's result: every message also names its place, and the notes come first. */
export function wordFileResult(r: FileResult, word: WordSource, locale: Locale): FileResult {
  for (const m of [...r.messages, ...r.suppressedMessages]) m.word = position(placeAt(word, m.line - 1, m.column - 1), locale);
  r.messages.unshift(...word.notes.map((n) => noteMessage(n, word, locale)));
  return summarize(r);
}

const NOTE_TEXT: Record<WordNote['kind'], MessageId> = { 'numbering-unrecoverable': 'cli.wordNumbering', 'doc-numbering': 'office.docNumbering', 'no-text': 'office.noText' };

/** A place found again through its line, so it carries its quote. */
function quoted(word: WordSource, place: WordPlace): WordPlace {
  const line = lineOf(word, place);
  const o = word.lines[line];
  const cell = 'cell' in place ? place.cell : 'column' in place ? place.column : 1;
  const start = o && 'cellStarts' in o ? o.cellStarts[('columns' in o ? o.columns.indexOf(cell) : cell - 1)] ?? 0 : 0;
  return placeAt(word, line, start);
}

function noteMessage(n: WordNote, word: WordSource, locale: Locale): LintMessage {
  const at = n.kind === 'numbering-unrecoverable' ? quoted(word, n.place) : n.place;
  const where = n.kind === 'no-text' ? text(locale, 'office.thisFile') : placeLabel(at, locale);
  const message = text(locale, NOTE_TEXT[n.kind], { where, count: n.count, detail: n.detail });
  const line = n.kind === 'numbering-unrecoverable' ? lineOf(word, n.place) + 1 : 1;
  const m: LintMessage = { ruleId: null, severity: 1, message, messageId: n.kind === 'numbering-unrecoverable' ? 'docx-numbering-unrecoverable' : `office-${n.kind}`, line, column: 1 };
  // a note about the whole file names no paragraph
  m.word = n.kind === 'numbering-unrecoverable' ? position(at, locale) : { ...at, label: text(locale, 'office.whole') };
  return m;
}

/** --fix never writes an office file: the fixes are text edits, and a .docx is not text. */
export function fixRefusal(files: string[], locale: Locale): string {
  return text(locale, 'cli.wordFix', { files: files.join(locale === 'en' ? ', ' : '、') });
}

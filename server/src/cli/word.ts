// Word documents in `fengong check`: positions as the Word paragraph or table cell (`计划.docx:第12段`),
// the one note for automatic numbering that could not be recovered, and the refusal of --fix.
import type { Diagnostic, Locale } from '../engine/types.js';
import { lineOf, placeAt, placeLabel, type WordNote, type WordPlace, type WordSource } from '../io/word-source.js';
import { text } from '../i18n/catalogue.js';
import { summarize, type FileResult, type LintMessage } from './results.js';

/** The Word position of a message, beside its line and column in the extracted text. */
export type WordPosition = WordPlace & { label: string };

const position = (place: WordPlace, locale: Locale): WordPosition => ({ ...place, label: placeLabel(place, locale) });

const unrecoverable = (word: WordSource) => word.notes.find((n) => n.kind === 'numbering-unrecoverable');

/** The problems of a Word document worth reporting: numbers Word draws but this could not spell are
 *  missing from the text, so a gap reported there would be false; sequence checks are left out and
 *  the note of wordFileResult says so once. */
export function wordDiagnostics<D extends Diagnostic>(diagnostics: D[], word: WordSource): D[] {
  return unrecoverable(word) ? diagnostics.filter((d) => d.ruleId !== 'numbering-sequence') : diagnostics;
}

/** A Word document's result: every message also names its paragraph (or cell). */
export function wordFileResult(r: FileResult, word: WordSource, locale: Locale): FileResult {
  for (const m of [...r.messages, ...r.suppressedMessages]) m.word = position(placeAt(word, m.line - 1, m.column - 1), locale);
  const note = unrecoverable(word);
  if (note) r.messages.unshift(numberingNote(note, word, locale));
  return summarize(r);
}

function numberingNote(n: WordNote, word: WordSource, locale: Locale): LintMessage {
  const where = placeLabel(n.place, locale);
  const message = text(locale, 'cli.wordNumbering', { where, count: n.count, detail: n.detail });
  const line = lineOf(word, n.place) + 1;
  return { ruleId: null, severity: 1, message, messageId: 'docx-numbering-unrecoverable', line, column: 1, word: position(n.place, locale) };
}

/** --fix never writes a Word document: the fixes are text edits, and a .docx is not text. */
export function fixRefusal(files: string[], locale: Locale): string {
  return text(locale, 'cli.wordFix', { files: files.join(locale === 'en' ? ', ' : '、') });
}

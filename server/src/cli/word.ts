// Word documents in `fengong check`: positions as the Word paragraph or table cell (`计划.docx:第12段`),
// the one note for automatic numbering that could not be recovered, and the refusal of --fix.
import type { Diagnostic, Locale } from '../engine/types.js';
import { lineOf, placeAt, placeLabel, type WordNote, type WordPlace, type WordSource } from '../io/word-source.js';
import { summarize, toFileResult, type FileResult, type LintMessage } from './results.js';

/** The Word position of a message, beside its line and column in the extracted text. */
export type WordPosition = WordPlace & { label: string };

const position = (place: WordPlace, locale: Locale): WordPosition => ({ ...place, label: placeLabel(place, locale) });

/** toFileResult for a Word document: every message also names its paragraph (or cell). */
export function wordFileResult(file: string, text: string, diagnostics: Diagnostic[], word: WordSource, locale: Locale): FileResult {
  const unrecovered = word.notes.find((n) => n.kind === 'numbering-unrecoverable');
  // numbers Word draws but this could not spell are missing from the text: a gap reported there
  // would be false, so sequence checks are left out and the note below says so once
  const kept = unrecovered ? diagnostics.filter((d) => d.ruleId !== 'numbering-sequence') : diagnostics;
  const r = toFileResult(file, text, kept);
  for (const m of r.messages) m.word = position(placeAt(word, m.line - 1, m.column - 1), locale);
  if (unrecovered) r.messages.unshift(numberingNote(unrecovered, word, locale));
  return summarize(r);
}

function numberingNote(n: WordNote, word: WordSource, locale: Locale): LintMessage {
  const where = placeLabel(n.place, locale);
  const message = locale === 'en'
    ? `${n.count} automatic list number${n.count === 1 ? '' : 's'} from ${where} on could not be recovered (${n.detail}): those paragraphs are checked without their numbers and the numbering sequence is not checked. In Word, convert the list numbers to text or use a common numbering format.`
    : `${where}起有 ${n.count} 处 Word 自动编号无法还原（${n.detail}）：这些段落按无序号检查，序号连续性未检查。请在 Word 中把自动编号转换为文本，或改用常见的编号格式。`;
  const line = lineOf(word, n.place) + 1;
  return { ruleId: null, severity: 1, message, messageId: 'docx-numbering-unrecoverable', line, column: 1, word: position(n.place, locale) };
}

/** --fix never writes a Word document: the fixes are text edits, and a .docx is not text. */
export function fixRefusal(files: string[], locale: Locale): string {
  const list = files.join(locale === 'en' ? ', ' : '、');
  return locale === 'en'
    ? `fengong: --fix cannot change Word documents (${list}); nothing was changed. Make the fixes in Word or WPS, or save the plan as plain text (UTF-8) and run --fix on that.\n`
    : `fengong：--fix 不能修改 Word 文档（${list}），未做任何修改。请在 Word 或 WPS 中修改，或把计划另存为纯文本（UTF-8）后再用 --fix。\n`;
}

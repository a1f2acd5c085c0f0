// Helpers shared by the rules: marker number spans and fix construction.
import type { Marker, PlanItem, Rank } from '../model/types.js';
import type { Fix, Locale, TextEdit } from '../types.js';
import { engineMessage, type EngineMessageKey, type MessageData } from '../i18n/engine-messages.js';
import { toChineseNumeral, toCircled } from '../text/numerals.js';

/** the span of the number inside a marker: `十一` in `十一、`, `三` in `（三）`, `12` in `12.` */
export function numberSpan(m: Marker): { start: number; end: number } {
  const s = m.span.start;
  if (m.rank === 2 || m.rank === 4) {
    const close = m.close ? m.raw.lastIndexOf(m.close) : m.raw.length - m.delimiter.length - 1;
    return { start: s + 1, end: s + close };
  }
  if (m.rank === 5) return { start: s, end: s + 1 };
  return { start: s, end: m.span.end - m.delimiter.length };
}

export function numberText(rank: Rank, value: number): string {
  if (rank === 1 || rank === 2) return toChineseNumeral(value);
  if (rank === 5) return toCircled(value);
  return String(value);
}

/** how a marker with this value would be written in this document's style */
export function markerWith(m: Marker, value: number): string {
  const ns = numberSpan(m);
  return m.raw.slice(0, ns.start - m.span.start) + numberText(m.rank, value) + m.raw.slice(ns.end - m.span.start);
}

export function fix(locale: Locale, key: EngineMessageKey, data: MessageData, edits: TextEdit[]): Fix {
  return { title: engineMessage(key, data, locale), edits };
}

/** renumber `items` from index `from` (up to `until`, exclusive), starting at `value` (later siblings shift) */
export function renumberEdits(items: PlanItem[], from: number, value: number, until = items.length): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = from; i < until; i++) {
    const m = items[i]!.marker;
    const want = value + (i - from);
    if (m.value !== want) edits.push({ span: numberSpan(m), text: numberText(m.rank, want) });
  }
  return edits;
}

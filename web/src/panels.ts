// The side panels, read off the same Analysis the language server answers from: the problems (as
// the Problems panel lists them, with their quick fixes), the outline (documentSymbols), and the
// genre with its reasons and the tasks (`fengong inspect`).
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { explainPlan, renderExplanation } from '../../server/src/engine/explain.js';
import { text, type MessageId } from '../../server/src/i18n/catalogue.js';
import type { Analysis } from '../../server/src/lsp/analysis.js';
import type { LspFix } from '../../server/src/lsp/convert.js';
import { documentSymbols } from '../../server/src/lsp/features.js';
import { placeAt, placeLabel, type WordSource } from '../../server/src/io/word-source.js';
import { escapeHtml, messageOf } from './text-view.js';

const SEVERITY: Record<number, MessageId> = { 1: 'report.error', 2: 'report.warning', 3: 'report.info' };

/** The fixes offered on a problem: the rule's safe fix first, then its suggestions. */
export function fixesOf(a: Analysis, index: number): LspFix[] {
  const data = a.lsp[index]?.data as { fix?: LspFix; suggestions?: LspFix[] } | undefined;
  return [...(data?.fix ? [data.fix] : []), ...(data?.suggestions ?? [])];
}

/** For a Word document, each problem also names its paragraph or table cell (`第12段`), as
 *  `fengong check` does: that is where the user goes in Word to fix it. */
export function problemsHtml(a: Analysis, word?: WordSource): string {
  const locale = a.config.locale;
  if (!a.lsp.length) return `<p class="none">${escapeHtml(text(locale, 'web.noProblems'))}</p>`;
  const items = a.lsp.map((d, i) => {
    const at = text(locale, 'lsp.lineCol', { line: d.range.start.line + 1, col: d.range.start.character + 1 });
    const fixes = fixesOf(a, i).map((f, k) => `<button class="fix" data-p="${i}" data-fix="${k}">${escapeHtml(f.title)}</button>`).join('');
    return `<li class="s${d.severity}" data-p="${i}" tabindex="0"><span class="sev">${escapeHtml(text(locale, SEVERITY[d.severity ?? 1]!))}</span>`
      + `<span class="at">${escapeHtml(at)}</span>`
      + (word ? `<span class="place">${escapeHtml(placeLabel(placeAt(word, d.range.start.line, d.range.start.character), locale))}</span>` : '')
      + `<span class="msg">${escapeHtml(messageOf(d))}</span>`
      + `<code class="rule">${escapeHtml(String(d.code))}</code>${fixes}</li>`;
  });
  return `<ol class="problems">${items.join('')}</ol>`;
}

export function outlineHtml(a: Analysis): string {
  const item = (s: DocumentSymbol): string => {
    const at = `${s.selectionRange.start.line}`;
    const kids = s.children?.length ? `<ul>${s.children.map(item).join('')}</ul>` : '';
    return `<li><a data-line="${at}" tabindex="0">${escapeHtml(s.name)}</a>${s.detail ? `<span class="detail">${escapeHtml(s.detail)}</span>` : ''}${kids}</li>`;
  };
  const symbols = documentSymbols(a);
  return symbols.length ? `<ul class="outline">${symbols.map(item).join('')}</ul>` : `<p class="none">${escapeHtml(text(a.config.locale, 'web.noOutline'))}</p>`;
}

/** 文种, 依据, 任务: the lines `fengong inspect` prints first (and the title hover says). */
export function genreLines(a: Analysis): string[] {
  return inspectText(a).split('\n').slice(1, 4);
}

/** `fengong inspect`'s text for the plan. */
export function inspectText(a: Analysis): string {
  return renderExplanation(explainPlan(a.plan, a.config.locale), a.config.locale);
}

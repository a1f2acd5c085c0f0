// Why fengong judged a document as it did: its genre with the reasons, each section's role, each
// task with its units (`fengong inspect`, the hover on the title). Pure: plan in, text out.
import type { Locale } from './types.js';
import type { PlanDocument, PlanItem } from './model/types.js';
import type { GenreVerdict } from './model/genre.js';
import { formatMessage } from './i18n/messages.js';

export interface ItemExplanation {
  path: string;
  line: number;
  /** 1-based column of the marker in its line */
  column: number;
  /** the marker as the document shows it (`1、` where the path says `1.`) */
  marker: string;
  /** where a Word or Excel user finds it (`第12段“（三）完善…”`), set by the adapter of an office file */
  place?: string;
  title: string;
  /** section role of the item (`task`, `framing`, …) */
  section: string;
  isTask: boolean;
  reason?: string;
  units: { name: string; role: string }[];
  inherited?: string;
}

export interface Explanation {
  genre: string;
  assignsWork: boolean;
  basis: GenreVerdict['basis'];
  title?: string;
  reasons: string[];
  items: ItemExplanation[];
}

export function explainGenre(genre: GenreVerdict, locale: Locale): { label: string; reasons: string[] } {
  const label = formatMessage(`genre/${genre.genre}`, {}, locale) + (genre.basis === 'default' ? formatMessage('genre/weak', {}, locale) : '');
  return { label, reasons: genre.reasons.map((r) => formatMessage(`genre/reason/${r.key}`, r.data, locale)) };
}

export function explainPlan(plan: PlanDocument, locale: Locale = 'zh'): Explanation {
  const g = explainGenre(plan.genre, locale);
  return {
    genre: plan.genre.genre, assignsWork: plan.genre.assignsWork, basis: plan.genre.basis, title: plan.title?.text, reasons: g.reasons,
    items: plan.allItems.map((it) => explainItem(plan, it, locale)),
  };
}

function explainItem(plan: PlanDocument, it: PlanItem, locale: Locale): ItemExplanation {
  const out: ItemExplanation = {
    path: it.path, line: it.heading.line + 1, column: it.marker.span.start - plan.text.lastIndexOf('\n', it.marker.span.start - 1), marker: it.marker.raw, title: it.title, section: plan.sections.get(it) ?? 'task', isTask: it.isTask,
    units: it.unitClauses.flatMap((c) => c.units.map((u) => ({ name: u.name, role: u.role }))),
  };
  if (it.nonTaskReason && it.nonTaskReason !== 'has-children') out.reason = formatMessage(`not-task/${it.nonTaskReason}`, {}, locale);
  if (it.inheritedUnits) out.inherited = it.inheritedUnits.text;
  return out;
}

const ROLE = { zh: { lead: '牵头', responsible: '负责', cooperating: '配合', guiding: '指导' }, en: { lead: 'lead', responsible: 'responsible', cooperating: 'cooperating', guiding: 'guiding' } };

/** The explanation as indented text, one line per item. */
export function renderExplanation(e: Explanation, locale: Locale = 'zh'): string {
  const zh = locale === 'zh';
  const sep = zh ? '：' : ': ';
  const lines = [
    `${zh ? '标题' : 'Title'}${sep}${e.title ?? (zh ? '（未找到）' : '(none found)')}`,
    `${zh ? '文种' : 'Genre'}${sep}${formatMessage(`genre/${e.genre}`, {}, locale)}${e.basis === 'default' ? formatMessage('genre/weak', {}, locale) : ''}`,
    `${zh ? '依据' : 'Because'}${sep}${e.reasons.join(zh ? '；' : '; ')}`,
    `${zh ? '任务' : 'Tasks'}${sep}${e.items.filter((i) => i.isTask).length}`,
    '',
  ];
  for (const it of e.items) {
    const depth = (it.path.match(/、|）|\.|[①-⑳]/g) ?? []).length - 1;
    // an office file's items as Word shows them (`1、`, found by 查找); a text's in canonical form (`三` → `三、`)
    const marker = it.place ? it.marker : it.path.split(/(?<=、|）|\.)/).pop();
    const head = `${'  '.repeat(Math.max(0, depth))}${it.place ?? it.line}  ${marker}${it.title.slice(0, 30)}`;
    const section = it.section !== 'task' ? ` [${formatMessage(`section/${it.section}`, {}, locale)}]` : '';
    let tail = '';
    if (it.isTask) {
      const units = it.units.map((u) => `${u.name}（${ROLE[locale][u.role as keyof typeof ROLE.zh] ?? u.role}）`).join(zh ? '、' : ', ');
      tail = units ? ` → ${units}` : it.inherited ? ` → ${formatMessage('inherited/units', { text: it.inherited.slice(0, 30) }, locale)}` : ` → ${zh ? '未写明责任单位' : 'no unit named'}`;
    } else if (it.reason) tail = ` — ${it.reason}`;
    lines.push(head + section + tail);
  }
  return lines.join('\n') + '\n';
}

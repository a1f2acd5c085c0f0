// Completion while drafting: unit names in a unit clause (the config's canonical names first,
// then this plan's, then the workspace's; aliases offered as the canonical name), role words after
// a unit, the next numbering marker at a line start, the clause skeleton at the end of a task
// that names no unit. The engine says what is being typed (engine/drafting/complete.ts).
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node';
import { clauseSkeleton, completionSite } from '../../engine/drafting/index.js';
import { ROLE_COMPLETIONS } from '../../engine/lexicon/roles.js';
import { aliasMap, normalizeUnitName, unitKey } from '../../engine/text/unit-names.js';
import { text } from '../../i18n/catalogue.js';
import type { Analysis } from '../analysis.js';
import type { FengongServer } from '../server.js';
import { otherPlans } from './plans.js';

interface Candidate {
  name: string;
  /** 0 config canonical, 1 this plan, 2 the workspace, 3 an alias (inserts `name`) */
  tier: 0 | 1 | 2 | 3;
  detail: string;
  filter: string;
}

/** the unit names on offer, canonical, each once, in the order they are offered */
export function unitCandidates(s: FengongServer, a: Analysis): Candidate[] {
  const locale = a.config.locale;
  const aliases = aliasMap(a.config.units);
  const out = new Map<string, Candidate>();
  for (const canonical of Object.keys(a.config.units ?? {})) {
    const name = normalizeUnitName(canonical);
    if (name && !out.has(unitKey(name))) out.set(unitKey(name), { name, tier: 0, detail: text(locale, 'lsp.unitFromConfig'), filter: name });
  }
  const inPlan = new Map<string, number>();
  for (const m of a.mentions) inPlan.set(m.name, (inPlan.get(m.name) ?? 0) + 1);
  for (const [name, n] of inPlan) {
    const c = out.get(unitKey(name));
    if (c) c.detail += ` · ${text(locale, 'lsp.unitInPlan', { n })}`;
    else out.set(unitKey(name), { name, tier: 1, detail: text(locale, 'lsp.unitInPlan', { n }), filter: name });
  }
  const plansOf = new Map<string, { name: string; plans: number }>();
  for (const p of otherPlans(s, a, false)) {
    const seen = new Set<string>();
    for (const u of p.units) {
      const name = aliases.get(unitKey(u.written)) ?? u.written;
      const key = unitKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const e = plansOf.get(key) ?? { name, plans: 0 };
      e.plans++;
      plansOf.set(key, e);
    }
  }
  for (const [key, e] of [...plansOf].sort((x, y) => y[1].plans - x[1].plans)) {
    if (!out.has(key)) out.set(key, { name: e.name, tier: 2, detail: text(locale, 'lsp.unitInWorkspace', { n: e.plans }), filter: e.name });
  }
  const list = [...out.values()];
  for (const [canonical, names] of Object.entries(a.config.units ?? {})) {
    for (const alias of names ?? []) list.push({ name: normalizeUnitName(canonical), tier: 3, detail: text(locale, 'lsp.unitAlias', { name: normalizeUnitName(canonical) }), filter: normalizeUnitName(alias) });
  }
  return list;
}

export function completion(s: FengongServer, a: Analysis, pos: Position, snippets: boolean): CompletionItem[] {
  const offset = a.offsetAt(pos);
  const candidates = unitCandidates(s, a);
  const keys = new Set(candidates.map((c) => unitKey(c.filter)));
  const site = completionSite(a.plan, offset, { isUnit: (n) => keys.has(unitKey(n)) });
  if (!site) return [];
  const locale = a.config.locale;
  const range = (from: number): Range => ({ start: a.lines.positionAt(from), end: pos });
  const sort = (tier: number, i: number) => `${tier}${String(i).padStart(5, '0')}`;
  switch (site.kind) {
    case 'unit':
      return candidates.map((c, i) => ({
        label: c.tier === 3 ? c.filter : c.name, kind: CompletionItemKind.Module, detail: c.detail,
        sortText: sort(c.tier, i), filterText: c.filter, textEdit: { range: range(site.from), newText: c.name },
      }));
    case 'role': {
      const words = [...ROLE_COMPLETIONS, ...Object.values(a.config.roleKeywords).flat().filter((w) => !ROLE_COMPLETIONS.includes(w))];
      return words.map((w, i) => ({ label: w, kind: CompletionItemKind.Keyword, detail: text(locale, 'lsp.roleWord'), sortText: sort(0, i), textEdit: { range: range(site.from), newText: w } }));
    }
    case 'marker':
      return site.markers.map((m, i) => ({ label: m, kind: CompletionItemKind.EnumMember, detail: text(locale, 'lsp.nextMarker'), sortText: sort(0, i), textEdit: { range: range(site.from), newText: m } }));
    case 'skeleton':
      return [{
        label: clauseSkeleton(false), kind: CompletionItemKind.Snippet, detail: text(locale, 'lsp.skeleton'), documentation: text(locale, 'lsp.skeletonDoc'),
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, filterText: clauseSkeleton(false),
        textEdit: { range: range(site.at), newText: clauseSkeleton(snippets) },
      }];
  }
}

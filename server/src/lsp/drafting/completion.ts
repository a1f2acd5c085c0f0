// Completion while drafting: unit names in a unit clause (the config's canonical names first,
// then this plan's, then the workspace's; aliases offered as the canonical name), role words after
// a unit, the next numbering marker at a line start, the clause skeleton at the end of a task
// that names no unit. The engine says what is being typed (engine/drafting/complete.ts).
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver/node';
import { clauseSkeleton, completionSite } from '../../engine/drafting/index.js';
import { ROLE_COMPLETIONS } from '../../engine/lexicon/roles.js';
import { aliasMap, normalizeUnitName, unitKey } from '../../engine/text/unit-names.js';
import { text } from '../../i18n/catalogue.js';
import type { Analysis } from '../analysis.js';
import type { FengongServer } from '../server.js';
import { openTest, otherOpenPlans } from './plans.js';

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
  // the workspace: how many plans name each unit (the index keeps the tally), other open plans added
  const plansOf = new Map<string, { name: string; plans: number }>();
  const count = (key: string, written: string, n: number) => {
    const canonical = aliases.get(key);
    const name = canonical ?? written;
    const k = canonical === undefined ? key : unitKey(canonical);
    const e = plansOf.get(k);
    if (e) e.plans += n;
    else plansOf.set(k, { name, plans: n });
  };
  for (const p of otherOpenPlans(s, a, false)) for (const [key, written] of p.names) count(key, written, 1);
  for (const [key, e] of s.workspace.unitTally(openTest(s))) count(key, e.written, e.plans);
  for (const [key, e] of [...plansOf].sort((x, y) => y[1].plans - x[1].plans)) {
    if (!out.has(key)) out.set(key, { name: e.name, tier: 2, detail: text(locale, 'lsp.unitInWorkspace', { n: e.plans }), filter: e.name });
  }
  const list = [...out.values()];
  for (const [canonical, names] of Object.entries(a.config.units ?? {})) {
    for (const alias of names ?? []) list.push({ name: normalizeUnitName(canonical), tier: 3, detail: text(locale, 'lsp.unitAlias', { name: normalizeUnitName(canonical) }), filter: normalizeUnitName(alias) });
  }
  return list;
}

export interface CompletionOptions {
  snippets: boolean;
  /** the client takes one edit range for all items (LSP 3.17 itemDefaults.editRange): a list of
   *  200 unit names need not carry 200 copies of it */
  editRangeDefault: boolean;
}

interface Entry {
  label: string;
  kind: CompletionItemKind;
  detail: string;
  newText: string;
  filterText?: string;
  sortText?: string;
}

export function completion(s: FengongServer, a: Analysis, pos: Position, opts: CompletionOptions): CompletionItem[] | CompletionList {
  const offset = a.offsetAt(pos);
  const candidates = unitCandidates(s, a);
  const keys = new Set(candidates.map((c) => unitKey(c.filter)));
  const site = completionSite(a.plan, offset, { isUnit: (n) => keys.has(unitKey(n)) });
  if (!site) return [];
  const locale = a.config.locale;
  const sort = (tier: number, i: number) => `${tier}${String(i).padStart(5, '0')}`;
  if (site.kind === 'skeleton') {
    return [{
      label: clauseSkeleton(false), kind: CompletionItemKind.Snippet, detail: text(locale, 'lsp.skeleton'), documentation: text(locale, 'lsp.skeletonDoc'),
      insertTextFormat: opts.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, filterText: clauseSkeleton(false),
      textEdit: { range: { start: pos, end: pos }, newText: clauseSkeleton(opts.snippets) },
    }];
  }
  let entries: Entry[];
  if (site.kind === 'unit') {
    entries = candidates.map((c, i) => ({ label: c.tier === 3 ? c.filter : c.name, kind: CompletionItemKind.Module, detail: c.detail, sortText: sort(c.tier, i), filterText: c.filter, newText: c.name }));
  } else if (site.kind === 'role') {
    const words = [...ROLE_COMPLETIONS, ...Object.values(a.config.roleKeywords).flat().filter((w) => !ROLE_COMPLETIONS.includes(w))];
    entries = words.map((w, i) => ({ label: w, kind: CompletionItemKind.Keyword, detail: text(locale, 'lsp.roleWord'), sortText: sort(0, i), newText: w }));
  } else {
    entries = site.markers.map((m, i) => ({ label: m, kind: CompletionItemKind.EnumMember, detail: text(locale, 'lsp.nextMarker'), sortText: sort(0, i), newText: m }));
  }
  const range: Range = { start: a.lines.positionAt(site.from), end: pos };
  if (opts.editRangeDefault) {
    return {
      isIncomplete: false,
      itemDefaults: { editRange: range },
      items: entries.map(({ newText, ...e }) => (newText === e.label ? e : { ...e, textEditText: newText })),
    };
  }
  return entries.map(({ newText, ...e }) => ({ ...e, textEdit: { range, newText } }));
}

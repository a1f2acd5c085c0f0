// The plans a cross-file question is answered over: the open documents (their current analysis)
// and the workspace index for the rest; unit identity under the asking document's config.
import type { Analysis } from '../analysis.js';
import type { FengongServer } from '../server.js';
import { indexPlan, normalizeUri, type IndexedPlan } from '../workspace-index.js';
import { aliasMap, unitKey } from '../../engine/text/unit-names.js';

const indexed = new WeakMap<Analysis, IndexedPlan>();

/** an open document's analysis in the index's shape (once per analysis) */
export function planOf(a: Analysis): IndexedPlan {
  let p = indexed.get(a);
  if (!p) indexed.set(a, (p = indexPlan(a.uri, a.plan, a.lines, a.config.units)));
  return p;
}

/** the other open documents (analysed now when `fresh`, else as last analysed) */
export function otherOpenPlans(s: FengongServer, a: Analysis, fresh: boolean): IndexedPlan[] {
  const out: IndexedPlan[] = [];
  for (const [uri, st] of s.docs) {
    if (uri === a.uri) continue;
    const other = fresh || !st.analysis ? s.analysis(st) : st.analysis;
    if (other) out.push(planOf(other));
  }
  return out;
}

/** is this (normalised) URI open in the editor? The index's copy of an open file is left out. */
export function openTest(s: FengongServer): (uri: string) => boolean {
  const open = new Set([...s.docs.keys()].map(normalizeUri));
  return (uri) => open.has(uri);
}

/** Every plan but `a` itself: the other open documents, then the indexed files that are not open. */
export function otherPlans(s: FengongServer, a: Analysis, fresh: boolean): IndexedPlan[] {
  return [...otherOpenPlans(s, a, fresh), ...s.workspace.entries(openTest(s))];
}

/** the identity of a unit (by its key, unitKey of the name as written) under the asking
 *  document's config: the key of its canonical name */
export function unitIdentity(a: Analysis): (key: string) => string {
  const aliases = aliasMap(a.config.units);
  return (key) => {
    const canonical = aliases.get(key);
    return canonical === undefined ? key : unitKey(canonical);
  };
}

// The plans a cross-file question is answered over: the open documents (their current analysis)
// and the workspace index for the rest; unit identity under the asking document's config.
import type { Analysis } from '../analysis.js';
import type { FengongServer } from '../server.js';
import { indexPlan, type IndexedPlan } from '../workspace-index.js';
import { aliasMap, unitKey } from '../../engine/text/unit-names.js';
import { canonicalName } from '../../engine/drafting/index.js';

const indexed = new WeakMap<Analysis, IndexedPlan>();

/** an open document's analysis in the index's shape (once per analysis) */
export function planOf(a: Analysis): IndexedPlan {
  let p = indexed.get(a);
  if (!p) indexed.set(a, (p = indexPlan(a.uri, a.plan, a.lines, a.config.units)));
  return p;
}

/** Every plan but `a` itself: the other open documents (analysed now when `fresh`, else as last
 *  analysed), then the indexed files that are not open. */
export function otherPlans(s: FengongServer, a: Analysis, fresh: boolean): IndexedPlan[] {
  const out: IndexedPlan[] = [];
  for (const [uri, st] of s.docs) {
    if (uri === a.uri) continue;
    const other = fresh || !st.analysis ? s.analysis(st) : st.analysis;
    if (other) out.push(planOf(other));
  }
  for (const p of s.workspace.entries((uri) => s.docs.has(uri))) out.push(p);
  return out;
}

/** the identity of a unit name under the asking document's aliases */
export function unitIdentity(a: Analysis): (written: string) => string {
  const aliases = aliasMap(a.config.units);
  return (written) => unitKey(canonicalName(written, aliases));
}

// Where a task without units takes its clause: at the end of its text (after its last paragraph's
// last character, `。` included), as `（办公室牵头，各处室配合）` is written in the corpus plans.
import type { PlanDocument, PlanItem } from '../model/types.js';
import { isWhitespace } from '../text/chars.js';
import { CLAUSE_SKELETON } from '../lexicon/roles.js';

/** the task names no unit and takes none from elsewhere */
export const namesNoUnit = (item: PlanItem): boolean => !item.inheritedUnits && !item.unitClauses.some((c) => c.units.length > 0);

/** The offset the clause goes to, or none: a table row (`1\t任务\t…`) has a unit column instead. */
export function skeletonPoint(plan: PlanDocument, item: PlanItem): number | undefined {
  const last = item.body.length ? item.body[item.body.length - 1]! : item.heading;
  const text = plan.text;
  if (text.slice(item.heading.content.start, item.heading.content.end).includes('\t')) return undefined;
  let end = last.content.end;
  while (end > last.content.start && isWhitespace(text[end - 1])) end--;
  return end > last.content.start ? end : undefined;
}

/** `（牵头，配合）`, or as an LSP snippet `（${1}牵头，${2}配合）` with the unit names as tab stops */
export function clauseSkeleton(snippet: boolean): string {
  const k = CLAUSE_SKELETON;
  return snippet ? `${k.open}\${1}${k.lead}${k.between}\${2}${k.cooperating}${k.close}` : `${k.open}${k.lead}${k.between}${k.cooperating}${k.close}`;
}

// Where each unit is named, with its role and its canonical name: what references, rename,
// highlights, hovers and the semantic tokens read. One walk over the model's unit clauses.
import type { PlanDocument, PlanItem, UnitRef } from '../model/types.js';
import { aliasMap, normalizeUnitName, unitKey } from '../text/unit-names.js';

export interface UnitMention {
  ref: UnitRef;
  item: PlanItem;
  /** canonical name (config `units` aliases applied), as the task table names the unit */
  name: string;
  /** the name as written, whitespace normalised */
  written: string;
}

/** every unit named in the plan, in document order: the tasks' clauses and the heading clauses
 *  sub-items inherit */
export function unitMentions(plan: PlanDocument, units?: Record<string, string[]>): UnitMention[] {
  const aliases = aliasMap(units);
  const out: UnitMention[] = [];
  const add = (item: PlanItem, refs: UnitRef[]) => {
    for (const ref of refs) {
      const written = normalizeUnitName(ref.name);
      if (written) out.push({ ref, item, written, name: aliases.get(unitKey(written)) ?? written });
    }
  };
  for (const item of plan.allItems) for (const c of item.unitClauses) add(item, c.units);
  // a parent heading's clause its sub-items take: its units are named there
  for (const { item, clause } of plan.headingClauses) add(item, clause.units);
  return out.sort((a, b) => a.ref.span.start - b.ref.span.start);
}

/** the canonical name of a name as written, under the config's aliases */
export function canonicalName(written: string, aliases: Map<string, string>): string {
  const name = normalizeUnitName(written);
  return aliases.get(unitKey(name)) ?? name;
}

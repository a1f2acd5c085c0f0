// A section's tally, for the code lens over each `一、`: how many tasks, how many units lead them,
// how many name none (what the task table will leave blank).
import type { PlanItem } from '../model/types.js';
import type { UnitMention } from './mentions.js';
import { namesNoUnit } from './skeleton.js';
import { lowerBound } from '../model/search.js';

export interface SectionSummary {
  tasks: number;
  /** distinct lead units named by the section's tasks */
  leads: number;
  /** tasks that name no unit and take none from elsewhere */
  withoutUnits: number;
}

function tasksUnder(item: PlanItem, out: PlanItem[]): PlanItem[] {
  if (item.isTask) out.push(item);
  for (const c of item.children) tasksUnder(c, out);
  return out;
}

export function sectionSummary(item: PlanItem, mentions: UnitMention[]): SectionSummary {
  const tasks = tasksUnder(item, []);
  const ids = new Set(tasks.map((t) => t.id));
  const leads = new Set<string>();
  // mentions are in text order: start at the section's first one (a scan from the top for every
  // section made the lenses quadratic in sections)
  for (let i = lowerBound(mentions, item.span.start, (m) => m.ref.span.start); i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.ref.span.start >= item.span.end) break;
    // a task's own lead, or the lead of a heading clause its sub-items take
    if (m.ref.role === 'lead' && (ids.has(m.item.id) || !m.item.isTask)) leads.add(m.name);
  }
  return { tasks: tasks.length, leads: leads.size, withoutUnits: tasks.filter(namesNoUnit).length };
}

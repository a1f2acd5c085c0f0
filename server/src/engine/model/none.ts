// One frozen empty list shared wherever a list is usually empty — a task's body, children, deadlines
// and enumerations, a clause's issues: an empty array of its own is 32 bytes, and a plan of numbered
// headings held eight a task (issue 18). Frozen, so a push into it throws rather than adding to every
// item's list: code that fills a list starts its own (`pushed`).
const NONE: readonly never[] = Object.freeze([]);

/** the shared empty list, typed as any list (never to be added to) */
export function none<T>(): T[] {
  return NONE as unknown as T[];
}

/** `list` with `item` added: `list` itself, or a new list in place of the shared empty one */
export function pushed<T>(list: T[], item: T): T[] {
  if ((list as readonly unknown[]) === NONE) return [item];
  list.push(item);
  return list;
}

/** `list`, or the shared empty list in place of an empty one */
export function orNone<T>(list: T[]): T[] {
  return list.length ? list : none();
}

/** The array at its exact length. An array grown by push (or made by flatMap) keeps room for 17
 *  elements: a unit list of one name cost 150 bytes more than it holds, a fifth of a plan of
 *  numbered tasks (issue 18). Used where a list is kept in the plan model. */
export function trimmed<T>(a: T[]): T[] {
  return a.length ? a.slice() : none();
}

/** the strings `shared` hands out, up to SHARED_MAX (then it starts again: a bound, not a leak in a
 *  language server that reads plan after plan) */
const SHARED = new Map<string, string>();
const SHARED_MAX = 4096;

/** One string for every equal one the model keeps: a unit name or a date sliced from the text is a
 *  copy of its characters (24–32 bytes), and a plan names the same few units and dates on every
 *  task (`县政府办公室` on each of 10,000 table rows; issue 18). */
export function shared(s: string): string {
  const kept = SHARED.get(s);
  if (kept !== undefined) return kept;
  if (SHARED.size >= SHARED_MAX) SHARED.clear();
  SHARED.set(s, s);
  return s;
}

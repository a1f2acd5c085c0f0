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

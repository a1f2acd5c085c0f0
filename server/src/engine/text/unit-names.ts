// Unit names, one way for the unit-name rule and the task table alike: what counts as the same
// name (whitespace as Word exports it, full- and half-width forms) and the canonical name of an
// alias from the `units` of the configuration.
import { WHITESPACE_RUN } from './chars.js';

/** Whitespace as exported from Word goes; between two Latin words a single space stays. */
export function normalizeUnitName(name: string): string {
  return name
    .replace(WHITESPACE_RUN, ' ')
    .trim()
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '');
}

/** Key for comparing names: normalised, full-width ASCII forms folded, so `各司（局）` is `各司(局)`.
 *  Names shown keep the spelling the plan or the config uses. */
export function unitKey(name: string): string {
  return normalizeUnitName(name).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** alias (and canonical) key → canonical name; the first listing of an alias wins */
export function aliasMap(units: Record<string, string[]> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!units) return map;
  for (const [canonical, aliases] of Object.entries(units)) {
    const name = normalizeUnitName(canonical);
    map.set(unitKey(name), name);
    for (const a of aliases ?? []) if (!map.has(unitKey(a))) map.set(unitKey(a), name);
  }
  return map;
}

// The rule registry: the one list of rule files. Everything else — the engine's defaults, the
// message table, the config schema, `fengong rules`, docs/rules.md, the README table, the server —
// is derived from it, so adding a rule is adding its file and its line here. Ids are stable
// because CI configs name them; the order is the order `fengong rules` and the docs list them in.
import type { Rule } from '../types.js';
import numberingSequence from './numbering-sequence.js';
import numberingFormat from './numbering-format.js';
import numberingInline from './numbering-inline.js';
import taskUnit from './task-unit.js';
import unitClause from './unit-clause.js';
import unitName from './unit-name.js';
import punctuationPair from './punctuation-pair.js';
import punctuationWidth from './punctuation-width.js';

export const rules: readonly Rule[] = [numberingSequence, numberingFormat, numberingInline, taskUnit, unitClause, unitName, punctuationPair, punctuationWidth];

const byId = new Map(rules.map((r) => [r.meta.id, r]));
export const ruleById = (id: string): Rule | undefined => byId.get(id);

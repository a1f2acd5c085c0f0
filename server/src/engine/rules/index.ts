// The rule registry. One file per rule, each exporting `meta` beside `check`; ids are stable
// because CI configs name them.
import type { Rule } from '../types.js';
import numberingSequence from './numbering-sequence.js';
import numberingFormat from './numbering-format.js';
import numberingInline from './numbering-inline.js';
import taskUnit from './task-unit.js';
import unitClause from './unit-clause.js';
import punctuationPair from './punctuation-pair.js';
import punctuationWidth from './punctuation-width.js';
import unitName from './unit-name.js';

export const rules: readonly Rule[] = [numberingSequence, numberingFormat, numberingInline, taskUnit, unitClause, unitName, punctuationPair, punctuationWidth];

const byId = new Map(rules.map((r) => [r.meta.id, r]));
export const ruleById = (id: string): Rule | undefined => byId.get(id);

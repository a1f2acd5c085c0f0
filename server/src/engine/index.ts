// The fengong engine: text → tokens → plan model → diagnostics. Pure, synchronous, no I/O,
// no editor types. The CLI and the language server only translate its results.
export type * from './model/types.js';
export type * from './types.js';
export { parsePlan } from './model/parse.js';
export { lint } from './lint.js';
export { applyFixes, fixAndLint, fixText } from './fix.js';
export { rules, ruleById } from './rules/index.js';
export { defaultConfig, mergeConfig, type ConfigOverride } from './config.js';
export { canonicalMarker } from './model/tree.js';
export { FRAMING_NOUNS } from './lexicon/sections.js';
export type { LintTimings } from './lint.js';
export { LineIndex } from './text/lineIndex.js';
export { LineCache } from './parser/parser.js';
export { formatMessage } from './i18n/messages.js';
export { unitMentions, sectionSummary, nextMarkers } from './drafting/index.js';

// Drafting queries for the editor (completion, references, rename, code lens, inlay hints,
// semantic tokens): pure functions of the plan model; the language server only translates.
export { unitMentions, canonicalName, type UnitMention } from './mentions.js';
export { planMarks, roleWordSpans, type Mark, type MarkKind } from './marks.js';
export { completionSite, nextMarkers, type CompletionSite, type SiteOptions } from './complete.js';
export { clauseSkeleton, namesNoUnit, skeletonPoint } from './skeleton.js';
export { sectionSummary, type SectionSummary } from './summary.js';

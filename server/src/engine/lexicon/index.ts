// The domain vocabulary in one place: genre, section, role, label and unit words, table headers,
// brackets. Words are simplified; text is folded before it is matched (fold.ts).
export * from './fold.js';
export * from './genres.js';
export * from './sections.js';
export * from './roles.js';
export * from './units.js';
export * from './tables.js';
export * from './brackets.js';

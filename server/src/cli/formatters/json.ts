// ESLint's JSON formatter shape.
import type { FileResult } from '../results.js';

export const json = (results: FileResult[]): string => JSON.stringify(results) + '\n';

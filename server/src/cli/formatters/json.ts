// ESLint's JSON formatter shape (results with messages, suppressedMessages and, after fixes,
// output). The fingerprints other formats use are left out: ESLint has none.
import type { FileResult } from '../results.js';

export const json = (results: FileResult[]): string =>
  JSON.stringify(results, (key, value: unknown) => (key === 'fingerprint' ? undefined : value)) + '\n';

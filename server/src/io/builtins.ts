// Node built-ins that most runs never use, loaded at their first use rather than at every start.
// `node:crypto` (and the stream modules it loads) cost ~10 ms of each `fengong check`, which hashes
// nothing unless it fixes a file, reads a baseline or writes GitLab's report; `node:v8` is needed
// only for a plan of millions of characters (issue 18).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';
import type * as V8 from 'node:v8';

let load: NodeJS.Require | undefined;
/** bundled (CommonJS) the bundle's own require; unbundled (tests under tsx, an ES module) node's */
const nodeRequire = (): NodeJS.Require => (load ??= typeof require === 'function' ? require : createRequire(import.meta.url));

let crypto: typeof Crypto | undefined;
let v8: typeof V8 | undefined;

export const nodeCrypto = (): typeof Crypto => (crypto ??= nodeRequire()('node:crypto') as typeof Crypto);
export const nodeV8 = (): typeof V8 => (v8 ??= nodeRequire()('node:v8') as typeof V8);

/** a SHA-256 digest in hex: crypto.hash (node 20.12 on) is one call, no Hash object (the 1,000 bench
 *  files' 3,938 fingerprints: 38–41 → 12–16 ms CPU; issue 18); createHash on older nodes */
export const sha256Hex = (data: Uint8Array | string): string => {
  const c = nodeCrypto();
  return typeof c.hash === 'function' ? c.hash('sha256', data, 'hex') : c.createHash('sha256').update(data).digest('hex');
};

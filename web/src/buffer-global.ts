// Node's Buffer for the modules the page shares with the CLI (io/encoding.ts, iconv-lite, the
// table writers): esbuild replaces every free `Buffer` in the page's bundle with this one.
export { Buffer } from 'buffer';

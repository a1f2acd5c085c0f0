// File I/O for the CLI and the server: encodings (encoding.ts) and files (files.ts).
export * from './encoding.js';
export * from './files.js';

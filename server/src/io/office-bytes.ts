// The bytes of an office file (Word, WPS, Excel) under the text reader's limits and messages, and
// the magic numbers that tell a zip package (.docx, .xlsx) from an OLE compound file (.doc, .xls).
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileError, readPlanFile, type FileError } from './files.js';

export const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const startsWith = (buf: Uint8Array, magic: number[]): boolean => magic.every((b, i) => buf[i] === b);

/** The file's bytes, or what to report: a folder, not a file, over the size cap, an errno worded as
 *  for a text file, else `unreadable(error)`. Never throws. */
export async function readOfficeBytes(
  path: string, maxBytes: number, unreadable: (e: unknown) => FileError,
): Promise<{ ok: true; buf: Buffer } | { ok: false; error: FileError }> {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, error: fileError('EISDIR', path) };
    if (!st.isFile()) return { ok: false, error: fileError('not-file', path) };
    if (st.size > maxBytes) return { ok: false, error: fileError('too-large', path, `${st.size} bytes > ${maxBytes}`) };
    return { ok: true, buf: await readFile(path) };
  } catch (e) {
    const r = await readPlanFile(path); // the same errno messages as for a text file
    return { ok: false, error: r.ok ? unreadable(e) : r.error };
  }
}

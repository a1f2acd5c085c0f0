// fengong/wordText: the text of a Word document for the editor's read-only view. Apart from
// office.ts because it reads files (node:url, node:fs), which the web page cannot bundle.
import { fileURLToPath } from 'node:url';
import type { WordTextResult } from '../protocol.js';

/** The extracted text of the Word document at a file: URI, or what is wrong with it. */
export async function wordText(uri: string, locale: 'zh' | 'en'): Promise<WordTextResult> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { error: `not a file: URI: ${uri}` };
  }
  const { readWordFile } = await import('../io/docx.js');
  const r = await readWordFile(path);
  return r.ok ? { text: r.text } : { error: r.error.message[locale] };
}

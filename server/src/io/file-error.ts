// What went wrong with a file, said to the user: a code, the path, and a zh + en message from the
// catalogue naming the file and what to do. Shared by reading (files.ts) and writing (write.ts).
import { errnoText as catalogueErrno, text, type Locale, type MessageData, type MessageId } from '../i18n/catalogue.js';

export type FileErrorCode =
  | 'ENOENT' // missing
  | 'EISDIR' // a folder where a file was expected
  | 'EACCES' // no permission
  | 'ELOOP' // symlink loop
  | 'not-file' // FIFO, socket, device: reading could hang
  | 'binary'
  | 'undecodable'
  | 'too-large'
  | 'no-match' // a glob or folder that yields no plan files
  | 'bad-glob' // a glob argument that cannot be matched safely (`!(…)`, too long)
  | 'write-failed'
  | 'read-only' // --fix of a file the user may not (or should not) write
  | 'changed' // the file changed on disk between reading and writing
  | 'restored' // the file changed while being replaced: the other program's content was put back
  | 'output-target' // -o names something that cannot be an output file
  | 'EIO'; // any other I/O error

export interface FileError {
  code: FileErrorCode;
  /** The path as given (absolute when it came from a folder walk). */
  path: string;
  /** What happened and what to do, naming the file; Chinese first. */
  message: { zh: string; en: string };
  /** Technical detail (errno text, decoding offset). */
  detail?: string;
  /** Where decoding failed, for 'undecodable'. */
  offset?: number;
  line?: number;
}

export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export function errnoMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function errnoError(path: string, e: unknown): FileError {
  const code = errnoCode(e);
  const known: FileErrorCode =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'ENOENT'
      : code === 'EACCES' || code === 'EPERM'
        ? 'EACCES'
        : code === 'EISDIR'
          ? 'EISDIR'
          : code === 'ELOOP'
            ? 'ELOOP'
            : 'EIO';
  return fileError(known, path, `${code ?? 'error'}: ${errnoMessage(e)}`, { errno: code ?? 'EIO' });
}

/** What a FileError's message says in its parenthesis: an errno code, or words from the catalogue. */
export type FileErrorWhy = { errno: string } | { id: MessageId; data: MessageData };

/** Build a FileError with its zh + en message (what happened, what to do) from the catalogue;
 *  `detail` stays technical (English) for logs and tests. */
export function fileError(code: FileErrorCode, path: string, detail?: string, why?: FileErrorWhy): FileError {
  const say = (locale: Locale): string => {
    const words = !why ? '' : 'errno' in why ? `${why.errno}${locale === 'en' ? ': ' : '，'}${catalogueErrno(locale, why.errno)}` : text(locale, why.id, why.data);
    return text(locale, `io.${code}`, { path, detail: words ? text(locale, 'io.detail', { detail: words }) : '' });
  };
  const err: FileError = { code, path, message: { zh: say('zh'), en: say('en') } };
  if (detail !== undefined) err.detail = detail;
  return err;
}

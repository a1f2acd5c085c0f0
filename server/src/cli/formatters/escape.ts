// Text from plans and file names goes to terminals and CI logs: a task holding `ESC]0;…BEL` or
// `ESC[41m`, or a file named with a newline, must not retitle the terminal, recolour the log or
// fake a line. Control characters (C0 but tab and line feed, DEL, C1) and the bidirectional
// overrides are shown as escapes (`\x1b`, `\u202e`), visible and harmless.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The same, line feeds too: for one-line fields (a file name in a heading). */
export function escapeLine(s: string): string {
  return escapeControls(s).replace(/\n/g, '\\n');
}

/** A text output (md, csv, inspect) shown on a terminal: control characters escaped, its line
 *  breaks (CRLF in CSV) kept. */
export function escapeTerminal(s: string): string {
  return s.split('\r\n').map(escapeControls).join('\r\n');
}

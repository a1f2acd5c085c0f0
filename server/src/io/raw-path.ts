// File names are bytes; Node turns the ones that are not UTF-8 (a GBK name such as B9 A4 D7 F7
// 工作 from an old Windows share) into U+FFFD, and the file is then "not found". Such a name is
// carried as a string with each undecodable byte kept as a lone surrogate U+DC80–U+DCFF (Python's
// surrogateescape), and turned back into its bytes (a Buffer path) wherever the file is opened.
import { readFileSync } from 'node:fs';
import { utf8SequenceLength } from './encoding.js';

const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** The bytes of a name, decoded: UTF-8 where it is, each other byte as U+DC80–U+DCFF. */
export function decodeRawName(buf: Buffer): string {
  let out = '';
  for (let i = 0; i < buf.length;) {
    const len = utf8SequenceLength(buf, i);
    if (len) {
      out += buf.toString('utf8', i, i + len);
      i += len;
    } else {
      out += String.fromCharCode(0xdc00 + buf[i]!);
      i++;
    }
  }
  return out;
}

/** What to give fs for a path: the string itself, or its bytes when it carries escaped ones. */
export function fsPath(p: string): string | Buffer {
  if (!ESCAPED.test(p)) return p;
  const parts: Buffer[] = [];
  let text = '';
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    const lone = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && p.charCodeAt(i - 1) >= 0xd800 && p.charCodeAt(i - 1) <= 0xdbff);
    if (!lone) {
      text += p[i];
      continue;
    }
    parts.push(Buffer.from(text, 'utf8'), Buffer.from([c - 0xdc00]));
    text = '';
  }
  parts.push(Buffer.from(text, 'utf8'));
  return Buffer.concat(parts);
}

/** Whether a path holds bytes that are not UTF-8. */
export function hasRawBytes(p: string): boolean {
  return ESCAPED.test(p);
}

/** The command line's arguments with their bytes: an argument Node decoded with U+FFFD is read
 *  again from /proc/self/cmdline (Linux), where its bytes are. */
export function rawArgv(argv: string[]): string[] {
  if (!argv.some((a) => a.includes('\ufffd'))) return argv;
  let cmdline: Buffer[];
  try {
    const all = readFileSync('/proc/self/cmdline');
    cmdline = [];
    for (let at = 0; at < all.length;) {
      const end = all.indexOf(0, at);
      cmdline.push(all.subarray(at, end < 0 ? all.length : end));
      at = end < 0 ? all.length : end + 1;
    }
  } catch {
    return argv;
  }
  const tail = cmdline.slice(cmdline.length - argv.length);
  if (tail.length !== argv.length) return argv;
  return argv.map((a, i) => (a.includes('\ufffd') && tail[i]!.toString('utf8') === a ? decodeRawName(tail[i]!) : a));
}

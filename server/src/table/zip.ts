// Entries of the streamed office files' zips (xlsx-stream.ts, word.ts). In node, zlib deflates them
// and sums their CRC-32: fflate's deflate in JavaScript took 1.5 of 5.6 s of a 2 MB plan's xlsx, zlib
// a sixth of that, and fflate's CRC-32 0.75 of 14 s of an 8 MB plan's (issue 18). The page has no
// zlib, so there fflate does both.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

/** What node lends the zips (cli/table.ts): zlib's raw deflate of one piece of an entry at a level
 *  (each piece ends on a byte boundary, a sync flush, and the last one ends the stream, so the
 *  pieces joined are one deflate stream, as pigz writes them), and zlib's CRC-32 continued over a
 *  piece. */
export interface Deflater {
  deflate(piece: Uint8Array, final: boolean, level: number): Uint8Array;
  /** absent before node 20.15: fflate's then */
  crc32?: (piece: Uint8Array, crc: number) => number;
  /** another thread that encodes, sums and deflates an entry's text (cli/zip-thread.ts) */
  offThread?: () => TextDeflater;
}

/** What an entry of text made off the main thread gets back for each piece it sent, in the order sent:
 *  the piece deflated, and the entry's CRC-32 and UTF-8 size so far. */
export interface DeflatedPiece {
  bytes: Uint8Array;
  crc: number;
  size: number;
}

/** One thread deflating the pieces of entries, in the order they were sent: `text` is a piece of an
 *  entry's text as UTF-16LE (moved, not copied), `final` its last; the first BIG_ENTRY bytes of an
 *  entry's UTF-8 at LEVEL, the rest at FAST_LEVEL, as an entry deflated here. */
export interface TextDeflater {
  deflate(entry: number, text: Uint8Array, final: boolean): Promise<DeflatedPiece>;
}

/** The deflate level of an entry's first BIG_ENTRY bytes, and of the rest: the sheets of an 8 MB
 *  plan of numbered tasks are 87 MB of XML, which level 6 deflated to 3.79 MB in ~1 s and level 1
 *  to 4.18 MB (a tenth larger) in a quarter of that; the files of a plan under some 50,000 tasks
 *  stay as they were. */
export const LEVEL = 6;
export const FAST_LEVEL = 1;
export const BIG_ENTRY = 16 << 20;

export type ZipEntry = ZipPassThrough | ZipDeflate;

/** A deflated zip entry: by `deflater` when given, else by fflate. */
export function zipEntry(name: string, deflater?: Deflater): ZipEntry {
  return deflater ? new DeflatedBy(name, deflater) : new ZipDeflate(name, { level: LEVEL });
}

/** A streaming zip that collects what it writes in `out` (taken by the caller between entries),
 *  holding already the skeleton's files, whole. */
export function zipWithFiles(files: Record<string, Uint8Array>, deflater?: Deflater): { zip: Zip; out: Uint8Array[] } {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, data] of Object.entries(files)) {
    const f = zipEntry(name, deflater);
    zip.add(f);
    f.push(data, true);
  }
  return { zip, out };
}

/** fflate's documented way to compress otherwise: the entry says deflate, process() hands the bytes
 *  on; push() sums the CRC-32 by the deflater's, as fflate's own push does by its. Pieces are
 *  deflated a megabyte at a time: each piece starts without the window of the one before, which at
 *  64 KB made a docx of 20,000 rows half as large again. */
class DeflatedBy extends ZipPassThrough {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private sum = 0;
  private deflated = 0;

  constructor(name: string, private readonly deflater: Deflater) {
    super(name);
    this.compression = 8;
  }

  override push(piece: Uint8Array, final = false): void {
    const crc32 = this.deflater.crc32;
    if (!crc32) return super.push(piece, final);
    if (!this.ondata) throw new Error(`fengong: zip entry ${this.filename} pushed before it was added`);
    // an empty piece adds nothing: zlib sums one without a buffer (TextEncoder's of '') as 0
    if (piece.length) this.sum = crc32(piece, this.sum);
    this.size += piece.length;
    if (final) this.crc = this.sum;
    this.process(piece as Parameters<ZipPassThrough['process']>[0], final);
  }

  protected override process(piece: Uint8Array, final: boolean): void {
    this.held.push(piece);
    this.heldBytes += piece.length;
    if (!final && this.heldBytes < 1 << 20) return;
    const all = this.held.length === 1 ? this.held[0]! : joinBytes(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    const level = this.deflated < BIG_ENTRY ? LEVEL : FAST_LEVEL;
    this.deflated += all.length;
    this.ondata(null, this.deflater.deflate(all, final, level) as Parameters<ZipPassThrough['ondata']>[1], final);
  }
}

/** An entry of text (a sheet, a document's body) pushed as strings (pushText), deflated by the
 *  thread node lends when it does (cli/zip-thread.ts), else pushed as UTF-8 as any entry. */
export function textEntry(name: string, deflater?: Deflater): ZipEntry {
  const thread = deflater?.crc32 && deflater.offThread?.();
  return thread ? new OffThread(name, thread) : zipEntry(name, deflater);
}

/** Pushes a piece of an entry's text; then, for an entry deflated on another thread, waits while
 *  more than a few megabytes of its text are not deflated yet, so memory stays bounded. */
export async function pushText(entry: ZipEntry, text: string, final = false): Promise<void> {
  if (!(entry instanceof OffThread)) return entry.push(strToU8(text), final);
  entry.pushText(text, final);
  await entry.settled(final ? 0 : IN_FLIGHT);
}

/** pieces of an entry's text sent to the other thread and not back: 4 × 1 M characters */
const IN_FLIGHT = 4;
/** characters of text sent to the other thread at a time */
const PIECE_CHARS = 1 << 20;

/** An entry whose text the main thread only copies (as UTF-16LE, into a buffer that moves to the
 *  other thread without a copy); encoding it as UTF-8 (most of the main thread's work on a big
 *  sheet after building its XML), summing its CRC-32 and deflating it happen on the other thread
 *  while the main one builds the next rows (a 60 MB plan's sheets are 650 MB of XML; issue 18). */
class OffThread extends ZipPassThrough {
  private static entries = 0;
  private readonly id = OffThread.entries++;
  private buf: Buffer | undefined;
  private used = 0;
  private readonly pending: Promise<void>[] = [];

  constructor(name: string, private readonly thread: TextDeflater) {
    super(name);
    this.compression = 8;
  }

  pushText(text: string, final: boolean): void {
    if (!this.ondata) throw new Error(`fengong: zip entry ${this.filename} pushed before it was added`);
    const bytes = text.length * 2;
    if (this.buf && this.used + bytes > this.buf.length) this.send(false);
    this.buf ??= Buffer.allocUnsafeSlow(Math.max(bytes, PIECE_CHARS * 2 + (1 << 18)));
    this.used += this.buf.write(text, this.used, 'utf16le');
    if (final || this.used >= PIECE_CHARS * 2) this.send(final);
  }

  /** resolves once at most `count` pieces are still away (their results handed on in order) */
  async settled(count: number): Promise<void> {
    while (this.pending.length > count) await this.pending.shift();
  }

  private send(final: boolean): void {
    const piece = new Uint8Array(this.buf!.buffer, 0, this.used);
    this.buf = undefined;
    this.used = 0;
    const back = this.thread.deflate(this.id, piece, final);
    const before = this.pending[this.pending.length - 1];
    // handed on in order: each after the one sent before it
    const handed = (async () => {
      const [d] = await Promise.all([back, before]);
      if (final) {
        this.crc = d.crc;
        this.size = d.size;
      }
      this.ondata(null, d.bytes as Parameters<ZipPassThrough['ondata']>[1], final);
    })();
    // a failure is thrown where settled() awaits it, not also as an unhandled rejection
    handed.catch(() => undefined);
    this.pending.push(handed);
  }
}

/** the pieces as one array */
export function joinBytes(pieces: Uint8Array[], size = pieces.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

// Entries of the streamed office files' zips (xlsx-stream.ts, word.ts). In node, zlib deflates them
// and sums their CRC-32: fflate's deflate in JavaScript took 1.5 of 5.6 s of a 2 MB plan's xlsx, zlib
// a sixth of that, and fflate's CRC-32 0.75 of 14 s of an 8 MB plan's (issue 18). The page has no
// zlib, so there fflate does both.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** What node lends the zips (cli/table.ts): zlib's raw deflate of one piece of an entry at a level
 *  (each piece ends on a byte boundary, a sync flush, and the last one ends the stream, so the
 *  pieces joined are one deflate stream, as pigz writes them), and zlib's CRC-32 continued over a
 *  piece. */
export interface Deflater {
  deflate(piece: Uint8Array, final: boolean, level: number): Uint8Array;
  /** absent before node 20.15: fflate's then */
  crc32?: (piece: Uint8Array, crc: number) => number;
}

/** The deflate level of an entry's first BIG_ENTRY bytes, and of the rest: the sheets of an 8 MB
 *  plan of numbered tasks are 87 MB of XML, which level 6 deflated to 3.79 MB in ~1 s and level 1
 *  to 4.18 MB (a tenth larger) in a quarter of that; the files of a plan under some 50,000 tasks
 *  stay as they were. */
const LEVEL = 6;
const FAST_LEVEL = 1;
const BIG_ENTRY = 16 << 20;

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
    this.sum = crc32(piece, this.sum);
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

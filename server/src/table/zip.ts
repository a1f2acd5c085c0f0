// Entries of the streamed office files' zips (xlsx-stream.ts, word.ts). In node, zlib deflates them:
// fflate's deflate in JavaScript took 1.5 of 5.6 s of a 2 MB plan's xlsx, zlib a sixth of that
// (issue 18). The page has no zlib, so there fflate deflates.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** Raw deflate of one piece of an entry: each piece ends on a byte boundary (a sync flush) and the
 *  last one ends the stream, so the pieces joined are one deflate stream (as pigz writes them). */
export type RawDeflate = (piece: Uint8Array, final: boolean) => Uint8Array;

export type ZipEntry = ZipPassThrough | ZipDeflate;

/** A deflated zip entry: by `deflate` when given, else by fflate. */
export function zipEntry(name: string, deflate?: RawDeflate): ZipEntry {
  return deflate ? new DeflatedBy(name, deflate) : new ZipDeflate(name, { level: 6 });
}

/** A streaming zip that collects what it writes in `out` (taken by the caller between entries),
 *  holding already the skeleton's files, whole. */
export function zipWithFiles(files: Record<string, Uint8Array>, deflate?: RawDeflate): { zip: Zip; out: Uint8Array[] } {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const [name, data] of Object.entries(files)) {
    const f = zipEntry(name, deflate);
    zip.add(f);
    f.push(data, true);
  }
  return { zip, out };
}

/** fflate's documented way to compress otherwise: the entry says deflate, process() hands the bytes
 *  on. Pieces are deflated a megabyte at a time: each piece starts without the window of the one
 *  before, which at 64 KB made a docx of 20,000 rows half as large again. */
class DeflatedBy extends ZipPassThrough {
  private held: Uint8Array[] = [];
  private heldBytes = 0;

  constructor(name: string, private readonly deflate: RawDeflate) {
    super(name);
    this.compression = 8;
  }

  protected override process(piece: Uint8Array, final: boolean): void {
    this.held.push(piece);
    this.heldBytes += piece.length;
    if (!final && this.heldBytes < 1 << 20) return;
    const all = this.held.length === 1 ? this.held[0]! : joinBytes(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    this.ondata(null, this.deflate(all, final) as Parameters<ZipPassThrough['ondata']>[1], final);
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

// The office files' zip entries as node makes them (table/zip.ts, issue 18): zlib's CRC-32 and
// deflate, an entry's first 16 MB at level 6 and the rest at level 1, read back from the zip's own
// central directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipWithFiles, zipEntry, joinBytes, type Deflater } from '../../server/src/table/zip.js';
import { nodeDeflater } from '../../server/src/cli/table.js';

/** every entry of a zip by its central directory: name, CRC-32, sizes and its deflated bytes */
function entries(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out: { name: string; crc: number; size: number; data: Uint8Array }[] = [];
  for (let at = v.getUint32(eocd + 16, true), n = v.getUint16(eocd + 10, true); n > 0; n--) {
    assert.equal(v.getUint32(at, true), 0x02014b50);
    const nameLength = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    out.push({
      name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      crc: v.getUint32(at + 16, true),
      size: v.getUint32(at + 24, true),
      data: zip.subarray(start, start + v.getUint32(at + 20, true)),
    });
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

/** a zip of one small file and one entry pushed in pieces of 64 KB */
function zipOf(piece: Uint8Array, pieces: number, deflater: Deflater): Uint8Array {
  const { zip, out } = zipWithFiles({ 'a.xml': Buffer.from('<a/>') }, deflater);
  const f = zipEntry('big.xml', deflater);
  zip.add(f);
  for (let i = 0; i < pieces; i++) f.push(piece, i === pieces - 1);
  zip.end();
  return joinBytes(out);
}

// 64 KB of sheet rows, different on every piece only by a number: 18 MB pushed
const row = (i: number) => `<row r="${i}"><c r="A${i}" s="5" t="str"><v>加强第${i}项工作</v></c></row>`;
const PIECE = Buffer.from(Array.from({ length: 2000 }, (_, i) => row(i)).join(''), 'utf8').subarray(0, 1 << 16);
const PIECES = 18 * 16;

test('node\'s CRC-32 and deflate: an entry\'s first 16 MB at level 6, the rest at level 1, a megabyte at a time', () => {
  assert.equal(PIECE.length, 1 << 16);
  const whole = Buffer.concat(Array.from({ length: PIECES }, () => PIECE));
  const [small, big] = entries(zipOf(PIECE, PIECES, nodeDeflater));
  assert.deepEqual([small!.name, small!.crc, small!.size], ['a.xml', crc32('<a/>'), 4]);
  assert.deepEqual([big!.name, big!.crc, big!.size], ['big.xml', crc32(whole), whole.length]);
  assert.ok(inflateRawSync(big!.data).equals(whole));
  const expected = Buffer.concat(Array.from({ length: 18 }, (_, mb) =>
    deflateRawSync(whole.subarray(mb << 20, (mb + 1) << 20), { level: mb < 16 ? 6 : 1, finishFlush: mb === 17 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })));
  assert.ok(Buffer.from(big!.data).equals(expected));
});

test('without node\'s CRC-32 (node before 20.15), fflate sums it: the same entries', () => {
  const noCrc: Deflater = { deflate: nodeDeflater.deflate };
  // entry by entry (each header carries the time it was made, to two seconds)
  const read = (d: Deflater) => entries(zipOf(PIECE, 40, d)).map((e) => ({ ...e, data: Buffer.from(e.data) }));
  const theirs = read(noCrc);
  assert.deepEqual(theirs, read(nodeDeflater));
  assert.equal(theirs[1]!.crc, crc32(Buffer.concat(Array.from({ length: 40 }, () => PIECE))));
});

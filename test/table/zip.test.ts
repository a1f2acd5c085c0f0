// The office files' zip entries as node makes them (table/zip.ts, issue 18): zlib's CRC-32 and
// deflate, an entry's first 16 MB at level 6 and the rest at level 1, read back from the zip's own
// central directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipWithFiles, zipEntry, joinBytes, pushText, textEntry, type Deflater } from '../../server/src/table/zip.js';
import { nodeDeflater, threadDeflater } from '../../server/src/cli/table.js';

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

/** a zip of one small file and one entry of text pushed as strings */
async function textZipOf(pieces: string[], deflater: Deflater): Promise<Uint8Array> {
  const { zip, out } = zipWithFiles({ 'a.xml': Buffer.from('<a/>') }, deflater);
  const f = textEntry('big.xml', deflater);
  zip.add(f);
  for (const p of pieces) await pushText(f, p);
  await pushText(f, '', true);
  zip.end();
  return joinBytes(out);
}

test('an entry of text deflated on another thread: its CRC-32, size and bytes, a million characters at a time, the first 16 MB of UTF-8 at level 6', async () => {
  // 40 pushes of 64 K characters, 2.5 M characters: sent as 3 pieces, the last short
  const text = Buffer.from(PIECE).toString('utf8');
  const pieces = Array.from({ length: 40 }, (_, i) => `${i}${text}${text}`.slice(0, 1 << 16));
  const whole = pieces.join('');
  const utf8 = Buffer.from(whole, 'utf8');
  const [small, big] = entries(await textZipOf(pieces, await threadDeflater()));
  assert.deepEqual([small!.name, small!.crc, small!.size], ['a.xml', crc32('<a/>'), 4]);
  assert.deepEqual([big!.name, big!.crc, big!.size], ['big.xml', crc32(utf8), utf8.length]);
  const sent = [whole.slice(0, 1 << 20), whole.slice(1 << 20, 2 << 20), whole.slice(2 << 20)].map((t) => Buffer.from(t, 'utf8'));
  let size = 0;
  const expected = Buffer.concat(sent.map((b, i) => {
    const d = deflateRawSync(b, { level: size < 16 << 20 ? 6 : 1, finishFlush: i === sent.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    size += b.length;
    return d;
  }));
  assert.ok(Buffer.from(big!.data).equals(expected));
  assert.ok(inflateRawSync(big!.data).equals(utf8));
  // the same entry as one deflated here, read back
  const here = entries(await textZipOf(pieces, nodeDeflater));
  assert.deepEqual([here[1]!.crc, here[1]!.size], [big!.crc, big!.size]);
  assert.ok(inflateRawSync(here[1]!.data).equals(utf8));
});

test('past 16 MB of an entry\'s UTF-8, the other thread deflates at level 1', async () => {
  const text = Buffer.from(PIECE).toString('utf8');
  assert.ok(text.length < 1 << 16 && (1 << 20) % text.length !== 0, `${text.length} characters a push`);
  const pieces = Array.from({ length: 18 * 16 }, () => text);
  const whole = Buffer.from(pieces.join(''), 'utf8');
  const [, big] = entries(await textZipOf(pieces, await threadDeflater()));
  assert.deepEqual([big!.crc, big!.size], [crc32(whole), whole.length]);
  assert.ok(inflateRawSync(big!.data).equals(whole));
  // the last piece sent (the text's last million characters or fewer) at level 1, as zlib writes it
  // a piece is sent once a million characters or more are held: here every 17 pushes
  const perPiece = Math.ceil((1 << 20) / text.length);
  const lastStart = Math.floor((pieces.length - 1) / perPiece) * perPiece;
  const last = deflateRawSync(Buffer.from(pieces.slice(lastStart).join(''), 'utf8'), { level: 1, finishFlush: constants.Z_FINISH });
  assert.ok(Buffer.from(big!.data.subarray(big!.data.length - last.length)).equals(last));
});

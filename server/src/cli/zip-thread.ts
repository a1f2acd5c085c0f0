// The thread that encodes, sums and deflates the office files' sheets and document bodies while the
// main thread builds their next rows (table/zip.ts OffThread). On the main thread a 60 MB plan's
// xlsx spent some 11 of its ~100 s encoding 650 MB of XML as UTF-8, summing and deflating it (issue
// 18); the machine has a second core. The thread is a few lines of node's own (no bundle to load):
// it starts in tens of milliseconds, keeps each entry's CRC-32 and size, and answers in order.
import { Worker } from 'node:worker_threads';
import { BIG_ENTRY, FAST_LEVEL, LEVEL, type DeflatedPiece, type TextDeflater } from '../table/zip.js';

const SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const entries = new Map();
parentPort.on('message', ({ entry, text, final }) => {
  try {
    const e = entries.get(entry) ?? { crc: 0, size: 0 };
    const utf8 = Buffer.from(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf16le'), 'utf8');
    e.crc = zlib.crc32(utf8, e.crc);
    const level = e.size < ${BIG_ENTRY} ? ${LEVEL} : ${FAST_LEVEL};
    e.size += utf8.length;
    const bytes = zlib.deflateRawSync(utf8, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    if (final) entries.delete(entry); else entries.set(entry, e);
    parentPort.postMessage({ bytes, crc: e.crc >>> 0, size: e.size });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.stack || err) });
  }
});
`;

interface Waiting {
  resolve: (d: DeflatedPiece) => void;
  reject: (e: Error) => void;
}

/** One thread for the process, started at the first entry that needs it; it holds the process open
 *  only while pieces are away. */
let thread: TextDeflater | undefined;

export function zipThread(): TextDeflater {
  return (thread ??= startThread());
}

function startThread(): TextDeflater {
  const worker = new Worker(SOURCE, { eval: true });
  worker.unref();
  const waiting: Waiting[] = [];
  const fail = (e: Error) => {
    thread = undefined; // the next table starts another
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on('message', (m: DeflatedPiece & { error?: string }) => {
    const w = waiting.shift();
    if (!waiting.length) worker.unref();
    if (m.error !== undefined) w?.reject(new Error(`fengong: zip thread: ${m.error}`));
    else w?.resolve(m);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`fengong: zip thread exited (${code})`)));
  return {
    deflate(entry, text, final) {
      return new Promise<DeflatedPiece>((resolve, reject) => {
        if (!waiting.length) worker.ref();
        waiting.push({ resolve, reject });
        worker.postMessage({ entry, text, final }, [text.buffer as ArrayBuffer]);
      });
    },
  };
}

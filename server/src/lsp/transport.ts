// The stdio transport of the language server, below vscode-languageserver: framing and the
// lifecycle rules the library leaves to the server. Attacked, the library's reader went silent
// and deaf for ever on one bad header (a missing, short or negative Content-Length, LF-only
// lines), answered requests sent before `initialize`, failed on an `initialize` without
// `capabilities`, and exited the moment input ended with requests still unanswered. Here:
// - a header without a valid Content-Length is logged and skipped to the next `Content-Length:`;
//   a body that is not JSON (a short length) likewise; LF-only header lines are read as CRLF;
// - before `initialize` a request is answered -32002 (ServerNotInitialized), a notification other
//   than `exit` dropped (LSP 3.17, "initialize");
// - `initialize` params without `capabilities` are a client with none;
// - at the end of input every request read is answered before the process exits;
// - a frame's chunks are joined once, when it is whole (a 10 MB didOpen comes in 160 chunks);
// - a message goes out as one write, header and body together (the library's writer makes two, the
//   second only once the first's callback came: two system calls a keystroke's diagnostics).
// VS Code starts the server over IPC (client/src/extension.ts), not through this reader.
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** How long answers to the last requests may take once input has ended. */
const DRAIN_MS = 10_000;

type Log = (msg: string) => void;
type Json = { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown; result?: unknown; error?: unknown };

/** Reader and writer over the streams, and a promise that settles when input ends and every
 *  request read has been answered (or DRAIN_MS passed). */
export function stdioTransport(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, log: Log): { reader: MessageReader; writer: MessageWriter; drained: Promise<{ shutdown: boolean }> } {
  const pending = new Set<unknown>();
  const writer = new TrackingWriter(output, pending);
  const reader = new FramedReader(input, writer, pending, log);
  return { reader, writer, drained: reader.drained };
}

class TrackingWriter extends AbstractMessageWriter implements MessageWriter {
  private idle?: () => void;
  private errors = 0;
  constructor(private readonly output: NodeJS.WritableStream, private readonly pending: Set<unknown>) {
    super();
    output.on('error', (e: Error) => this.fireError(e));
    output.on('close', () => this.fireClose());
  }

  async write(msg: Message): Promise<void> {
    const json = JSON.stringify(msg);
    const bytes = Buffer.byteLength(json, 'utf8');
    const header = `Content-Length: ${bytes}\r\n\r\n`;
    const frame = Buffer.allocUnsafe(header.length + bytes);
    frame.write(header, 0, 'ascii');
    frame.write(json, header.length, 'utf8');
    // stream writes keep their order: no lock needed between messages
    await new Promise<void>((resolve, reject) => {
      this.output.write(frame, (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errors);
        reject(e);
      });
    });
    const m = msg as Json;
    if (m.method === undefined && m.id !== undefined && this.pending.delete(m.id) && !this.pending.size) this.idle?.();
  }

  end(): void {
    this.output.end();
  }

  /** Resolves once no request is waiting for its answer. */
  whenIdle(): Promise<void> {
    return this.pending.size ? new Promise((res) => { this.idle = res; }) : Promise.resolve();
  }
}

class FramedReader extends AbstractMessageReader {
  /** bytes read and joined, not yet taken as frames */
  private buf: Buffer = Buffer.alloc(0);
  /** chunks that came after `buf`, joined onto it only once `need` bytes are there: joined at every
   *  chunk, a 10 MB didOpen (160 chunks of 64 KB) was copied 160 times (issue 18, server RSS) */
  private incoming: Buffer[] = [];
  private incomingBytes = 0;
  /** how many bytes `buf` must hold before a frame can be whole: the end of the frame whose header
   *  has been read, else 0 (any new byte may complete a header) */
  private need = 0;
  private callback?: DataCallback;
  private initialized = false;
  private shutdown = false;
  readonly drained: Promise<{ shutdown: boolean }>;
  private ended!: () => void;

  constructor(private readonly input: NodeJS.ReadableStream, private readonly writer: TrackingWriter, private readonly pending: Set<unknown>, private readonly log: Log) {
    super();
    const ended = new Promise<void>((res) => { this.ended = res; });
    this.drained = ended.then(async () => {
      await Promise.race([writer.whenIdle(), new Promise((res) => setTimeout(res, DRAIN_MS).unref())]);
      return { shutdown: this.shutdown };
    });
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.incoming.push(b);
      this.incomingBytes += b.length;
      if (this.buf.length + this.incomingBytes < this.need) return;
      this.buf = this.buf.length || this.incoming.length > 1 ? Buffer.concat([this.buf, ...this.incoming]) : b;
      this.incoming = [];
      this.incomingBytes = 0;
      this.drain();
    };
    const onEnd = () => this.ended();
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    this.input.on('error', (e: Error) => this.fireError(e));
    return { dispose: () => { this.input.off('data', onData); this.input.off('end', onEnd); this.input.off('close', onEnd); } };
  }

  /** Takes every whole message off the buffer. */
  private drain(): void {
    for (;;) {
      const frame = this.nextFrame();
      if (!frame) break;
      this.deliver(frame);
    }
    // what is left (the start of the next frame) is copied out of a big joined body, which can then
    // be collected instead of staying alive until the next message comes
    const whole = this.buf.buffer.byteLength;
    if (whole > 1 << 16 && this.buf.length < whole >> 1) this.buf = Buffer.from(this.buf);
  }

  /** The next frame's body, skipping what cannot be one; undefined until more bytes come. */
  private nextFrame(): Buffer | undefined {
    for (;;) {
      const end = headerEnd(this.buf);
      if (!end) return undefined;
      const header = this.buf.subarray(0, end.at).toString('ascii');
      const length = contentLength(header);
      if (length === undefined) {
        this.log(`invalid LSP header (no valid Content-Length): ${JSON.stringify(header.slice(0, 200))}; skipped to the next header`);
        this.skipToNextHeader(end.at + end.size);
        continue;
      }
      const start = end.at + end.size;
      this.need = start + length;
      if (this.buf.length < this.need) return undefined;
      this.need = 0;
      const body = this.buf.subarray(start, start + length);
      this.buf = this.buf.subarray(start + length);
      return body;
    }
  }

  /** Drops bytes up to the next `Content-Length:` (frames follow each other with no line break
   *  between, so anywhere), all of them if there is none yet. */
  private skipToNextHeader(from: number): void {
    const at = nextHeader(this.buf, from);
    this.buf = at < 0 ? Buffer.alloc(0) : this.buf.subarray(at);
  }

  private deliver(body: Buffer): void {
    let msg: Json;
    try {
      msg = JSON.parse(body.toString('utf8')) as Json;
    } catch {
      // a Content-Length shorter than its body leaves the body's tail where a header belongs; a
      // longer one swallows the next message's header: it is read again from there
      this.log(`LSP message body of ${body.length} bytes is not JSON: ${JSON.stringify(body.toString('utf8').slice(0, 200))}; skipped to the next header`);
      const swallowed = nextHeader(body, 0);
      if (swallowed >= 0) this.buf = Buffer.concat([body.subarray(swallowed), this.buf]);
      else this.skipToNextHeader(0);
      return;
    }
    if (msg === null || typeof msg !== 'object') return this.callback!(msg as Message); // the library answers what it can
    const isRequest = typeof msg.method === 'string' && msg.id !== undefined;
    if (msg.method === 'initialize') this.initialized = true;
    else if (!this.initialized && typeof msg.method === 'string') return this.beforeInitialize(msg, isRequest);
    if (msg.method === 'initialize') normalizeInitialize(msg);
    if (msg.method === 'shutdown') this.shutdown = true;
    if (isRequest) this.pending.add(msg.id);
    this.callback!(msg as Message);
  }

  private beforeInitialize(msg: Json, isRequest: boolean): void {
    if (msg.method === 'exit') return this.callback!(msg as Message);
    if (!isRequest) return this.log(`${String(msg.method)} before initialize: dropped`);
    void this.writer.write({ jsonrpc: '2.0', id: msg.id, error: { code: ErrorCodes.ServerNotInitialized, message: `${String(msg.method)} before initialize: the server is not initialized` } } as Message);
  }
}

function nextHeader(buf: Buffer, from: number): number {
  const re = /Content-Length:/gi;
  re.lastIndex = from;
  return re.exec(buf.toString('latin1'))?.index ?? -1;
}

/** Where the header block ends: CRLF CRLF, or LF LF from a client that writes bare line feeds. */
function headerEnd(buf: Buffer): { at: number; size: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return undefined;
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return { at: crlf, size: 4 };
  return { at: lf, size: 2 };
}

/** The Content-Length of a header block: a non-negative integer, or undefined. */
function contentLength(header: string): number | undefined {
  const m = /(?:^|\n)Content-Length:[ \t]*(\S*)[ \t]*\r?(?:\n|$)/i.exec(header);
  if (!m || !/^\d{1,10}$/.test(m[1]!)) return undefined;
  return Number(m[1]);
}

/** `initialize` whose params lack `capabilities` (or are not an object): a client with none. */
function normalizeInitialize(msg: Json): void {
  const params = msg.params && typeof msg.params === 'object' ? msg.params as Record<string, unknown> : {};
  if (!params.capabilities || typeof params.capabilities !== 'object') params.capabilities = {};
  msg.params = params;
}

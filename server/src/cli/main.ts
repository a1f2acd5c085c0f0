// `fengong` — one binary: check (CI), table (任务分工表), init, rules, lsp (editors).
import { runCheck } from './check.js';
import { startCommand, usageError, type CliIO } from './io.js';
import { localeOfArgs, prefixedLine, text } from '../i18n/catalogue.js';
import { LSP } from './options.js';
import { rawArgv } from '../io/raw-path.js';
import { WORKER_ENV } from './concurrency.js';
import { fstatSync, writeSync } from 'node:fs';

// injected by scripts/build.mjs from package.json; tests run the sources unbundled
declare const FENGONG_VERSION: string | undefined;
export const VERSION = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';

export async function main(argv: string[], io: CliIO): Promise<number> {
  const locale = localeOfArgs(argv);
  const [cmd, ...rest] = argv;
  // `fengong --version --bogus`: nothing but --locale may follow the top-level flags
  const extra = rest.filter((a, i) => !a.startsWith('--locale') && rest[i - 1] !== '--locale');
  if (cmd !== undefined && ['--version', '-v', '--help', '-h', 'help'].includes(cmd) && extra.length) {
    return usageError(io, locale, text(locale, extra[0]!.startsWith('-') ? 'cli.unknownOption' : 'cli.unexpectedArgument', { option: extra[0]!, arg: extra[0]! }));
  }
  switch (cmd) {
    case 'check':
      return runCheck(rest, io);
    // loaded on demand: each command pays only for what it uses at start-up
    case 'table':
      return (await import('./table.js')).runTable(rest, io);
    case 'rules':
      return (await import('./rules.js')).runRules(rest, io);
    case 'inspect':
      return (await import('./inspect.js')).runInspect(rest, io);
    case 'init':
      return (await import('./init.js')).runInit(rest, io);
    case 'lsp': {
      const started = startCommand(rest, LSP, io);
      if (typeof started === 'number') return started;
      (await import('../lsp/server.js')).startServer();
      return -1; // keeps running until the client says exit
    }
    case '--version':
    case '-v':
      io.stdout.write(`${io.version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(text(locale, 'help.main'));
      return cmd === undefined ? 2 : 0;
    default:
      return usageError(io, locale, text(locale, 'cli.unknownCommand', { command: cmd }));
  }
}

/** A reader that went away (`fengong rules | head -1`) ends the output, not the process with a
 *  stack trace: later writes are dropped and the command finishes with its own exit code. */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): CliIO['stdout'] {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || e.code === 'EBADF') closed = true;
    else throw e;
  });
  return {
    get isTTY() { return stream.isTTY; },
    write: (chunk: string | Uint8Array) => (closed ? false : stream.write(chunk)),
  };
}

/** Standard output or error, written straight to its descriptor when that is a file or a pipe:
 *  node's stream for it (process.stdout) loads node:stream and node:net, 5–9 ms of every start
 *  (issue 18). Anything else (a terminal, /dev/null, a closed descriptor) gets node's stream, made
 *  at its first use: a terminal on Windows takes characters, not UTF-8 bytes. A pipe that would
 *  block (another process made it non-blocking) hands this and every later write to the stream. */
export function processOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream): CliIO['stdout'] {
  let kind: 'direct' | 'stream' = 'stream';
  try {
    const st = fstatSync(fd);
    if (st.isFile() || st.isFIFO() || st.isSocket()) kind = 'direct';
  } catch { /* closed or odd: node's stream says what it can */ }
  let made: CliIO['stdout'] | undefined;
  const viaStream = () => (made ??= quietOnClosedPipe(stream()));
  let closed = false;
  return {
    get isTTY() { return kind === 'direct' ? false : viaStream().isTTY; },
    write(chunk: string | Uint8Array) {
      if (kind === 'stream') return viaStream().write(chunk);
      if (closed) return false;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let done = 0; done < bytes.length;) {
        try {
          done += writeSync(fd, bytes, done, bytes.length - done);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            kind = 'stream';
            return viaStream().write(bytes.subarray(done));
          }
          if (code === 'EPIPE' || code === 'EBADF') return !(closed = true);
          throw e;
        }
      }
      return true;
    },
  };
}

/** Runs the command the arguments name, as the process's main thread. */
function runMain(): void {
  // arguments that are not UTF-8 (a GBK file name) keep their bytes
  const argv = rawArgv(process.argv.slice(2));
  // standard input is opened only by --stdin: making its stream cost every start ~5 ms (issue 18)
  const io: CliIO = { stdout: processOutput(1, () => process.stdout), stderr: processOutput(2, () => process.stderr), get stdin() { return process.stdin; }, cwd: process.cwd(), version: VERSION };
  main(argv, io).then(
    (code) => { if (code >= 0) process.exitCode = code; },
    (e: unknown) => {
      io.stderr.write(prefixedLine(localeOfArgs(argv), text(localeOfArgs(argv), 'cli.internalError', { detail: String((e as Error)?.stack ?? e) })));
      process.exitCode = 2;
    },
  );
}

// A worker thread of `check --concurrency` runs this same file and serves files, it runs no
// command (the pool and node:worker_threads are loaded only there).
if (process.env[WORKER_ENV] === '1') void import('./pool.js').then((pool) => { if (!pool.serveIfWorker() && !process.env.FENGONG_NO_MAIN) runMain(); });
else if (!process.env.FENGONG_NO_MAIN) runMain();

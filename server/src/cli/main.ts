// `fengong` — one binary: check (CI), table (任务分工表), lsp (editors), rules.
import { runCheck } from './check.js';
import { cliText, type CliIO } from './io.js';
import { rules } from '../engine/rules/index.js';

// injected by scripts/build.mjs from package.json; tests run the sources unbundled
declare const FENGONG_VERSION: string | undefined;
export const VERSION = typeof FENGONG_VERSION === 'string' ? FENGONG_VERSION : '0.0.0-dev';

export async function main(argv: string[], io: CliIO): Promise<number> {
  const locale = argv.includes('--locale=en') || argv[argv.indexOf('--locale') + 1] === 'en' ? 'en' : 'zh';
  const t = cliText(locale);
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'check':
      return runCheck(rest, io);
    case 'table':
      // loaded on demand: each command pays only for what it uses at start-up
      return (await import('./table.js')).runTable(rest, io);
    case 'lsp':
      (await import('../lsp/server.js')).startServer();
      return -1; // keeps running until the client says exit
    case 'rules':
      for (const r of rules) io.stdout.write(`${r.meta.id.padEnd(20)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.description[locale]}\n`);
      return 0;
    case '--version':
    case '-v':
      io.stdout.write(`${io.version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(t.usage);
      return cmd === undefined ? 2 : 0;
    default:
      io.stderr.write(t.usageError(t.unknownCommand(cmd)));
      return 2;
  }
}

if (!process.env.FENGONG_NO_MAIN) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), version: VERSION }).then(
    (code) => { if (code >= 0) process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`fengong: internal error: ${(e as Error)?.stack ?? e}\nPlease report it with the file that caused it.\n`);
      process.exitCode = 2;
    },
  );
}

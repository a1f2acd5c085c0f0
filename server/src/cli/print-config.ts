// `fengong check --print-config FILE`: the configuration that applies to FILE (defaults ← its
// nearest .fengongrc.json ← that file's overrides ← the command line), written as a config file
// would be, with the config file it came from and whether that file's `ignore` skips FILE.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Locale } from '../engine/types.js';
import { configGlobMatcher, loadConfigForFile, loadConfigFile } from '../config/load.js';
import { configErrorText, type CliIO } from './io.js';
import type { LintOptions } from './lint-files.js';

export function printConfig(io: CliIO, locale: Locale, file: string, opts: LintOptions): number {
  const abs = resolve(io.cwd, file);
  const r = loadConfigForFile(abs, { configPath: opts.configPath, locale, cli: opts.cli });
  if (r.error) {
    io.stderr.write(configErrorText(locale, r.error));
    return 2;
  }
  const c = r.config;
  const rules = Object.fromEntries(Object.entries(c.rules).map(([id, s]) => [id, Object.keys(s.options).length ? [s.severity, s.options] : s.severity]));
  const out = {
    configFile: r.configPath ?? null,
    ignored: r.configPath ? isIgnored(r.configPath, abs) : false,
    rules,
    documentKind: c.documentKind ?? 'auto',
    nonTaskSections: c.nonTaskSections,
    roles: c.roleKeywords,
    ...(c.units ? { units: c.units } : {}),
    locale: c.locale,
  };
  io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

function isIgnored(configPath: string, file: string): boolean {
  const ignore = loadConfigFile(configPath).raw?.ignore;
  if (!ignore?.length) return false;
  const rel = relative(dirname(configPath), file).split(sep).join('/');
  return !rel.startsWith('../') && configGlobMatcher(ignore)(rel);
}

// Finding, parsing and validating .fengongrc.json (JSON with comments), and resolving the
// engine configuration for one file: defaults ← nearest config ← its overrides for that file.
// Configuration is data only: nothing from a workspace is ever executed.
import type { DocumentKind } from '../engine/model/types.js';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { compileGlob, GlobError, MAX_GLOB_LENGTH } from './glob.js';
import type { ErrorObject } from 'ajv';
// compiled by scripts/build.mjs (ajv standalone): no schema compilation at start-up
import validateConfig from './validate.generated.js';
import type { EngineConfig, Locale } from '../engine/types.js';
import { defaultConfig, mergeConfig, parseSeverity, type ConfigOverride } from '../engine/config.js';
import { LineIndex } from '../engine/text/lineIndex.js';
import { configSchema } from './schema.js';
import { text as catalogueText } from '../i18n/catalogue.js';
import { configMessage, parseErrorText, schemaErrorText, unreadableText } from './messages.js';

export const CONFIG_FILE = '.fengongrc.json';

export interface ConfigError {
  file: string;
  /** 1-based */
  line: number;
  column: number;
  /** JSON path of the offending value: `rules.task-unit` */
  jsonPath: string;
  message: string;
}

export interface RawConfig {
  rules?: Record<string, unknown>;
  documentKind?: 'auto' | DocumentKind;
  nonTaskSections?: string[];
  roles?: EngineConfig['roleKeywords'];
  units?: Record<string, string[]>;
  locale?: Locale;
  files?: string[];
  ignore?: string[];
  overrides?: (Omit<RawConfig, 'overrides' | 'files' | 'ignore'> & { files: string | string[] })[];
}

export interface LoadedConfigFile {
  path: string;
  raw?: RawConfig;
  error?: ConfigError;
}

function validate(data: unknown): ErrorObject[] {
  const v = validateConfig as unknown as { (d: unknown): boolean; errors?: ErrorObject[] | null };
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** Bigger than any real configuration (a few KB) by far; a 200 MB file took the server down. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** A real configuration nests 4 levels; 5,000 overflowed the stack. */
export const MAX_CONFIG_DEPTH = 64;

/** Reads and validates one config file. Never throws: problems come back as `error`. */
export function readConfigFile(path: string, locale: Locale = 'zh'): LoadedConfigFile {
  try {
    return readAndValidate(path, locale);
  } catch (e) {
    // whatever else goes wrong is still the config's problem, shown as such (never a silent nothing)
    return { path, error: configError(path, 1, 1, '', configMessage('unreadable', { detail: String((e as Error)?.message ?? e) }, locale)) };
  }
}

function configError(file: string, line: number, column: number, jsonPath: string, message: string): ConfigError {
  return { file, line, column, jsonPath, message };
}

/** Only a regular file of a sane size is read: `-c fifo` hung, `-c /dev/zero` grew to 4 GB. */
function readGuarded(path: string, locale: Locale): { text: string } | { error: ConfigError } {
  const fail = (message: string) => ({ error: configError(path, 1, 1, '', message) });
  try {
    const st = statSync(path);
    if (!st.isFile()) return fail(configMessage('unreadable', { detail: catalogueText(locale, 'config.notFile') }, locale));
    if (st.size > MAX_CONFIG_BYTES) return fail(catalogueText(locale, 'config.tooLarge', { bytes: st.size, max: MAX_CONFIG_BYTES }));
    const text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
    // the file may have grown between the two calls
    if (text.length > MAX_CONFIG_BYTES) return fail(catalogueText(locale, 'config.tooLarge', { bytes: Buffer.byteLength(text), max: MAX_CONFIG_BYTES }));
    return { text };
  } catch (e) {
    return fail(configMessage('unreadable', { detail: unreadableText(e, locale) }, locale));
  }
}

function readAndValidate(path: string, locale: Locale): LoadedConfigFile {
  const read = readGuarded(path, locale);
  if ('error' in read) return { path, error: read.error };
  const text = read.text;
  const lines = new LineIndex(text);
  const tooDeep = firstTooDeep(text, MAX_CONFIG_DEPTH);
  if (tooDeep >= 0) {
    const pos = lines.positionAt(tooDeep);
    return { path, error: configError(path, pos.line + 1, pos.character + 1, '', catalogueText(locale, 'config.tooDeep', { max: MAX_CONFIG_DEPTH })) };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const e = errors[0];
    const pos = lines.positionAt(e?.offset ?? 0);
    return { path, error: { file: path, line: pos.line + 1, column: pos.character + 1, jsonPath: '', message: configMessage('syntax', { detail: parseErrorText(e ? printParseErrorCode(e.error) : undefined, locale) }, locale) } };
  }
  const data = nodeValue(tree);
  const problems = validate(data);
  if (problems.length) {
    const e = mostSpecific(problems);
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let detail = schemaErrorText(e, locale);
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      segments.push(key);
      detail = configMessage('unknownKey', { key, values: allowedKeys(e.schemaPath) }, locale);
    } else if (e.keyword === 'enum') {
      detail = configMessage('allowed', { values: ((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ') }, locale);
    }
    const node = findNodeAtLocation(tree, segments);
    const at = node ? (node.parent?.type === 'property' && e.keyword === 'additionalProperties' ? node.parent.offset : node.offset) : 0;
    const pos = lines.positionAt(at);
    const jsonPath = segments.join('.');
    return { path, error: { file: path, line: pos.line + 1, column: pos.character + 1, jsonPath, message: configMessage('schema', { path: jsonPath || catalogueText(locale, 'config.root'), detail }, locale) } };
  }
  const glob = badGlob(data as RawConfig);
  if (glob) {
    const node = findNodeAtLocation(tree, glob.at);
    const pos = lines.positionAt(node?.offset ?? 0);
    const why = catalogueText(locale, glob.error.reason === 'tooLong' ? 'config.globTooLong' : 'config.globNegatedGroup', { max: MAX_GLOB_LENGTH });
    return { path, error: configError(path, pos.line + 1, pos.character + 1, glob.at.join('.'), catalogueText(locale, 'config.badGlob', { glob: glob.error.pattern, why })) };
  }
  return { path, raw: data as RawConfig };
}

/** Offset of the first `{` or `[` nested deeper than `max` (strings and comments skipped), or -1. */
export function firstTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > max) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return -1;
}

/** The first glob of the config that cannot be matched safely, with its JSON path. */
function badGlob(raw: RawConfig): { at: (string | number)[]; error: GlobError } | undefined {
  const lists: [(string | number)[], string | string[] | undefined][] = [
    [['files'], raw.files],
    [['ignore'], raw.ignore],
    ...(raw.overrides ?? []).map((o, i): [(string | number)[], string | string[]] => [['overrides', i, 'files'], o.files]),
  ];
  for (const [at, globs] of lists) {
    if (globs === undefined) continue;
    const all = Array.isArray(globs) ? globs : [globs];
    for (let k = 0; k < all.length; k++) {
      try {
        compileGlob(all[k]!);
      } catch (e) {
        if (e instanceof GlobError) return { at: Array.isArray(globs) ? [...at, k] : at, error: e };
        throw e;
      }
    }
  }
  return undefined;
}

/** the deepest error explains best; enum errors say what is allowed */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || score(a) - score(b))[0]!;
}
const score = (e: ErrorObject) => (e.keyword === 'enum' ? 0 : e.keyword === 'additionalProperties' ? 1 : e.keyword === 'oneOf' ? 3 : 2);

function allowedKeys(schemaPath: string): string {
  // `#/properties/rules/additionalProperties` → the keys of properties.rules.properties
  const parts = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = configSchema();
  for (const p of parts) node = (node as Record<string, unknown>)?.[p];
  const props = (node as { properties?: Record<string, unknown> })?.properties;
  return props ? Object.keys(props).filter((k) => k !== '$schema').join(', ') : '';
}

function nodeValue(node: import('jsonc-parser').Node): unknown {
  switch (node.type) {
    case 'object': return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array': return (node.children ?? []).map(nodeValue);
    default: return node.value;
  }
}

export function toOverride(raw: Omit<RawConfig, 'overrides' | 'files' | 'ignore'>): ConfigOverride {
  const rules: ConfigOverride['rules'] = {};
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    if (Array.isArray(v)) rules[id] = { severity: parseSeverity(v[0])!, options: (v[1] as Record<string, unknown>) ?? {} };
    else rules[id] = parseSeverity(v)!;
  }
  return { rules, documentKind: raw.documentKind, nonTaskSections: raw.nonTaskSections, roleKeywords: raw.roles, units: raw.units, locale: raw.locale };
}

/** A config's globs (`files`, `ignore`, `overrides[].files`) match paths relative to its folder;
 *  a glob without `/` matches the file name in any folder (`*报告*.txt`), as in .gitignore. Matched
 *  in linear time (glob.ts): a workspace's patterns cannot freeze the CLI or the server. */
export function configGlobMatcher(globs: string[]): (rel: string) => boolean {
  const key = globs.join('\0');
  let m = matcherCache.get(key);
  if (!m) {
    const byName = globs.filter((g) => !g.includes('/')).map((g) => compileGlob(g));
    const byPath = globs.filter((g) => g.includes('/')).map((g) => compileGlob(g));
    m = (rel) => {
      const name = rel.slice(rel.lastIndexOf('/', rel.length - 2) + 1);
      return byName.some((g) => g(name)) || byPath.some((g) => g(rel));
    };
    if (matcherCache.size > 1000) matcherCache.clear();
    matcherCache.set(key, m);
  }
  return m;
}

const matcherCache = new Map<string, (rel: string) => boolean>();

const fileCache = new Map<string, LoadedConfigFile>();
const dirCache = new Map<string, string | null>();

export function clearConfigCache(): void {
  fileCache.clear();
  resolvedConfigs = new WeakMap();
  dirCache.clear();
}

/** nearest .fengongrc.json from dir upwards */
export function findConfigFile(dir: string): string | undefined {
  const chain: string[] = [];
  let d = resolve(dir);
  for (;;) {
    const cached = dirCache.get(d);
    if (cached !== undefined) {
      for (const c of chain) dirCache.set(c, cached);
      return cached ?? undefined;
    }
    chain.push(d);
    const candidate = join(d, CONFIG_FILE);
    let found = false;
    try { found = statSync(candidate).isFile(); } catch { /* absent */ }
    if (found) {
      for (const c of chain) dirCache.set(c, candidate);
      return candidate;
    }
    const up = dirname(d);
    if (up === d) {
      for (const c of chain) dirCache.set(c, null);
      return undefined;
    }
    d = up;
  }
}

export function loadConfigFile(path: string, locale: Locale = 'zh'): LoadedConfigFile {
  const key = `${resolve(path)}\0${locale}`;
  let f = fileCache.get(key);
  if (!f) {
    f = readConfigFile(resolve(path), locale);
    fileCache.set(key, f);
  }
  return f;
}

export interface ResolvedConfig {
  config: EngineConfig;
  configPath?: string;
  error?: ConfigError;
  /** the config's own `files`/`ignore` globs, relative to its folder */
  files?: string[];
  ignore?: string[];
}

/** The engine configuration for one file. With a broken config, the defaults (plus the CLI's
 *  own overrides) and the error: the caller reports it once and keeps working. */
export function loadConfigForFile(filePath: string, opts: { configPath?: string; locale?: Locale; cli?: ConfigOverride } = {}): ResolvedConfig {
  const path = opts.configPath ? resolve(opts.configPath) : findConfigFile(dirname(resolve(filePath)));
  const file = path ? loadConfigFile(path, opts.cli?.locale ?? opts.locale ?? 'zh') : undefined;
  const raw = file && !file.error ? file.raw : undefined;
  const rel = raw?.overrides?.length ? relative(dirname(path!), resolve(filePath)).split(sep).join('/') : '';
  const applying = (raw?.overrides ?? []).filter((o) => configGlobMatcher(Array.isArray(o.files) ? o.files : [o.files])(rel));
  // the files of a run share their config: resolved once per config file, locale and the overrides
  // that apply, not once per file (the rules' defaults, merged: 1,000 files, ~0.1 s; issue 18)
  let byCli = resolvedConfigs.get(opts.cli ?? NO_CLI);
  if (!byCli) resolvedConfigs.set(opts.cli ?? NO_CLI, (byCli = new Map()));
  const key = `${path ?? ''}\0${opts.locale ?? ''}\0${applying.map((o) => raw!.overrides!.indexOf(o)).join(',')}`;
  let r = byCli.get(key);
  if (!r) byCli.set(key, (r = resolvedConfig(path, file, applying, opts)));
  return r;
}

/** Resolved configs by the command line's overrides (an object per run), then by config file,
 *  locale and the file's overrides; forgotten with the config files (clearConfigCache). */
let resolvedConfigs = new WeakMap<ConfigOverride, Map<string, ResolvedConfig>>();
const NO_CLI: ConfigOverride = {};

function resolvedConfig(path: string | undefined, file: LoadedConfigFile | undefined, applying: NonNullable<RawConfig['overrides']>, opts: { locale?: Locale; cli?: ConfigOverride }): ResolvedConfig {
  const base = defaultConfig();
  if (opts.locale) base.locale = opts.locale;
  if (!path || !file) return { config: mergeConfig(base, opts.cli) };
  if (file.error || !file.raw) return { config: mergeConfig(base, opts.cli), configPath: path, error: file.error };
  const raw = file.raw;
  // command-line flags win over the file (ESLint's order)
  return { config: mergeConfig(base, toOverride(raw), ...applying.map(toOverride), opts.cli), configPath: path, files: raw.files, ignore: raw.ignore };
}

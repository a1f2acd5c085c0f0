// Finding, parsing and validating .fengongrc.json (JSON with comments), and resolving the
// engine configuration for one file: defaults ← nearest config ← its overrides for that file.
// Configuration is data only: nothing from a workspace is ever executed.
import type { DocumentKind } from '../engine/model/types.js';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
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

/** Reads and validates one config file. Never throws: problems come back as `error`. */
export function readConfigFile(path: string, locale: Locale = 'zh'): LoadedConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    return { path, error: { file: path, line: 1, column: 1, jsonPath: '', message: configMessage('unreadable', { detail: unreadableText(e, locale) }, locale) } };
  }
  const lines = new LineIndex(text);
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
  return { path, raw: data as RawConfig };
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
 *  a glob without `/` matches the file name in any folder (`*报告*.txt`), as in .gitignore. */
export function configGlobMatcher(globs: string[]): (rel: string) => boolean {
  const byName = globs.filter((g) => !g.includes('/'));
  const byPath = globs.filter((g) => g.includes('/'));
  const name = byName.length ? picomatch(byName, { dot: true, basename: true }) : undefined;
  const path = byPath.length ? picomatch(byPath, { dot: true }) : undefined;
  return (rel) => !!name?.(rel) || !!path?.(rel);
}

const fileCache = new Map<string, LoadedConfigFile>();
const dirCache = new Map<string, string | null>();

export function clearConfigCache(): void {
  fileCache.clear();
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
  const base = defaultConfig();
  if (opts.locale) base.locale = opts.locale;
  if (!path) return { config: mergeConfig(base, opts.cli) };
  const file = loadConfigFile(path, opts.cli?.locale ?? opts.locale ?? 'zh');
  if (file.error || !file.raw) return { config: mergeConfig(base, opts.cli), configPath: path, error: file.error };
  const raw = file.raw;
  const overrides: ConfigOverride[] = [toOverride(raw)];
  const rel = relative(dirname(path), resolve(filePath)).split(sep).join('/');
  for (const o of raw.overrides ?? []) {
    if (configGlobMatcher(Array.isArray(o.files) ? o.files : [o.files])(rel)) overrides.push(toOverride(o));
  }
  // command-line flags win over the file (ESLint's order)
  return { config: mergeConfig(base, ...overrides, opts.cli), configPath: path, files: raw.files, ignore: raw.ignore };
}

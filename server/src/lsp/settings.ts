// The `fengong.*` client settings, validated, and the engine configuration a document gets from
// them and its .fengongrc.json. No LSP types: the server hands in what the client sent.
import { fileURLToPath } from 'node:url';
import type { DocumentKind } from '../engine/model/types.js';
import { DOCUMENT_KINDS, type EngineConfig, type Locale, type Severity } from '../engine/types.js';
import { defaultConfig, mergeConfig, parseSeverity, type ConfigOverride } from '../engine/config.js';
import { rules } from '../engine/rules/index.js';
import { CONFIG_FILE, loadConfigForFile, type ConfigError } from '../config/load.js';

export interface ClientSettings {
  enable: boolean;
  locale: 'auto' | Locale;
  rules: Record<string, Severity>;
  documentKind: 'auto' | DocumentKind;
  /** quiet time between two lints of one document while typing */
  debounceMs?: number;
}

export function parseSettings(raw: unknown): ClientSettings {
  const s: ClientSettings = { enable: true, locale: 'auto', rules: {}, documentKind: 'auto' };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.locale === 'zh' || r.locale === 'en' || r.locale === 'auto') s.locale = r.locale;
  if (typeof r.documentKind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(r.documentKind)) s.documentKind = r.documentKind as ClientSettings['documentKind'];
  if (r.rules && typeof r.rules === 'object') {
    const ids = new Set(rules.map((x) => x.meta.id));
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const sev = parseSeverity(v);
      if (ids.has(id) && sev) s.rules[id] = sev;
    }
  }
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 10_000) s.debounceMs = r.debounceMs;
  return s;
}

export interface DocConfig {
  config: EngineConfig;
  configPath?: string;
  error?: ConfigError;
}

/** the configuration of the document at `uri`: its .fengongrc.json (for a file) under the settings */
export function resolveDocConfig(uri: string, s: ClientSettings, clientLocale: Locale): DocConfig {
  const cli: ConfigOverride = { rules: s.rules };
  if (s.documentKind !== 'auto') cli.documentKind = s.documentKind;
  if (s.locale !== 'auto') cli.locale = s.locale;
  const path = filePath(uri);
  if (!path) return { config: mergeConfig({ ...defaultConfig(), locale: clientLocale }, cli) };
  const r = loadConfigForFile(path, { locale: clientLocale, cli });
  return { config: r.config, configPath: r.configPath, error: r.error };
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const isConfigUri = (uri: string): boolean => uri.endsWith('/' + CONFIG_FILE);

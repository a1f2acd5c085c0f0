// The engine's resolved configuration: defaults from the rules' metadata, merged with what the
// CLI or the server loaded. No I/O here.
import type { EngineConfig, Severity } from './types.js';
import { rules } from './rules/index.js';

export function defaultConfig(): EngineConfig {
  return {
    rules: Object.fromEntries(rules.map((r) => [r.meta.id, { severity: r.meta.defaultSeverity, options: {} }])),
    documentKind: 'auto',
    nonTaskSections: [],
    roleKeywords: {},
    locale: 'zh',
  };
}

/** The ways a configuration may write a severity (ESLint's too): `warn`, and 2 / 1 / 0. */
export const SEVERITY_ALIASES: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', warn: 'warning', info: 'info', off: 'off', 2: 'error', 1: 'warning', 0: 'off' };

export function parseSeverity(v: unknown): Severity | undefined {
  return (typeof v === 'string' || typeof v === 'number') && Object.hasOwn(SEVERITY_ALIASES, String(v)) ? SEVERITY_ALIASES[String(v)] : undefined;
}

export type ConfigOverride = Omit<Partial<EngineConfig>, 'rules'> & {
  rules?: Record<string, Severity | { severity?: Severity; options?: Record<string, unknown> }>;
};

/** Later wins; rule entries merge per rule (a severity alone keeps the options). */
export function mergeConfig(base: EngineConfig, ...overrides: (ConfigOverride | undefined)[]): EngineConfig {
  const out: EngineConfig = { ...base, rules: { ...base.rules }, nonTaskSections: [...base.nonTaskSections], roleKeywords: { ...base.roleKeywords } };
  for (const o of overrides) {
    if (!o) continue;
    for (const [id, v] of Object.entries(o.rules ?? {})) {
      const prev = out.rules[id] ?? { severity: 'off', options: {} };
      out.rules[id] = typeof v === 'string'
        ? { ...prev, severity: v }
        : { severity: v.severity ?? prev.severity, options: { ...prev.options, ...(v.options ?? {}) } };
    }
    if (o.documentKind) out.documentKind = o.documentKind;
    if (o.nonTaskSections) out.nonTaskSections = [...new Set([...out.nonTaskSections, ...o.nonTaskSections])];
    if (o.roleKeywords) {
      for (const [role, words] of Object.entries(o.roleKeywords)) {
        const k = role as keyof EngineConfig['roleKeywords'];
        out.roleKeywords[k] = [...new Set([...(out.roleKeywords[k] ?? []), ...(words ?? [])])];
      }
    }
    if (o.units) out.units = { ...(out.units ?? {}), ...o.units };
    if (o.locale) out.locale = o.locale;
  }
  return out;
}

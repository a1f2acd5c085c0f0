// text → plan model → diagnostics.
import type { Diagnostic, EngineConfig, LintResult, Report, RuleContext } from './types.js';
import { parsePlan } from './model/parse.js';
import type { LineCache } from './parser/parser.js';
import { rules } from './rules/index.js';
import { defaultConfig, mergeConfig, type ConfigOverride } from './config.js';
import { localise } from './i18n/engine-messages.js';

export interface LintTimings {
  parseMs: number;
  rulesMs: number;
}

/** the defaults, resolved once: lint(text) without a config made them again at every call */
let defaults: EngineConfig | undefined;

/** `cache`: see parsePlan; the result is the same with or without it. */
export function lint(text: string, config?: EngineConfig | ConfigOverride, timings?: LintTimings, cache?: LineCache): LintResult {
  const cfg = isResolved(config) ? config : config === undefined ? (defaults ??= mergeConfig(defaultConfig())) : mergeConfig(defaultConfig(), config);
  const t0 = timings ? performance.now() : 0;
  const plan = parsePlan(text, cfg, cache);
  const t1 = timings ? performance.now() : 0;
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = cfg.rules[rule.meta.id] ?? { severity: rule.meta.defaultSeverity, options: {} };
    if (setting.severity === 'off') continue;
    const severity = setting.severity;
    const ctx: RuleContext = {
      plan, locale: cfg.locale, options: setting.options, severity, config: cfg,
      report(r) {
        const msg = rule.meta.messages[r.messageId];
        // a programming error in the rule, not in the document: fail loudly in its tests
        if (!msg) throw new Error(`rule ${rule.meta.id} reported “${r.messageId}”, which its meta.messages does not define`);
        diagnostics.push(diagnostic(r, rule.meta.id, r.severity && severity === 'error' ? r.severity : severity, localise(msg, r.data, cfg.locale)));
      },
    };
    rule.check(ctx);
  }
  // rule ids are ASCII: code-unit order, not localeCompare (ICU collation was a tenth of checking
  // 1,000 small files; issue 18)
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  if (timings) {
    timings.parseMs = t1 - t0;
    timings.rulesMs = performance.now() - t1;
  }
  return { plan, diagnostics };
}

/** The report as a diagnostic, field by field: `{ messageId, ...d }` spread again into a new object
 *  was a third of the rules' time at a keystroke (the 60 KB plan's rules, median 1.4 → 0.8 ms;
 *  issue 18). An optional field the rule wrote stays, even when undefined. */
function diagnostic(r: Report, ruleId: string, severity: Diagnostic['severity'], message: string): Diagnostic {
  const d: Diagnostic = { data: r.data, span: r.span, ruleId, messageKey: `${ruleId}/${r.messageId}`, severity, message };
  if ('fix' in r) d.fix = r.fix;
  if ('suggestions' in r) d.suggestions = r.suggestions;
  if ('uncertain' in r) d.uncertain = r.uncertain;
  if ('related' in r) d.related = r.related;
  return d;
}

function isResolved(c: EngineConfig | ConfigOverride | undefined): c is EngineConfig {
  return !!c && typeof c.locale === 'string' && Array.isArray(c.nonTaskSections) && !!c.rules &&
    Object.values(c.rules).every((r) => typeof r === 'object' && r !== null && 'severity' in r && 'options' in r);
}

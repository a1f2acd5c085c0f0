// SARIF 2.1.0 for GitHub code scanning (upload with github/codeql-action/upload-sarif).
import { sep } from 'node:path';
import { rules } from '../../engine/rules/index.js';
import { text } from '../../i18n/catalogue.js';
import { displayPath, type FileResult, type FormatContext } from '../results.js';

import { DOCS_URL as DOCS } from '../../protocol.js';

export function sarif(results: FileResult[], ctx: FormatContext): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.meta.id, i]));
  const out = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'fengong', version: ctx.version, informationUri: 'https://github.com/fengong/fengong',
          rules: rules.map((r) => ({
            id: r.meta.id,
            shortDescription: { text: r.meta.description[ctx.locale] },
            fullDescription: { text: `${r.meta.description.zh} — ${r.meta.description.en}` },
            helpUri: `${DOCS}#${r.meta.docs}`,
            defaultConfiguration: { level: r.meta.defaultSeverity === 'off' ? 'none' : r.meta.defaultSeverity === 'info' ? 'note' : r.meta.defaultSeverity },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: `file://${ctx.cwd.split(sep).join('/')}/` } },
      // baselined problems go in as suppressed results (kind external: the suppression lives
      // outside the plan), so code scanning closes them instead of reporting them as new
      results: results.flatMap((r) => [...r.messages, ...r.suppressedMessages].map((m) => ({
        ruleId: m.ruleId ?? 'fengong/fatal',
        ...(m.ruleId && ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(displayPath(ctx.cwd, r.filePath)), uriBaseId: '%SRCROOT%' },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine ?? m.line, endColumn: m.endColumn ?? m.column + 1 },
          },
        }],
        // a Word document: the region is in its extracted text; the paragraph or cell is here
        // `uncertain`: the finding rests on an assumption (fengong's own property)
        ...(m.word || m.uncertain ? { properties: { ...(m.word ? { word: m.word } : {}), ...(m.uncertain ? { uncertain: true } : {}) } } : {}),
        // the same problem keeps its fingerprint when lines are added above it
        ...(m.fingerprint ? { partialFingerprints: { 'fengong/v1': m.fingerprint } } : {}),
        ...(m.suppressions ? { suppressions: [{ kind: 'external', justification: text(ctx.locale, 'report.sarifJustification') }] } : {}),
      }))),
    }],
  };
  return JSON.stringify(out, null, 2) + '\n';
}

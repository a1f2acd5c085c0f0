// The JSON schema of .fengongrc.json (draft 2020-12), generated from the rules' metadata so the
// two never drift. `npm run build` writes it to schemas/fengong.schema.json (VS Code's
// jsonValidation and other editors read that file); a test checks the file is current.
import { rules } from '../engine/rules/index.js';

const severity = {
  oneOf: [
    { enum: ['error', 'warning', 'warn', 'info', 'off'] },
    { enum: [0, 1, 2] },
  ],
  description: '严重程度 / severity: "error" | "warning" | "info" | "off" (or 2 | 1 | 0)',
};

function ruleSchema(meta: (typeof rules)[number]['meta']): Record<string, unknown> {
  const options = meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
  return {
    description: `${meta.description.zh} — ${meta.description.en} (default: ${meta.defaultSeverity})`,
    oneOf: [
      { $ref: '#/$defs/severity' },
      { type: 'array', prefixItems: [{ $ref: '#/$defs/severity' }, options], minItems: 1, maxItems: 2, items: false },
    ],
  };
}

const words = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

function settings(withOverrides: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = {
    rules: {
      type: 'object',
      description: '规则及其严重程度 / rules and their severity',
      properties: Object.fromEntries(rules.map((r) => [r.meta.id, ruleSchema(r.meta)])),
      additionalProperties: false,
    },
    documentKind: { enum: ['auto', 'plan', 'report', 'regulation', 'notice', 'other'], description: '文档类型：auto 按标题文种和正文判断 / document kind: auto decides from the title\'s genre word and the body' },
    nonTaskSections: { ...words, description: '不含任务的章节标题（追加到“总体要求”“保障措施”等）/ extra section headings that hold no tasks' },
    roles: {
      type: 'object', additionalProperties: false, description: '额外的单位角色词 / extra unit-role keywords',
      properties: { lead: words, responsible: words, cooperating: words, guiding: words },
    },
    units: {
      type: 'object', description: '规范单位名称及其别名 / canonical unit names and their aliases: {"办公室": ["厅办公室"]}',
      additionalProperties: words,
    },
    locale: { enum: ['zh', 'en'], description: '提示语言 / message language' },
  };
  if (withOverrides) {
    props.$schema = { type: 'string' };
    props.files = { ...words, description: '检查哪些文件（文件夹内）/ which files a folder means (globs)' };
    props.ignore = { ...words, description: '忽略的文件 / globs to skip' };
    props.overrides = {
      type: 'array',
      description: '按文件匹配的覆盖设置 / settings for files matching globs',
      items: {
        type: 'object',
        required: ['files'],
        additionalProperties: false,
        properties: { files: { oneOf: [{ type: 'string' }, words] }, ...settings(false) },
      },
    };
  }
  return props;
}

export function configSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://fengong.dev/schemas/fengong.schema.json',
    title: 'fengong configuration (.fengongrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: settings(true),
    $defs: { severity },
  };
}

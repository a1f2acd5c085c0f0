// Strings the language server itself writes (hovers, outline details, action titles), Chinese first.
// Rule messages come from the engine; these only frame the engine's results for an editor.
import type { Locale } from '../engine/types.js';
import type { NonTaskReason, UnitRole } from '../engine/model/types.js';
import { formatMessage } from '../engine/i18n/messages.js';

const ZH = {
  role_lead: '牵头',
  role_responsible: '负责',
  role_cooperating: '配合',
  role_guiding: '指导',
  units: '责任单位',
  noUnits: '未写明',
  byRemit: '按职责分工负责',
  inherited: '统一列明',
  deadline: '时限',
  tasks: '{n} 项任务',
  children: '下设 {n} 项',
  taskAt: '第 {line} 行',
  lineCol: '第 {line} 行第 {col} 列',
  unitHeader: '**{name}**：共 {n} 项任务',
  aliases: '另写作：{names}',
  pairPartner: '配对的“{char}”在{at}',
  pairShouldBe: '应在{at}补上“{char}”',
  fixAll: '修复全部 fengong 问题',
  configBroken: '配置文件 {file} 有误（第 {line} 行第 {col} 列{path}），已按默认设置检查：{message}',
  configPath: '，{path}',
  exportUnknownFormat: '不支持的导出格式“{format}”（可用：{formats}）',
  exportUnknownBy: '不支持的分组方式“{by}”（可用：{views}）',
  unknownDocument: '文档未打开：{uri}',
};
type Key = keyof typeof ZH;

const EN: Record<Key, string> = {
  role_lead: 'lead',
  role_responsible: 'responsible',
  role_cooperating: 'cooperating',
  role_guiding: 'guiding',
  units: 'units',
  noUnits: 'none named',
  byRemit: 'each within its remit',
  inherited: 'declared once',
  deadline: 'deadline',
  tasks: '{n} tasks',
  children: '{n} sub-items',
  taskAt: 'line {line}',
  lineCol: 'line {line}, column {col}',
  unitHeader: '**{name}**: {n} tasks',
  aliases: 'also written: {names}',
  pairPartner: 'its partner “{char}” is at {at}',
  pairShouldBe: '“{char}” belongs at {at}',
  fixAll: 'Fix all fengong problems',
  configBroken: 'The configuration {file} is broken (line {line}, column {col}{path}); checking with the defaults: {message}',
  configPath: ', {path}',
  exportUnknownFormat: 'Unsupported export format “{format}” ({formats})',
  exportUnknownBy: 'Unsupported grouping “{by}” ({views})',
  unknownDocument: 'Document not open: {uri}',
};

export function t(locale: Locale, key: Key, data: Record<string, string | number> = {}): string {
  const tpl = (locale === 'en' ? EN : ZH)[key];
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}

export const roleLabel = (locale: Locale, role: UnitRole): string => t(locale, `role_${role}`);
/** why an item is no task: the engine's own words (engine/i18n/model-messages.ts) */
export const notTaskLabel = (locale: Locale, reason: NonTaskReason): string => formatMessage(`not-task/${reason}`, {}, locale);

/** LSP clients send BCP 47 tags (`zh-cn`, `zh-Hans`, `en-US`): Chinese for zh*, English otherwise. */
export function localeFromTag(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string' || !tag) return undefined;
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

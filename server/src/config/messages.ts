// Messages of the configuration loader, Chinese first.
import type { Locale } from '../engine/types.js';

const M = {
  syntax: { zh: '配置文件 JSON 语法错误：{detail}', en: 'Invalid JSON in the configuration: {detail}' },
  schema: { zh: '配置项 {path} 无效：{detail}', en: 'Configuration {path} is invalid: {detail}' },
  unreadable: { zh: '无法读取配置文件：{detail}', en: 'Cannot read the configuration: {detail}' },
  allowed: { zh: '可用的值：{values}', en: 'allowed: {values}' },
  unknownKey: { zh: '未知的配置项“{key}”（可用：{values}）', en: 'unknown key “{key}” (allowed: {values})' },
} as const;

export function configMessage(key: keyof typeof M, data: Record<string, string>, locale: Locale): string {
  return M[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? '');
}

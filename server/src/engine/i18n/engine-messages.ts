// The engine's own messages — fix titles and rank names shared by several rules — and the one
// template filler. Each rule's messages live in its file (`meta.messages`); i18n/messages.ts joins
// both into the table clients look keys up in.
import type { Locale, Message } from '../types.js';

export type MessageData = Record<string, string | number>;

export const ENGINE_MESSAGES = {
  'fix/replace': { zh: '改为“{text}”', en: 'Change to “{text}”' },
  'fix/insert': { zh: '插入“{text}”', en: 'Insert “{text}”' },
  'fix/delete': { zh: '删去“{text}”', en: 'Remove “{text}”' },
  'fix/renumber': { zh: '重新编号（从“{expected}”起）', en: 'Renumber (from “{expected}”)' },
  'fix/wrap': { zh: '为责任单位加括号', en: 'Bracket the unit clause' },
  'fix/skeleton': { zh: '补上责任单位括注“{text}”', en: 'Add a unit clause “{text}”' },
  'fix/close-at-end': { zh: '在段末补上“{text}”', en: 'Close with “{text}” at the end of the paragraph' },
  'rank/1': { zh: '一级', en: '1' },
  'rank/2': { zh: '二级', en: '2' },
  'rank/3': { zh: '三级', en: '3' },
  'rank/4': { zh: '四级', en: '4' },
  'rank/5': { zh: '五级', en: '5' },
} satisfies Record<string, Message>;

export type EngineMessageKey = keyof typeof ENGINE_MESSAGES;

/** `msg` in `locale` with its `{name}` placeholders filled (unknown ones are left as written). */
export function localise(msg: Message, data: MessageData, locale: Locale = 'zh'): string {
  const tpl = msg[locale] ?? msg.zh;
  const parts = templateParts(tpl);
  if (parts.length === 1) return tpl;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

/** A template split once at its placeholders: text, name, text, … (the messages are the rules' and
 *  the engine's, a fixed few). A replace with a callback per message was a fifth of the rules'
 *  time over 1,000 plans (issue 18). */
const templates = new Map<string, string[]>();
function templateParts(tpl: string): string[] {
  let parts = templates.get(tpl);
  if (!parts) {
    if (templates.size > 1000) templates.clear(); // never unbounded, whatever a caller passes
    templates.set(tpl, (parts = tpl.split(/\{(\w+)\}/)));
  }
  return parts;
}

export function engineMessage(key: EngineMessageKey, data: MessageData, locale: Locale = 'zh'): string {
  return localise(ENGINE_MESSAGES[key], data, locale);
}

// Every engine message by its stable key (`numbering-sequence/gap`, `fix/replace`): the rules'
// `meta.messages` under their ids, and the engine's own. Derived, never hand-kept: a rule's
// messages are added by adding the rule.
import type { Locale, Message } from '../types.js';
import { rules } from '../rules/index.js';
import { ENGINE_MESSAGES, localise, type MessageData } from './engine-messages.js';
import { MODEL_MESSAGES } from './model-messages.js';

export const MESSAGES: Readonly<Record<string, Message>> = Object.freeze({
  ...Object.fromEntries(rules.flatMap((r) => Object.entries(r.meta.messages as Record<string, Message>).map(([id, m]) => [`${r.meta.id}/${id}`, m]))),
  ...ENGINE_MESSAGES,
  ...MODEL_MESSAGES,
});

export function formatMessage(key: string, data: MessageData, locale: Locale = 'zh'): string {
  const msg = MESSAGES[key];
  return msg ? localise(msg, data, locale) : key;
}

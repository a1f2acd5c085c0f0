// Messages of the configuration loader: from the one catalogue (server/src/i18n/catalogue.ts).
import type { Locale } from '../engine/types.js';
import type { ErrorObject } from 'ajv';
import { CATALOGUE, errnoText, text, type MessageId } from '../i18n/catalogue.js';

type Key = 'syntax' | 'schema' | 'unreadable' | 'allowed' | 'unknownKey';

export function configMessage(key: Key, data: Record<string, string>, locale: Locale): string {
  return text(locale, `config.${key}`, data);
}

/** jsonc-parser's error code name (`CloseBraceExpected`) in words. */
export function parseErrorText(code: string | undefined, locale: Locale): string {
  const id = `config.parse.${code}` as MessageId;
  return code && id in CATALOGUE ? text(locale, id) : text(locale, 'config.empty');
}

/** A read error of the config file, by its errno code. */
export function unreadableText(e: unknown, locale: Locale): string {
  return errnoText(locale, (e as NodeJS.ErrnoException)?.code);
}

/** One ajv error in words; enum and unknown keys are worded by the caller, which knows more. */
export function schemaErrorText(e: ErrorObject, locale: Locale): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(',')) as string[];
      return text(locale, 'config.schema.type', { type: types.map((x) => typeWord(x, locale)).join(locale === 'en' ? ' or ' : '或') });
    }
    case 'required': return text(locale, 'config.schema.required', { property: String(p.missingProperty) });
    case 'oneOf': return text(locale, 'config.schema.oneOf');
    // ajv counts items from 0; people from 1
    case 'uniqueItems': return text(locale, 'config.schema.uniqueItems', { i: Number(p.i) + 1, j: Number(p.j) + 1 });
    case 'minItems': case 'maxItems': case 'minLength': case 'minimum': case 'maximum':
      return text(locale, `config.schema.${e.keyword}`, { limit: String(p.limit) });
    case 'items': return text(locale, 'config.schema.maxItems', { limit: String(p.limit) });
    default: return text(locale, 'config.schema.other', { keyword: e.keyword });
  }
}

function typeWord(type: string, locale: Locale): string {
  const id = `config.type.${type}` as MessageId;
  return id in CATALOGUE ? text(locale, id) : type;
}

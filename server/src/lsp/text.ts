// Words the language server borrows: role names (server/src/i18n/catalogue.ts, with all its own
// words) and the engine's reasons an item is no task; the client's locale tag read.
import type { Locale } from '../engine/types.js';
import type { NonTaskReason, UnitRole } from '../engine/model/types.js';
import { formatMessage } from '../engine/i18n/messages.js';
import { roleName } from '../i18n/catalogue.js';

export const roleLabel = (locale: Locale, role: UnitRole): string => roleName(locale, role);
/** why an item is no task: the engine's own words (engine/i18n/model-messages.ts) */
export const notTaskLabel = (locale: Locale, reason: NonTaskReason): string => formatMessage(`not-task/${reason}`, {}, locale);

/** LSP clients send BCP 47 tags (`zh-cn`, `zh-Hans`, `en-US`): Chinese for zh*, English otherwise. */
export function localeFromTag(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string' || !tag) return undefined;
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

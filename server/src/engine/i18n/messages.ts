// Message templates, Chinese first. Keys are stable (tests and clients use them); `{name}`
// placeholders are filled from the diagnostic's data.
import type { Locale } from '../types.js';

export const MESSAGES: Record<string, { zh: string; en: string }> = {
  'numbering-sequence/gap': { zh: '序号不连续：此处应为“{expected}”，实为“{actual}”', en: 'Numbering gap: expected “{expected}”, found “{actual}”' },
  'numbering-sequence/duplicate': { zh: '序号重复：“{actual}”与第 {firstLine} 行重复，此处应为“{expected}”', en: 'Duplicate number: “{actual}” repeats line {firstLine}; expected “{expected}”' },
  'numbering-sequence/backward': { zh: '序号倒退：此处应为“{expected}”，实为“{actual}”', en: 'Numbering goes backwards: expected “{expected}”, found “{actual}”' },
  'numbering-sequence/start': { zh: '序号应从“{expected}”开始，实为“{actual}”', en: 'Numbering should start at “{expected}”, found “{actual}”' },
  'numbering-format/wrong-delimiter': { zh: '{rankName}序号“{marker}”后应使用“{expected}”，不用“{actual}”（GB/T 15834）', en: 'Rank-{rank} number “{marker}” takes “{expected}”, not “{actual}” (GB/T 15834)' },
  'numbering-format/missing-delimiter': { zh: '序号“{marker}”后缺少“{expected}”', en: 'Number “{marker}” is missing its “{expected}”' },
  'numbering-format/extra-delimiter': { zh: '{rankName}序号“{marker}”后不加标点，应删去“{actual}”（GB/T 15834）', en: 'Rank-{rank} number “{marker}” takes no punctuation: remove “{actual}” (GB/T 15834)' },
  'numbering-format/mixed-width': { zh: '序号“{marker}”的括号全角半角混用，应为“{expected}”', en: 'Number “{marker}” mixes full- and half-width brackets; write “{expected}”' },
  'numbering-inline/order': { zh: '分项“{actual}”顺序不对：此处应为“{expected}”', en: 'Inline enumeration out of order: expected “{expected}”, found “{actual}”' },
  'task-unit/missing': { zh: '任务“{title}”未写明责任单位（如“（办公室牵头，各处室配合）”）', en: 'Task “{title}” names no responsible unit (e.g. “（办公室牵头，各处室配合）”)' },
  'unit-clause/unbracketed': { zh: '责任单位“{clause}”未加括号，应写作“（{clause}）”', en: 'Unit clause “{clause}” is not bracketed; write “（{clause}）”' },
  'unit-clause/unbracketed-glued': { zh: '责任单位“{clause}”未加括号且与正文连写（推测单位从“{first}”开始）', en: 'Unit clause “{clause}” is unbracketed and runs into the text (assumed to start at “{first}”)' },
  'unit-clause/unclosed': { zh: '责任单位括注缺少“{expected}”', en: 'Unit clause is missing its closing “{expected}”' },
  'unit-clause/unopened': { zh: '责任单位括注缺少“{expected}”', en: 'Unit clause is missing its opening “{expected}”' },
  'unit-clause/empty-slot': { zh: '“{text}”后未写单位', en: 'Nothing follows “{text}”: name the unit' },
  'unit-clause/run-together': { zh: '“{text}”可能是两个单位连写，缺少“、”（推测）', en: '“{text}” may be two units run together without “、” (assumed)' },
  'punctuation-pair/unclosed': { zh: '“{char}”在本段内没有对应的“{expected}”', en: '“{char}” is never closed in this paragraph (expected “{expected}”)' },
  'punctuation-pair/unopened': { zh: '“{char}”前没有对应的“{expected}”', en: '“{char}” closes a “{expected}” that was never opened' },
  'punctuation-pair/crossed': { zh: '“{char}”与“{partner}”交叉嵌套（第 {partnerLine} 行第 {partnerColumn} 列）', en: '“{char}” and “{partner}” cross (line {partnerLine}, column {partnerColumn})' },
  'punctuation-pair/wrong-width': { zh: '“{open}”与“{char}”全角半角不一致，应为“{expected}”', en: '“{open}” is closed by “{char}” of the other width; expected “{expected}”' },
  'punctuation-pair/doc-number-year': { zh: '发文字号的年份应用六角括号“〔〕”，不用“{open}{close}”（GB/T 9704）', en: 'The year of a document number takes “〔〕”, not “{open}{close}” (GB/T 9704)' },
  'punctuation-pair/title-broken': { zh: '“《”在行末未闭合，下一行有“》”：可能是标题在导出时被断行（推测）', en: '“《” is unclosed at the line end and the next line has “》”: probably a title broken by an export (assumed)' },
  'punctuation-width/half-width': { zh: '中文中使用了半角“{char}”，应为全角“{expected}”', en: 'Half-width “{char}” in Chinese text; use full-width “{expected}”' },
  'unit-name/alias': { zh: '单位名称“{name}”应统一写作“{canonical}”', en: 'Write the unit “{name}” as “{canonical}”' },
  'unit-name/unknown': { zh: '单位“{name}”不在配置的单位名单（units）中', en: 'The unit “{name}” is not in the configured list (units)' },
  'unit-name/unknown-similar': {
    zh: '单位“{name}”不在配置的单位名单（units）中，是否应为“{canonical}”？',
    en: 'The unit “{name}” is not in the configured list (units); did you mean “{canonical}”?',
  },
  'unit-name/near-collision': {
    zh: '单位名称“{name}”与本文件中的“{other}”（{count} 处）仅差一两个字（{diff}），可能是同一单位（推测）',
    en: 'The unit “{name}” differs from “{other}” ({count} times in this file) only by {diff}: probably the same unit (assumed)',
  },
  'unit-name/variant': {
    zh: '单位名称“{name}”与本文件中的“{other}”（{count} 处）写法不一（全角半角不同）',
    en: 'The unit “{name}” is written “{other}” elsewhere in this file ({count} times), with other-width characters',
  },
  'unit-name/related': { zh: '“{name}”在此', en: '“{name}” here' },
  'fix/replace': { zh: '改为“{text}”', en: 'Change to “{text}”' },
  'fix/insert': { zh: '插入“{text}”', en: 'Insert “{text}”' },
  'fix/delete': { zh: '删去“{text}”', en: 'Remove “{text}”' },
  'fix/renumber': { zh: '重新编号（从“{expected}”起）', en: 'Renumber (from “{expected}”)' },
  'fix/wrap': { zh: '为责任单位加括号', en: 'Bracket the unit clause' },
  'fix/close-at-end': { zh: '在段末补上“{text}”', en: 'Close with “{text}” at the end of the paragraph' },
  'rank/1': { zh: '一级', en: '1' }, 'rank/2': { zh: '二级', en: '2' }, 'rank/3': { zh: '三级', en: '3' }, 'rank/4': { zh: '四级', en: '4' }, 'rank/5': { zh: '五级', en: '5' },
};

export function formatMessage(key: string, data: Record<string, string | number>, locale: Locale = 'zh'): string {
  const tpl = MESSAGES[key]?.[locale] ?? MESSAGES[key]?.zh ?? key;
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}

// Genre words of document titles (FORMAT.md §5). The innermost genre word of a title counts:
// `关于印发《XX工作方案》的通知` is a 方案, `关于XX工作意见报告的通知` a 报告.

/** plan: assigns work; report/regulation/notice: not a plan; conditional: a plan only when its
 *  body assigns units (意见, 通知, 措施 …); other: 预案, 讲话 and the like */
export type GenreClass = 'plan' | 'report' | 'regulation' | 'notice' | 'conditional' | 'other';

/** longest first where one contains another (工作要点 before 要点) */
export const GENRE_WORDS: readonly [word: string, genre: GenreClass][] = [
  ['工作要点', 'plan'], ['要点', 'plan'], ['工作方案', 'plan'], ['实施方案', 'plan'], ['试点方案', 'plan'], ['方案', 'plan'],
  ['行动计划', 'plan'], ['工作计划', 'plan'], ['计划', 'plan'], ['任务分工', 'plan'], ['任务分解', 'plan'], ['分解表', 'plan'],
  ['分工表', 'plan'], ['责任清单', 'plan'], ['任务清单', 'plan'], ['工作安排', 'plan'], ['责任分工', 'plan'], ['责任分解', 'plan'],
  ['工作报告', 'report'], ['报告', 'report'], ['总结', 'report'], ['通报', 'report'], ['讲话', 'report'], ['汇报', 'report'],
  ['述职', 'report'], ['年报', 'report'],
  ['规定', 'regulation'], ['暂行办法', 'regulation'], ['办法', 'regulation'], ['条例', 'regulation'], ['细则', 'regulation'],
  ['规则', 'regulation'], ['章程', 'regulation'], ['准则', 'regulation'], ['制度', 'regulation'], ['规范', 'regulation'],
  ['请示', 'notice'], ['复函', 'notice'], ['函', 'notice'], ['批复', 'notice'], ['公告', 'notice'], ['通告', 'notice'],
  ['预案', 'other'], ['纪要', 'other'], ['政策解读', 'other'], ['解读', 'other'],
  ['意见', 'conditional'], ['通知', 'conditional'], ['措施', 'conditional'], ['决定', 'conditional'], ['规划', 'conditional'],
  ['纲要', 'conditional'], ['举措', 'conditional'],
];

/** genre words that are verbs or topics as often (`关于规范…管理的通知`, `关于加强政策解读的通知`): the
 *  genre only where they end the title or the quoted document (`交通警察道路执勤执法工作规范`,
 *  `《…任务分工方案》政策解读`), or the document a notice forwards (`关于印发…工作规范的通知`) */
export const TITLE_END_GENRES = new Set(['规范', '解读', '政策解读']);
export const TITLE_END_AFTER_RE = /^(?:》|$)/;
export const FORWARDED_END_RE = /^的?(?:通知|函|复函|通报)$/;
export const FORWARDING_VERB_RE = /印发|转发|印送|颁发/;

/** wrappers of a forwarded document: `关于印发…的通知`, `…的函` — the inner genre counts */
export const WRAPPER_GENRES = new Set(['通知', '函', '复函', '通报']);

/** drafts and editions in brackets are not the genre: `（征求意见稿）` `（试行）` */
export const TITLE_ASIDE_RE = /[（(][^（）()]{0,12}[）)]/g;

/** a title that joins a review and a plan: `2023年工作总结和2024年工作计划`, `工作总结暨明年工作思路`
 *  (not `政府工作报告重点任务分解表`, a plan of the report's tasks: nothing joins the two there) */
export const REPORT_AND_PLAN_RE = /(?:总结|报告|汇报)(?:和|及|以及|暨|与|、)/;

/** body evidence of a report: a speech to deputies, a review of the past year */
export const REPORT_EVIDENCE_RE = /^各位代表[：:]|^(?:过去|回顾)[^，。]{0,10}(?:一年|五年|工作)|^[一二三四五六七八九十]+、[^，。]{0,12}(?:主要工作|工作情况|工作回顾|工作成效|取得成效)/;
/** body evidence of a regulation: articles `第一条` (and chapters `第一章`) */
export const ARTICLE_RE = /^第[一二三四五六七八九十百零〇]+条[\s\u3000]|^第[一二三四五六七八九十百零〇]+条$/;

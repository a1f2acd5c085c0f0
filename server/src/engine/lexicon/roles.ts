// Role and label words of unit clauses (FORMAT.md §2), in simplified script: the text is folded
// (fold.ts) before it is matched, so `牽頭` `責任單位` match too.
import type { RoleKeywords } from '../types.js';
import type { UnitRole } from '../model/types.js';

export const BUILTIN_ROLES: RoleKeywords = {
  lead: ['牵头', '主办', '主责'],
  responsible: ['负责', '承办'],
  // `C、D、E配合实施`: the verb is no part of the last name
  cooperating: ['配合实施', '协助实施', '参与实施', '配合', '参与', '协办', '协助', '参加', '协同'],
  guiding: ['指导'],
};

/** the role part of a label (`牵头单位：`, `负责部门：`, `主（协）办单位：`) and the role it gives */
export const LABEL_ROLE_WORDS: Record<string, UnitRole> = {
  牵头: 'lead', 主办: 'lead', 主责: 'lead', 责任: 'responsible', 负责: 'responsible', 承办: 'responsible', 实施: 'responsible',
  配合: 'cooperating', 协办: 'cooperating', 支撑: 'cooperating', 参与: 'cooperating', 协同: 'cooperating', 协助: 'cooperating', 指导: 'guiding',
  '主（协）办': 'lead', '主(协)办': 'lead',
};

/** the noun part of a label: 单位 部门 处室 … (a person, 领导 负责人, is none: PERSON_LABEL_RE) */
export const LABEL_NOUNS = ['单位', '部门', '处室', '科室', '司局', '机关', '主体'];

/** a label that names a person, not a unit: `牵头负责领导：张三。`, `责任人：李四` — a field of the
 *  task's entry that gives no unit, read past like a note */
export const PERSON_LABEL_RE = /^[^：:，,；;。]{0,6}?(?:领导|负责人|责任人|联系人)\s*[：:]/;

/** label fields that a clause may carry besides units: `（负责部门：…；适用范围：…）` */
export const NOTE_LABEL_RE = /^(?:适用范围|试点范围|实施范围|范围|备注|说明|推广范围|适用地区)\s*[：:]/;

/** deadline fields inside a clause: `；完成时限：6月底前` */
export const DEADLINE_LABEL_RE = /^(?:完成时限|完成时间|时限|时间节点|时间要求|进度安排|完成期限)\s*[：:]/;

/** the verb a document writes after 牵头, 分别 or 按职责分工 at a clause's end is its role verb, whatever it
 *  is: a content farm's synonym spinning turns 负责 into 卖力 (`（A牵头卖力）`, `（A、B按职责分工卖力）`),
 *  and the same document then writes `（A卖力）` for `（A负责）` */
export const ROLE_VERB_AFTER_RE = /(?:牵头|分别|按照?职责分工)([\u4e00-\u9fff]{2})(?=[）)〕］\]])/g;

/** 牵头 or 按职责分工 then the verb of the work at a group's end: `A牵头落实`, `A、B按职责分工抓好落实` */
export const ROLE_THEN_VERB_RE = /(?:牵头|按照?职责分工)([\u4e00-\u9fff]{1,4})$/;
/** the word of ROLE_THEN_VERB_RE that is no role word: text without it or a role word holds no role */
export const REMIT_ROLE_WORD = '职责分工';

/** modifiers between the units and the role word: `分别牵头` `按职责分工负责` */
export const MODIFIER_RE = /(分别|共同|具体|按照?职责分工|根据职责分工|按照?职责|按各自职责|依职责)$/;
export const SEPARATELY_RE = /分别/;
export const REMIT_RE = /职责/;
/** `A会同B负责`: A leads, B cooperates */
export const CONJUNCT_RE = /会同/;

/** verbs of a unit's remit at the start of its text: `1.监督组。负责…`, `（一）区建管委：牵头协调…` */
export const REMIT_VERB_RE = /^(?:负责|牵头|主要负责|承担|指导|配合|统筹|组织|协调)/;

/** the units a declaration gives every later task: `以下均需试点城市政府落实，不再列出` */
export const DECLARED_UNITS_RE = /(?:均需由|均由|均需|由)([^，,。；;（(]{2,40}?)(?:负责|落实|牵头|承担|组织实施)/;

/** units every task involves, declared once instead of in each clause:
 *  `具体任务均涉及相关市（州）人民政府，不再做分工，下同` → 相关市（州）人民政府 */
export const SHARED_UNITS_RE = /涉及([^，,。；;：:]{2,40}?)[，,]?(?:不再|不另)(?:做|作|进行|单独|一一)?(?:分工|列出)/;

/** a body set up for the whole work, with a lead and member units (FORMAT.md §7):
 *  `成立区XX工作专班，由区住房城乡建设局牵头，区财政局、区城管局和各街道办事处为成员单位`.
 *  Matched a sentence at a time, each pattern within one comma part (no backtracking across parts). */
export const TEAM_SETUP_RE = /(?:成立|组建|建立)[^，,]*(?:专班|领导小组|工作小组|工作组|指挥部|推进组)/;
export const TEAM_LEAD_RE = /[，,]由([^，,]{2,40}?)牵头(?=[，,])/;
export const TEAM_MEMBERS_RE = /[，,]([^，,]{2,200}?)(?:为|作为)成员单位|[，,]成员单位(?:为|包括)[：:]?([^，,]{2,200})/;

/** a lead-in that refers back to the units listed just before it: `承接试点工作的相关单位的主要任务如下：` */
export const LEAD_IN_BACK_RE = /(?:相关|上述|以上|前述|这些|各)(?:单位|部门|处室)[^。]*如下[：:]?$/;

/** role words offered after a unit name while drafting a clause (FORMAT.md §2), most used first */
export const ROLE_COMPLETIONS = ['牵头', '负责', '配合', '按职责分工负责', '分别牵头', '指导'];

/** the clause a task without units is offered (completion snippet, task-unit's quick fix):
 *  `（办公室牵头，各处室配合）` with the unit names left for the writer */
export const CLAUSE_SKELETON = { open: '（', lead: '牵头', between: '，', cooperating: '配合', close: '）' } as const;

/** words that may stand between the units and the role word: `分别牵头` `会同` */
export const ROLE_MODIFIER_WORDS = ['按照职责分工', '按职责分工', '根据职责分工', '按各自职责', '按照职责', '按职责', '依职责', '分别', '共同', '具体', '会同'];

// Section headings that assign no tasks (FORMAT.md §2 and §5), by the role of the section.

/** framing nouns: a heading that *is* one (possibly joined by 的/和/与/及) describes the plan */
export const FRAMING_NOUNS = [
  '总体要求', '指导思想', '基本原则', '工作原则', '工作目标', '主要目标', '总体目标', '发展目标', '组织领导', '组织实施', '组织落实',
  '组织保障', '工作保障', '组织形式', '组织机构', '保障措施', '工作要求', '有关要求', '相关要求', '其他要求', '实施步骤', '工作步骤', '时间安排',
  '进度安排', '工作进度', '实施进度', '工作安排', '目标要求', '主要预期目标', '预期目标', '实施安排', '适用范围', '试点范围', '重大意义', '重要意义', '目的意义', '总体思路', '工作思路', '基本思路',
  '工作机制', '背景', '编制依据', '依据', '定义', '名词解释', '附则', '工作计划', '实施计划', '进度计划', '组织架构',
];

/** a heading that ends with one of these and starts with no verb is framing too:
 *  `2021年经济社会发展主要预期目标`, `目标要求` */
export const FRAMING_TAIL_RE = /(?:目标|要求|原则|指导思想|意义|思路)$/;

/** verbs that may precede a framing noun in a heading: `切实做好组织实施`, `认真抓好组织实施` */
export const FRAMING_VERB_RE = /^(?:切实|认真|进一步|全面|扎实)?(?:做好|抓好|加强|强化|落实|完善|健全)?(?:改革|工作)?/;

/** scope and descriptive sections: what the plan covers, not what is to be done */
export const SCOPE_RE = /范围|对象|指标体系|考核指标|评价指标|主要内容及形式|形式$/;

/** the text of a descriptive item after its noun title: the dimensions of an evaluation
 *  (`（一）生态宜居。反映城市的大气、水、绿地等…`), the parts of a scope — what is measured, not done */
export const DESCRIPTIVE_TEXT_RE = /^(?:主要|重点|着重|集中)?(?:反映|是指|系指|指|包括|包含|涵盖|体现|衡量|考察|侧重|用于衡量|用于反映)/;

/** a paragraph that dates a stage of a schedule: `2020年，…` `到2025年，…` `2021年上半年：…` */
export const SCHEDULE_STAGE_RE = /^(?:到|至|在)?(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:底|末|前|上半年|下半年|年底|年末)?(?:前)?[，,：:]/;

/** procedure sections: steps whose text names the actor (管控流程, 操作流程, 考核程序) */
/** a lead-in that sends the reader to the annexed table for the units and time limits:
 *  `…明确23项具体措施，各项措施的责任单位和完成时限见附件。` — the tasks are the table's rows */
export const ANNEX_POINTER_RE = /(?:责任单位|牵头单位|责任分工|任务分工|完成时限)[^。；;]{0,20}?(?:详见|参见|见)(?:附件|附表)/;

export const PROCEDURE_RE = /流程|程序$|办理步骤|工作步骤/;

/** unit-centric sections: each item is a unit and its remit (`（一）区建管委`) */
export const UNIT_CENTRIC_RE = /职责分工|责任分工|部门职责|工作职责|主要职责|职责任务|分工负责|成员单位职责|各方职责/;

/** a review of past work or of its problems in a plan that also reports (`…工作总结和…工作计划`):
 *  `2023年主要工作及成效`, `存在的问题`, `工作回顾` — what was done, not what is to be done (a bare
 *  `主要工作` is the plan's own work) */
export const REVIEW_RE = /(?:主要工作(?:及|和|与)(?:成效|成绩)|工作情况|工作回顾|工作总结|取得的?成效|主要成效|主要成绩|工作成效|工作成绩)$|^(?:存在的?(?:主要)?问题|问题和不足|存在的?不足|困难和问题|存在的?问题和不足)$/;

/** notes after a table and attachment lists */
export const NOTES_RE = /^(?:注|备注|说明)[：:]/;
export const ATTACHMENT_LIST_RE = /^附件[0-9０-９一二三四五六七八九十]*[：:]/;
export const ATTACHMENT_HEADING_RE = /^附件[0-9０-９一二三四五六七八九十]*$/;
/** `附件：某某县2024年政务公开重点任务清单` (one attachment named after the label): the heading of
 *  the attachment itself when its content follows, an entry of the closing's list when not */
export const ATTACHMENT_TITLED_RE = /^附件[0-9０-９一二三四五六七八九十]*(?:[：:]|[ \t\u3000]+)[ \t\u3000]*(?![0-9０-９]+[.．﹒、﹑])\S/;
/** an appended sheet that scores the work (`…考核评分表`, `…评分细则`): its items are criteria, not tasks */
export const SCORING_SHEET_RE = /评分|考核细则|考核表|考评|评价表|打分/;
/** the title of a sheet appended after the plan: `某某县政务公开工作考核评分表`, `…任务清单` */
export const SHEET_TITLE_RE = /(?:评分表|评分标准|评分细则|考核细则|考核表|评价表|考评表|清单|一览表|明细表|汇总表|分工表|分解表)$/;

/** page chrome of web copies: nothing after it is part of the document */
export const PAGE_JUNK_RE = /^(上一条|无障碍浏览|长者模式|下一条|上一篇|下一篇|版权所有|主办单位|网站标识码|ICP备|打印本页|关闭窗口|【打印】|【关闭】|扫一扫|分享到)/;

/** a field of a web copy's publication metadata above the title (`发布机构: 某某市人民政府办公室
 *  主题分类: 综合政务 / 通知`): the line is metadata, never the title, even where it ends in a genre word */
export const PUBLICATION_FIELD_RE = /^(?:索引号|发布机构|发文机关|发文单位|主题分类|组配分类|体裁分类|服务对象|有效性|时效性|关键词|主题词|发文日期|成文日期|发布日期|发布时间|生效日期|信息来源|来源|浏览次数|公开方式|公开范围|公开时限|文号|发文字号|名称|标题)[ \t\u3000]*[：:]/;

/** the end of a document's text: its date line (`2019年1月16日`) after the signature */
export const DATE_LINE_RE = /^(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日$|^[二〇○零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/;

// What a unit name looks like (FORMAT.md §2): names end like an organisation.

/** names that end like an organisation: 处 室 局 中心 部门 单位 委 司 … (after a bracketed part) */
export const UNIT_SUFFIX_RE = /(处|室|局|办|厅|中心|部|门|单位|委|会|司|院|所|站|队|组|政府|街道|乡镇|机关|科|股|馆|社|团|行|校|城市|小组|法院|检察院|支行|分局|集团|公司|联|协)$/;

/** `财政部等`, `财政部等有关部门`, `省财政厅等省直有关部门`, `水利厅等省有关部门`: 等 closes a list of
 *  units; what follows it is a scope (which level, which of them), no particular unit */
export const ETC_RE = /等(?:(?:省|市|县|区|州|盟)(?:直|级|属)|(?:省|市|县|区|州|盟)?(?:其他|有关|相关)|中央|国家|各级|各)*(?:部门|单位|机构)?(?:(?:和|及|与)(?:有关|相关)?(?:单位|部门|机构))?$/;

/** `和` `及` `以及` between two whole unit names (`…全国总工会等和各省级人民政府`) */
export const CONJUNCTION_RE = /以及|和|及/;

/** what follows 等…和 that names no particular unit: `等有关部门和单位` */
export const GENERIC_UNIT_RE = /^(?:有关|相关|其他)?(?:部门|单位|机构)$/;

/** `县政府各部门县机关运行保障中心`: a unit's suffix immediately followed by another unit's prefix */
export const RUN_TOGETHER_RE = /(部门|单位|中心|局|处|室|办|委|厅|司)(县|市|区|省|各|乡|镇|街道)/;

/** unit names are short: longer text is a sentence */
export const MAX_UNIT_LEN = 30;

/** verbs a task title starts with: `成立领导小组` is a task, not the unit `领导小组` */
export const TASK_VERB_RE = /^(?:成立|建立|设立|扩大|组建|健全|完善|加强|推进|推动|开展|落实|做好|抓好|强化|深化|加快|提升|提高|优化|规范|实施|组织|制定|出台|编制|打造|构建|建设|培育|支持|鼓励|引导|探索|创新|坚持|严格|全面|切实|积极|进一步|大力|持续|扎实|着力|统筹|保障|确保|实行|推行|开通|召开|举办|印发|发布|公开)/;

/** a scope or condition before 由 makes a bracket an aside, no clause: `（技工院校内由…负责）` */
export const ASIDE_BEFORE_BY_RE = /(?:内|中|外|时|的|以外|之外)$/;

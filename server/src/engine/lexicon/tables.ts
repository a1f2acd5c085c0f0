// Header words of a 任务分解表 pasted as tab-separated rows (FORMAT.md §6).
import type { UnitRole } from '../model/types.js';

/** header cell → what the column holds; checked in order, the first match wins */
export const HEADER_COLUMNS: readonly [RegExp, 'number' | 'task' | 'deadline' | 'person' | UnitRole][] = [
  [/^序号$|^编号$|^序$/, 'number'],
  // a person (`牵头市领导`, `责任领导`, `负责人`): the party the office lists only where no column
  // names units (`阶段性任务⇥具体实施内容⇥预计完成时间⇥负责人`)
  [/领导|负责人|责任人|联系人/, 'person'],
  [/牵头|主办|主责/, 'lead'],
  [/配合|协办|参与|协助|协同/, 'cooperating'],
  [/指导/, 'guiding'],
  [/单位|部门|处室|科室|司局|机关|责任主体|责任人/, 'responsible'],
  [/时限|时间|期限|进度/, 'deadline'],
  [/任务|事项|内容|措施|举措|工作/, 'task'],
];

/** a header row names at least two of these */
export const HEADER_HINT_RE = /序号|任务|事项|内容|措施|举措|单位|部门|处室|时限|时间|要求|指标|负责人|责任人|领导/;

// What the engine keeps alive (issue 18): a parse leaves nothing behind once its result is dropped
// (the parser, kept for the next call, held every token of the last text: six a line), and a plan
// model stays within its budget of bytes per byte of text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pairCode, pairOffset, parseLines } from '../../server/src/engine/parser/parser.js';
import { parsePlan } from '../../server/src/engine/index.js';
import { judged, parentsPairs } from '../../server/src/engine/model/parse.js';
import { buildTree } from '../../server/src/engine/model/tree.js';
import { readStructure } from '../../server/src/engine/model/structure.js';
import { LinePairs } from '../../server/src/engine/model/line-pairs.js';
import { buildTaskTable, buildTaskTables, tableOfPlans, type TaskRow } from '../../server/src/table/build.js';
import { officeTable } from '../../server/src/table/office.js';
import { none, orNone, pushed } from '../../server/src/engine/model/none.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// Sizes per byte of text are bench/'s to report (issue 18): measured here they varied by a third
// between a run alone and a loaded CI run, so these tests assert what is kept alive, not how much.
/** 20,000 numbered tasks with their unit clauses (the `headings` shape of bench/lib/shapes.mjs). */
const TEXT = `某县2024年政务公开工作要点\n一、重点任务\n${Array.from({ length: 20000 }, (_, i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）\n`).join('')}`;
const BYTES = Buffer.byteLength(TEXT);

test('the line parser keeps nothing of a text once its lines are dropped', () => {
  parseLines('预热\n'); // the parser itself (made once) is not the text's
  const before = heap();
  let lines: { length: number } | undefined = parseLines(TEXT);
  assert.equal(lines.length, 20003);
  lines = undefined;
  const after = heap();
  // every token kept would be 120,000 objects, some 9 MB
  assert.ok(after - before < 1024 * 1024, `${((after - before) / 1048576).toFixed(1)} MB still alive`);
});

test('a plan model is collected once it is dropped (no cache keeps the last document)', async () => {
  let plan: ReturnType<typeof parsePlan> | undefined = parsePlan(TEXT);
  assert.equal(plan.tasks.length, 20000);
  const gone = new WeakRef(plan);
  plan = undefined;
  // a WeakRef's target lives until the current job ends: collect after it
  await new Promise((resolve) => setImmediate(resolve));
  heap();
  assert.equal(gone.deref(), undefined);
});

test('the task table of those tasks holds no reference to its plan, and one group list per group', async () => {
  let plan: ReturnType<typeof parsePlan> | undefined = parsePlan(TEXT);
  const gone = new WeakRef(plan);
  const table = buildTaskTable(plan);
  plan = undefined;
  // a WeakRef's target lives until the current job ends: collect after it
  await new Promise((resolve) => setImmediate(resolve));
  heap();
  // `table` frees the plans before it writes: a row that kept its plan would keep the whole model
  assert.equal(gone.deref(), undefined);
  assert.equal(table.tasks.length, 20000);
  // the groups above a task are one list per group, shared by its tasks
  assert.equal(table.tasks[0]!.sections, table.tasks[19999]!.sections);
  // the lists a row leaves empty (no cooperating or guiding unit, no 分别, no deadline, no body) are
  // one shared list; the rows that name the same units in a role share one list of them
  const empty = table.tasks.flatMap((r) => [r.responsible, r.cooperating, r.guiding, r.separately, r.deadlines, r.body]);
  assert.equal(new Set(empty).size, 1);
  assert.deepEqual(empty[0], []);
  assert.equal(new Set(table.tasks.map((r) => r.lead)).size, 1);
  assert.deepEqual(table.tasks[1]!.lead, ['办公室']);
  // a task's own number is its 序号 (numbered through): one string
  assert.equal(table.tasks.filter((r) => r.number === r.serial).length, 20000);
});

test('tableOfPlans gives its plans up as it tables them: the same table, and no task item alive after', async () => {
  const other = `某县2024年政务公开工作要点\n一、重点任务\n（一）甲组\n1.做好甲。（办公室牵头，财政局配合）8月底前\n2.做好乙。（财政局负责）\n二、保障\n3.做好丙。\n`;
  const expected = buildTaskTables([{ plan: parsePlan(TEXT), file: 'a.txt' }, { plan: parsePlan(other), file: 'b.txt', units: { 县财政局: ['财政局'] } }]);
  const plan = parsePlan(TEXT);
  const inputs = [{ plan, file: 'a.txt' }, { plan: parsePlan(other), file: 'b.txt', units: { 县财政局: ['财政局'] } }];
  const task = new WeakRef(plan.tasks[12345]!);
  const heading = new WeakRef(plan.items[0]!);
  const table = tableOfPlans(inputs);
  assert.deepEqual(table, expected);
  assert.equal(inputs.length, 0);
  // a WeakRef's target lives until the current job ends: collect after it
  await new Promise((resolve) => setImmediate(resolve));
  heap();
  // the test still holds the plan: only its items were let go (the heading above the tasks too:
  // its children held them all)
  assert.equal(task.deref(), undefined);
  assert.equal(heading.deref(), undefined);
  assert.deepEqual([plan.tasks, plan.allItems, plan.items], [[], [], []]);
});

test('rows share a role\'s list only with rows that name the same units, in the same order', () => {
  const lines = ['1.甲（办公室牵头，财政局配合）', '2.乙（办公室牵头，财政局、审计局配合）', '3.丙（办公室牵头，财政局配合）', '4.丁（财政局牵头，办公室配合）', '5.戊（办公室、财政局牵头）', '6.己（财政局、办公室牵头）'];
  const rows = buildTaskTable(parsePlan(`某县2024年政务公开工作要点\n一、重点任务\n${lines.join('\n')}\n`)).tasks;
  assert.deepEqual(rows.map((r) => [r.lead, r.cooperating]), [
    [['办公室'], ['财政局']], [['办公室'], ['财政局', '审计局']], [['办公室'], ['财政局']],
    [['财政局'], ['办公室']], [['办公室', '财政局'], []], [['财政局', '办公室'], []],
  ]);
  const [a, b, c, d, e, f] = rows as [TaskRow, TaskRow, TaskRow, TaskRow, TaskRow, TaskRow];
  assert.ok(a.lead === b.lead && b.lead === c.lead && a.cooperating === c.cooperating);
  assert.ok(a.cooperating !== b.cooperating && d.lead !== a.lead && e.lead !== f.lead && e.lead !== a.lead);
});

test('a plan of 200,000 tasks makes its table and its office layout (rows were once passed as 200,000 arguments: the stack overflowed)', () => {
  const text = `某县2024年政务公开工作要点\n一、重点任务\n${Array.from({ length: 200000 }, (_, i) => `${i + 1}.甲（办公室牵头）\n`).join('')}`;
  const table = buildTaskTable(parsePlan(text));
  assert.equal(table.tasks.length, 200000);
  assert.deepEqual([table.tasks[199999]!.text, table.tasks[199999]!.lead], ['甲', ['办公室']]);
  // the office layout (xlsx, docx) fits its columns to every row: once Math.max over 200,000 arguments
  for (const view of ['task', 'unit'] as const) assert.equal(officeTable(table, view).rows.filter((r) => r.kind === 'task').length, 200000);
});

test('the lists a task usually leaves empty are one shared frozen list, not 32 bytes each', () => {
  const plan = parsePlan(TEXT);
  const empty = plan.tasks.flatMap((t) => [t.body, t.children, t.deadlines, t.enumerations, t.unitClauses[0]!.issues]);
  assert.equal(empty.length, 100000);
  assert.equal(new Set(empty).size, 1);
  assert.ok(Object.isFrozen(empty[0]) && empty[0]!.length === 0);
  // filled lists are the item's own: the heading above holds its 20,000 tasks
  assert.equal(plan.items[0]!.children.length, 20000);
  assert.ok(!Object.isFrozen(plan.items[0]!.children));
});

test('a list that starts shared and empty is replaced, never added to', () => {
  const shared = none<number>();
  const mine = pushed(shared, 1);
  assert.deepEqual([mine, shared], [[1], []]);
  assert.equal(pushed(mine, 2), mine);
  assert.deepEqual(mine, [1, 2]);
  assert.equal(orNone([]), shared);
  assert.throws(() => shared.push(3), TypeError);
});

test('a task keeps its marker without the line facts, its own fields only', () => {
  const plan = parsePlan(TEXT);
  assert.deepEqual(Object.keys(plan.tasks[0]!.marker), ['rank', 'value', 'raw', 'start', 'end', 'delimiter', 'expectedDelimiter', 'strength']);
  // its span is made when read from its two offsets: no object a marker
  assert.deepEqual(plan.tasks[0]!.marker.span, { start: TEXT.indexOf('1.加强'), end: TEXT.indexOf('1.加强') + 2 });
  const table = parsePlan('某县2024年政务公开工作要点\n序号\t工作任务\t牵头单位\t完成时限\n1\t做好甲工作\t县政府办公室\t6月底前\n');
  const [task] = table.tasks;
  assert.deepEqual(Object.keys(task!.marker), ['rank', 'value', 'raw', 'start', 'end', 'delimiter', 'expectedDelimiter', 'strength', 'inTable']);
  // a unit cell's clause is the whole cell: one span for both
  assert.equal(task!.unitClauses[0]!.span, task!.unitClauses[0]!.inner);
});

/** every object, array, Map and Set reachable from `root` (strings and numbers are not counted) */
function reachable(root: object): object[] {
  const seen = new Set<object>([root]);
  const stack: object[] = [root];
  const visit = (v: unknown) => { if (v && typeof v === 'object' && !seen.has(v)) { seen.add(v); stack.push(v); } };
  while (stack.length) {
    const o = stack.pop()!;
    if (o instanceof Map) for (const [k, v] of o) { visit(k); visit(v); }
    else if (o instanceof LinePairs) for (const [, v] of o.entries()) visit(v); // its segments are private
    else if (o instanceof Set) for (const v of o) visit(v);
    else for (const v of Object.values(o)) visit(v);
  }
  return [...seen];
}
const isPairs = (o: object) => 'pairs' in o && 'problems' in o;
const isCandidate = (o: object) => 'raw' in o && 'strength' in o && 'line' in o;

test('the phases hand the items over without the lines\' scaffolding: no pairs, no marker candidates, no Structure', () => {
  // the walk does see them where they are: in the line structure the phases start from
  const s = reachable(readStructure(TEXT));
  assert.deepEqual([s.filter(isPairs).length, s.filter(isCandidate).length], [20000, 20001]); // the 20,000 clauses; the tasks and their heading
  // what the PlanItems are assembled from (once the 20,000 pairs and candidates had lived on
  // through assembly, beside the items and every phase's maps: a quarter of the peak)
  const j = reachable(judged(TEXT, {}));
  assert.deepEqual([j.filter(isPairs).length, j.filter(isCandidate).length, j.filter((o) => 'pairsByLine' in o).length], [0, 0, 0]);
  assert.equal(j.filter((o) => 'marker' in o && 'children' in o).length, 20001); // the heading and its tasks
});

test('a task of one clause names its units in that clause\'s list, not a copy of it', () => {
  const plan = parsePlan(TEXT);
  assert.equal(plan.tasks.length, 20000);
  assert.equal(plan.tasks.filter((t) => t.unitClauses.length === 1 && t.units === t.unitClauses[0]!.units).length, 20000);
  assert.deepEqual(plan.tasks[7]!.units.map((u) => [u.name, u.role]), [['办公室', 'lead']]);
  // a bracketed clause keeps its inner span as two offsets and makes it when read: no object a clause
  const clause = plan.tasks[7]!.unitClauses[0]!;
  assert.deepEqual(Object.keys(clause), ['span', 'innerStart', 'innerEnd', 'open', 'close', 'form', 'units', 'byRemit', 'issues']);
  assert.deepEqual([TEXT.slice(clause.span.start, clause.span.end), TEXT.slice(clause.inner.start, clause.inner.end)], ['（办公室牵头）', '办公室牵头']);
  // two clauses: the units of both, in order, in a list of the task's own
  const two = parsePlan('某县2024年政务公开工作要点\n一、重点任务\n1.加强管理（办公室牵头）。做好宣传（宣传部负责）\n').tasks[0]!;
  assert.equal(two.unitClauses.length, 2);
  assert.deepEqual(two.units.map((u) => u.name), ['办公室', '宣传部']);
  assert.ok(two.units !== two.unitClauses[0]!.units && two.units !== two.unitClauses[1]!.units);
});

test('the 序号 cells of a table make markers of one hidden class (a spread gave each row its own)', () => {
  setFlagsFromString('--allow-natives-syntax');
  const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
  const rows = Array.from({ length: 50 }, (_, i) => `${i + 1}\t做好第${i + 1}项工作\t县政府办公室\t${(i % 12) + 1}月底前`);
  const s = readStructure(`某县2024年政务公开工作要点\n序号\t工作任务\t牵头单位\t完成时限\n${rows.join('\n')}\n一\t总体\t县政府办公室\t年底前\n`);
  const numbers = [...s.tableRows.values()].map((r) => r.number!);
  assert.equal(numbers.length, 51);
  assert.deepEqual(numbers.map((m) => [m.rank, m.value]).slice(-2), [[3, 50], [1, 1]]);
  assert.equal(numbers.filter((m) => sameMap(m, numbers[0]!)).length, 51);
  // rows without markers in later cells share the one frozen empty list
  const cellMarkers = [...s.tableRows.values()].map((r) => r.cellMarkers);
  assert.ok(new Set(cellMarkers).size === 1 && Object.isFrozen(cellMarkers[0]) && cellMarkers[0]!.length === 0);
});

test('a paragraph keeps its matched pairs as two offsets each, no token objects', () => {
  const s = reachable(readStructure(TEXT));
  const isToken = (o: object) => 'char' in o && 'kind' in o && 'offset' in o;
  const pairs = s.filter((o) => 'open' in o && 'close' in o && !('span' in o));
  // the 20,000 clauses' brackets: one pair each, and no PairToken behind them (112 bytes a pair)
  assert.deepEqual([pairs.length, s.filter(isToken).length], [20000, 0]);
  const first = readStructure(TEXT).pairsByLine.get(2)!;
  assert.deepEqual(first, { pairs: [{ open: TEXT.indexOf('（'), close: TEXT.indexOf('）') }], problems: [] });
});

test('the line shapes of lines without pair characters share one frozen empty list of pairs', () => {
  const text = `某县2024年政务公开工作要点\n一、重点任务\n${'加强管理（办公室牵头）\n做好宣传\n'.repeat(1000)}`;
  const lines = parseLines(text);
  assert.equal(lines.length, 2003);
  const empty = lines.shapes.filter((l) => !l.pairs.length).map((l) => l.pairs);
  assert.equal(empty.length, 1003); // the title, the heading, the 1,000 lines of 做好宣传 and the last, empty line
  assert.ok(new Set(empty).size === 1 && Object.isFrozen(empty[0]));
  assert.deepEqual(lines.record(2).pairs.map((t) => [t.image, t.startOffset]), [['（', text.indexOf('（')], ['）', text.indexOf('）')]]);
  // a line's pair characters are numbers, no token object each: offset from the line's start and code
  assert.deepEqual(lines.shapes[2]!.pairs.map((p) => [pairOffset(p), String.fromCharCode(pairCode(p))]), [[4, '（'], [10, '）']]);
  assert.ok(lines.shapes.every((l) => l.pairs.every((p) => typeof p === 'number')));
});

test('once the leaves\' own clauses are found, only the lines of items with sub-items keep their pairs', () => {
  // what ancestorClause still reads: a parent's heading and its text before the first sub-item
  const text = '某县2024年政务公开工作要点\n一、重点任务（办公室牵头）\n加强统筹（财政局配合）\n1.加强管理（审计局负责）\n2.做好宣传\n二、保障措施\n加强督查（督查室负责）\n';
  const s = readStructure(text);
  const tree = buildTree(s);
  assert.deepEqual(s.pairsByLine.entries().map(([line]) => line), [1, 2, 3, 6]);
  const kept = parentsPairs(s.pairsByLine, tree.allItems);
  assert.deepEqual(kept.entries().map(([line, p]) => [line, p.pairs]), [
    [1, [{ open: text.indexOf('（办'), close: text.indexOf('）') }]],
    [2, [{ open: text.indexOf('（财'), close: text.indexOf('配合）') + 2 }]],
  ]);
  // the first heading's pairs are the very object the structure found, not a copy
  assert.equal(kept.get(1), s.pairsByLine.get(1));
});

test('the tree\'s nodes are made with their judgment\'s slots, and items without details share one record', () => {
  const j = judged(TEXT, {});
  const node = j.tree.allItems[1]!;
  // the assembly fills these in on the node itself, which becomes the PlanItem (no second object an item)
  assert.deepEqual(Object.keys(node), ['id', 'marker', 'title', 'titleStart', 'heading', 'body', 'span', 'children', 'parent', 'depth', 'path', 'isTask', 'unitClauses', 'units', 'deadlines', 'enumerations']);
  assert.deepEqual(Object.keys(parsePlan(TEXT).tasks[0]!), Object.keys(node));
  // the title's span is made when read, from where the title starts and the title: no object an item
  assert.deepEqual(node.titleSpan, { start: TEXT.indexOf('加强第1项'), end: TEXT.indexOf('加强第1项') + '加强第1项工作（办公室牵头）'.length });
  assert.equal(node.title, '加强第1项工作（办公室牵头）');
  // 20,001 items without a deadline or an enumeration: one record
  const records = [...j.details.byItem.values()];
  assert.equal(records.length, 20001);
  assert.equal(new Set(records).size, 1);
  assert.deepEqual(records[0], { deadlines: [], enumerations: [] });
});

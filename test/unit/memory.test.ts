// What the engine keeps alive (issue 18): a parse leaves nothing behind once its result is dropped
// (the parser, kept for the next call, held every token of the last text: six a line), and a plan
// model stays within its budget of bytes per byte of text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseLines } from '../../server/src/engine/parser/parser.js';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

// Budgets stand well above what is measured alone (27 and 13.4 bytes; the table at 20, the target): a CI run under load
// measured the table at 18.2 once (strings come out flat or as ropes depending on which code tier made
// them), and a guard that fails on noise guards nothing. bench/ reports the real figures.
/** 20,000 numbered tasks with their unit clauses (the `headings` shape of bench/lib/shapes.mjs). */
const TEXT = `某县2024年政务公开工作要点\n一、重点任务\n${Array.from({ length: 20000 }, (_, i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）\n`).join('')}`;
const BYTES = Buffer.byteLength(TEXT);

test('the line parser keeps nothing of a text once its lines are dropped', () => {
  parseLines('预热\n'); // the parser itself (made once) is not the text's
  const before = heap();
  let lines: unknown[] | undefined = parseLines(TEXT);
  assert.equal(lines.length, 20003);
  lines = undefined;
  const after = heap();
  // every token kept would be 120,000 objects, some 9 MB
  assert.ok(after - before < 1024 * 1024, `${((after - before) / 1048576).toFixed(1)} MB still alive`);
});

test('a plan model of numbered tasks keeps at most 34 bytes per byte of text', () => {
  parsePlan('2021年工作要点\n一、任务\n1. 甲。（办公室负责）\n');
  const before = heap();
  const plan = parsePlan(TEXT);
  const kept = heap() - before;
  assert.equal(plan.tasks.length, 20000);
  assert.ok(kept / BYTES <= 34, `${(kept / BYTES).toFixed(1)} bytes per byte of text (${(kept / 1048576).toFixed(1)} MB for ${BYTES} bytes)`);
});

test('the task table of those tasks keeps at most 20 bytes per byte of text, the plan freed', () => {
  const before = heap();
  let plan: ReturnType<typeof parsePlan> | undefined = parsePlan(TEXT);
  const table = buildTaskTable(plan);
  plan = undefined;
  const kept = heap() - before;
  assert.equal(table.tasks.length, 20000);
  // the groups above a task are one list per group, shared by its tasks
  assert.equal(table.tasks[0]!.sections, table.tasks[19999]!.sections);
  assert.ok(kept / BYTES <= 20, `${(kept / BYTES).toFixed(1)} bytes per byte of text`);
});

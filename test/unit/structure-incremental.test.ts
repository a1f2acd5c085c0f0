// readStructure with a LineCache (issue 18): after an edit it keeps the previous version's findings
// on the lines before the touched ones and moves those on the lines after them, reading only the
// touched lines — unless the table scan reaches the lines after them in another state (a header
// typed above a table), where it reads on. The result equals a scan from scratch either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCache } from '../../server/src/engine/parser/parser.js';
import { readStructure } from '../../server/src/engine/model/structure.js';

const TABLE = ['2024年工作要点', '一、主要任务', '序号\t工作任务\t牵头单位\t完成时限', '1\t加强管理\t办公室\t6月底前', '2\t推进公开（《条例》）\t财政局\t年底前', '（一）落实责任', '3.细化分工', '## 保障措施'];

/** readStructure of `before` then of `after` with one cache, and a scan of `after` from scratch */
function twice(before: string, after: string) {
  const cache = new LineCache();
  const old = readStructure(before, cache);
  const incremental = readStructure(after, cache);
  const full = readStructure(after);
  // each line's pairs (a LinePairs shares the previous version's, so its insides differ)
  assert.deepEqual(incremental.pairsByLine.entries(), full.pairsByLine.entries());
  return { old, incremental, full };
}

test('a keystroke above a table: the rows, markers, pairs and headings below are the old ones moved by one code unit', () => {
  const before = TABLE.join('\n');
  const after = before.replace('主要任务', '主要的任务');
  const { old, incremental, full } = twice(before, after);
  assert.deepEqual(incremental, full);
  assert.deepEqual([...incremental.tableRows.keys()], [3, 4]);
  assert.equal(incremental.tableRows.get(3)!.number!.span.start, old.tableRows.get(3)!.number!.span.start + 1);
  // the row's 序号 is the very marker of the structure's list (one copy, as a scan makes it)
  assert.equal(incremental.markers.find((m) => m.line === 3), incremental.tableRows.get(3)!.number);
  assert.deepEqual(incremental.pairsByLine.get(4)!.pairs.map((p) => [p.open, p.close]), old.pairsByLine.get(4)!.pairs.map((p) => [p.open + 1, p.close + 1]));
  assert.deepEqual([...incremental.headings.values()].map((h) => [h.line, h.kind, h.text]), [[0, 'short', '2024年工作要点'], [7, 'markdown', '保障措施']]);
});

test('an edit that keeps the length and the line count: the lines after it keep the very objects', () => {
  const before = TABLE.join('\n');
  const after = before.replace('主要任务', '重点任务');
  const { old, incremental, full } = twice(before, after);
  assert.deepEqual(incremental, full);
  assert.equal(incremental.tableRows.get(4), old.tableRows.get(4));
  assert.equal(incremental.paragraphs[7], old.paragraphs[7]);
});

test('lines inserted above a table: what the lines below hold moves down by as many lines', () => {
  const before = TABLE.join('\n');
  const after = before.replace('一、主要任务', '一、主要任务\n（一）新增\n（二）再增');
  const { incremental, full } = twice(before, after);
  assert.deepEqual(incremental, full);
  assert.deepEqual([...incremental.tableRows.keys()], [5, 6]);
  assert.deepEqual(incremental.markers.map((m) => [m.line, m.rank, m.value]), [[1, 1, 1], [2, 2, 1], [3, 2, 2], [5, 3, 1], [6, 3, 2], [7, 2, 1], [8, 3, 3]]);
});

test('a header made and unmade above the rows: the scan reads on below the edit, the rows come and go', () => {
  const before = ['2024年工作要点', '一、主要任务', '工作任务\t牵头单位\t完成时限', '加强管理\t办公室\t6月底前', '推进公开\t财政局\t年底前', '（一）落实责任'].join('\n');
  // `工作任务` → `（二）作任务`: a numbered line, no header; the lines below, unnumbered, are no rows then
  const unmade = before.replace('工作任务\t', '（二）作任务\t');
  const a = twice(before, unmade);
  assert.deepEqual(a.incremental, a.full);
  assert.deepEqual([...a.incremental.tableRows.keys()], [2]);
  const b = twice(unmade, before);
  assert.deepEqual(b.incremental, b.full);
  assert.deepEqual([...b.incremental.tableRows.keys()], [3, 4]);
});

test('edits at 40 places, one after another: each line\'s pairs are those of a scan from scratch (the previous versions\' pairs shared in segments, then moved into one map)', () => {
  const lines = ['2024年工作要点', '一、主要任务', ...Array.from({ length: 60 }, (_, i) => `（${i + 1}）加强管理（办公室牵头）。`)];
  const cache = new LineCache();
  let text = lines.join('\n');
  readStructure(text, cache);
  for (let k = 0; k < 40; k++) {
    // a line deleted or an unclosed bracket typed, every other time, further down each time
    const at = text.indexOf('\n', text.length * ((k * 0.37) % 1)) + 1;
    text = k % 2 ? text.slice(0, at) + '（' + text.slice(at) : text.slice(0, at) + text.slice(text.indexOf('\n', at) + 1);
    const incremental = readStructure(text, cache);
    const full = readStructure(text);
    assert.deepEqual(incremental.pairsByLine.entries(), full.pairsByLine.entries(), `edit ${k}`);
    assert.deepEqual(incremental.pairProblems, full.pairProblems, `edit ${k}`);
  }
});

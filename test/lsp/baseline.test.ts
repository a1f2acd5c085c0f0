// The language server honours .fengong-baseline.json as `fengong check` does: problems in the
// nearest baseline are not published, also after edits elsewhere in the document; a baseline
// written later (didChangeWatchedFiles, or after BASELINE_LOOKUP_MS without) takes effect without
// reopening.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { BASELINE_LOOKUP_MS } from '../../server/src/baseline/store.js';
import { LspClient, cliDiagnostics, asCli, cliShape as strip, tempDir, ROOT } from './client.js';

function examplePlan() {
  const dir = tempDir();
  const file = join(dir, 'plan.txt');
  copyFileSync(join(ROOT, 'examples', '2024年政务公开工作要点.txt'), file);
  return { dir, file, uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

const at = (d: { range: { start: { line: number; character: number } }; code?: unknown }) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`;

test('baselined problems are not published; an edit elsewhere keeps them hidden; a new problem shows', async () => {
  const p = examplePlan();
  const all = cliDiagnostics(p.file).map(strip);
  assert.equal(all.length, 4);
  const { client } = await LspClient.start({ locale: 'zh' });
  try {
    await client.open(p.uri, p.text);
    assert.deepEqual((await client.diagnosticsFor(p.uri, 1)).diagnostics.map(asCli), all, 'no baseline yet: everything');
    // a baseline of every current problem, written by the CLI, then announced as a watched-file change
    const up = spawnSync(process.execPath, [join(ROOT, 'bin', 'fengong.cjs'), 'check', '--baseline-update', 'plan.txt'], { cwd: p.dir, encoding: 'utf8' });
    assert.equal(up.status, 0, up.stderr);
    const hidden = client.nextDiagnostics(p.uri);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(p.dir, '.fengong-baseline.json')).href, type: 1 }] });
    assert.deepEqual((await hidden).diagnostics, []);
    // two lines typed at the top, and a task without units: only the new task is reported
    const edited = client.nextDiagnostics(p.uri, (x) => x.version === 2);
    await client.change(p.uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '说明。\n\n' }]);
    assert.deepEqual((await edited).diagnostics, []);
    // a new task (8.) after task 7 on line 22 (24 now), naming no units: only it is reported
    const added = client.nextDiagnostics(p.uri, (x) => x.version === 3);
    await client.change(p.uri, 3, [{ range: { start: { line: 24, character: 0 }, end: { line: 24, character: 0 } }, text: '　　8.完善网上办事指南。\n' }]);
    assert.deepEqual((await added).diagnostics.map(at), ['25:3 task-unit']);
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

test('without a watched-file event, a baseline created is found within BASELINE_LOOKUP_MS, and an edit of it counts at once', async () => {
  const p = examplePlan();
  const all = cliDiagnostics(p.file).map(strip);
  const { client } = await LspClient.start({ locale: 'zh' });
  try {
    await client.open(p.uri, p.text);
    assert.deepEqual((await client.diagnosticsFor(p.uri, 1)).diagnostics.map(asCli), all);
    const up = spawnSync(process.execPath, [join(ROOT, 'bin', 'fengong.cjs'), 'check', '--baseline-update', 'plan.txt'], { cwd: p.dir, encoding: 'utf8' });
    assert.equal(up.status, 0, up.stderr);
    await new Promise((r) => setTimeout(r, BASELINE_LOOKUP_MS + 100));
    // a line typed at the top: the lint after it finds the new baseline
    let next = client.nextDiagnostics(p.uri, (x) => x.version === 2);
    await client.change(p.uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '说明。\n\n' }]);
    assert.deepEqual((await next).diagnostics, []);
    // the baseline emptied on disk: the next keystroke shows every problem again, without waiting
    writeFileSync(join(p.dir, '.fengong-baseline.json'), '{\n  "version": 1,\n  "files": {}\n}\n');
    next = client.nextDiagnostics(p.uri, (x) => x.version === 3);
    await client.change(p.uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    assert.deepEqual((await next).diagnostics.map(asCli), all);
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

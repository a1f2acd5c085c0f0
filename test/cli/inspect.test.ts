// `fengong inspect`: why fengong judged a document as it did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, fengong } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/plans/', import.meta.url));

test('text: the title, the genre and why, each item with its section role or its units', () => {
  const r = fengong(['inspect', 'wps-indented.txt'], { cwd: FIXTURES });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    'wps-indented.txt',
    '标题：某某县民政局2024年政务公开工作要点',
    '文种：工作计划类（分解任务）',
    '依据：标题文种为“工作要点”',
    '任务：4',
    '',
    '3  一、推进决策公开',
    '  4  （一）严格落实重大行政决策预公开制度 → 办公室（牵头）、各股室（配合）',
    '  5  （二）做好政策解读工作 → 政策法规股（负责）',
    '6  二、推进执行和结果公开',
    '  7  （一）公开重点工作推进情况 → 办公室（牵头）、各股室（配合）',
    '  8  （三）做好建议提案办理结果公开 → 未写明责任单位',
    '9  三、组织保障 [总体要求类部分]',
    '  10  （一）加强组织领导 [总体要求类部分] — 总体要求类段落，不列为任务',
    '',
  ].join('\n'));
});

test('json, in English: an 意见 that names no unit assigns no work, and says so', () => {
  const r = fengong(['inspect', '--format', 'json', '--locale', 'en', join(CORPUS, '110_guoban-2019-4-sanji-gongli-yiyuan-jixiao-kaohe-yijian.txt')]);
  assert.equal(r.code, 0, r.stderr);
  const [e] = JSON.parse(r.stdout) as { genre: string; assignsWork: boolean; basis: string; reasons: string[]; items: { isTask: boolean; reason?: string }[] }[];
  assert.deepEqual([e!.genre, e!.assignsWork, e!.basis, e!.reasons], ['other', false, 'body', ['the title’s genre word is “意见”', 'the body names no responsible unit']]);
  assert.ok(e!.items.every((i) => !i.isTask));
  assert.equal(e!.items.find((i) => i.reason)!.reason, 'this genre assigns no work: not a task');
});

test('--document-kind overrides, a missing file is exit 2, no file is a usage error', () => {
  const r = fengong(['inspect', '--document-kind', 'report', 'wps-indented.txt'], { cwd: FIXTURES });
  assert.match(r.stdout, /文种：报告、总结类\n依据：配置指定为 report\n任务：0\n/);
  assert.equal(fengong(['inspect', 'nope.txt'], { cwd: FIXTURES }).code, 2);
  const none = fengong(['inspect']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /没有给出文件/);
});

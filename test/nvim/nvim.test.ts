// A real, independent LSP client, configured exactly as README.md tells users: the Lua snippet is
// read out of README.md and used verbatim as init.lua by Debian's Neovim (0.7) headless, in a folder
// outside the checkout, with fengong installed from the packed tarball (`npm install --global`) and
// found on PATH. What vim.diagnostic.get() holds must be exactly what that `fengong check --format
// json` reports for the same file; *.plan files are plans too, other .txt files are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPacked, ROOT, type Installed } from '../cli/installed.js';

let installation: Installed | undefined;
/** fengong packed and installed once for both tests */
const installed = (): Installed => (installation ??= installPacked());

/** the ```lua block of README's Neovim section */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.indexOf('### 其他编辑器（Neovim 等）');
  assert.ok(section >= 0, 'README has the Neovim section');
  const start = readme.indexOf('```lua\n', section);
  const end = readme.indexOf('```\n', start + 7);
  assert.ok(start > section && end > start, 'a ```lua block in it');
  return readme.slice(start + 7, end);
}

// run after the files are loaded (-c): waits for the plan's diagnostics, notes every buffer's
// filetype and attached clients, writes them out, quits
const PROBE = String.raw`
vim.cmd('silent argdo edit') -- visit every file given, as a user would: each gets its filetype
vim.cmd('silent first')
local out = os.getenv('FENGONG_OUT')
local plan = vim.fn.bufnr(os.getenv('FENGONG_PLAN'))
local deadline = vim.loop.now() + 30000
-- every plan buffer's client attaches on its own schedule: wait for them too (a CI run once read
-- the second plan's clients before its attach had finished)
local function attached()
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.bo[b].filetype == 'workplan' and #vim.lsp.buf_get_clients(b) == 0 then return false end
  end
  return true
end
local timer = vim.loop.new_timer()
timer:start(100, 100, vim.schedule_wrap(function()
  local ds = vim.diagnostic.get(plan)
  if (#ds == 0 or not attached()) and vim.loop.now() < deadline then return end
  timer:stop()
  local list = {}
  for _, d in ipairs(ds) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code })
  end
  local buffers = {}
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    local names = {}
    for _, c in pairs(vim.lsp.buf_get_clients(b)) do table.insert(names, c.name) end
    buffers[vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':t')] = { filetype = vim.bo[b].filetype, clients = names }
  end
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode({ version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), diagnostics = list, buffers = buffers }))
  f:close()
  vim.cmd('qa!')
end))
`;

test('Neovim, configured by README\'s snippet verbatim: diagnostics equal the installed `fengong check`', () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, 'Neovim is not installed: run `apt-get install -y neovim` (Debian\'s 0.7 is enough), or scripts/install-system-deps.sh');
  const { base: dir, env } = installed();
  const planName = '2024年政务公开工作要点.txt';
  copyFileSync(join(ROOT, 'test', 'corpus', '000_6fbd649499c5ed32.txt'), join(dir, planName));
  copyFileSync(join(ROOT, 'examples', '任务分工-清洁示例.plan'), join(dir, '清洁.plan'));
  writeFileSync(join(dir, '笔记.txt'), '这不是计划。\n');
  writeFileSync(join(dir, 'init.lua'), readmeSnippet());
  writeFileSync(join(dir, 'probe.lua'), PROBE);
  const out = join(dir, 'diagnostics.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'init.lua', planName, '清洁.plan', '笔记.txt', '-c', 'luafile probe.lua'], {
    cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...env, FENGONG_OUT: out, FENGONG_PLAN: planName },
  });
  assert.ok(existsSync(out), `Neovim wrote no diagnostics (exit ${r.status}, ${r.signal ?? ''}): ${r.stderr}${r.stdout}`);
  const got = JSON.parse(readFileSync(out, 'utf8')) as {
    version: string;
    diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[];
    buffers: Record<string, { filetype: string; clients: string[] }>;
  };
  assert.match(got.version, /^0\.\d+$/);
  assert.deepEqual(got.buffers[planName], { filetype: 'workplan', clients: ['fengong'] });
  assert.deepEqual(got.buffers['清洁.plan'], { filetype: 'workplan', clients: ['fengong'] });
  assert.deepEqual(got.buffers['笔记.txt'], { filetype: 'text', clients: [] }, 'other .txt files are left alone');

  // the reference: the same installed fengong, as a CI run would call it
  const cli = spawnSync('fengong', ['check', '--format', 'json', planName], { cwd: dir, env, encoding: 'utf8' });
  const messages = (JSON.parse(cli.stdout) as { messages: { line: number; column: number; endLine: number; endColumn: number; severity: number; message: string; ruleId: string; uncertain?: true }[] }[])[0]!.messages;
  // Neovim keeps columns in bytes of the UTF-8 buffer; the engine counts UTF-16 code units
  const lines = readFileSync(join(dir, planName), 'utf8').split(/\r\n|\n|\r/);
  const byteCol = (line: number, utf16: number) => Buffer.byteLength(lines[line]!.slice(0, utf16), 'utf8');
  const expected = messages.map((m) => ({
    lnum: m.line - 1, col: byteCol(m.line - 1, m.column - 1), end_lnum: m.endLine - 1, end_col: byteCol(m.endLine - 1, m.endColumn - 1),
    // a finding that rests on an assumption is Information (3) in the editor
    severity: m.uncertain ? 3 : m.severity === 2 ? 1 : 2, message: m.message, source: 'fengong', code: m.ruleId,
  }));
  const order = (a: { lnum: number; col: number; code: string; message: string }, b: typeof a) =>
    a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
  assert.equal(expected.length, 17);
  assert.deepEqual([...got.diagnostics].sort(order), [...expected].sort(order));
});

// Drafting through Neovim's own LSP client: the completion items it gets after `（` in a task's
// unit clause (converted by Neovim's own vim.lsp.util, as its omnifunc does), and
// vim.lsp.buf.rename() of a unit, which Neovim applies to the open plan and to the other plan of
// the folder (the workspace the README snippet's root_dir names); `:wa` writes both.
const DRAFT_PROBE = String.raw`
local out = os.getenv('FENGONG_OUT')
local result = {}
local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
local deadline = vim.loop.now() + 40000
local function words()
  vim.fn.cursor(3, 1)
  vim.fn.search('。（区发改委')
  local r, c = unpack(vim.api.nvim_win_get_cursor(0))
  vim.api.nvim_win_set_cursor(0, { r, c + #'。（' })
  local res = vim.lsp.buf_request_sync(0, 'textDocument/completion', vim.lsp.util.make_position_params(), 5000) or {}
  local list = {}
  for _, r in pairs(res) do
    for _, item in ipairs(vim.lsp.util.text_document_completion_list_to_complete_items(r.result or {}, '')) do table.insert(list, item.word) end
  end
  return list
end
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  if #vim.lsp.buf_get_clients(0) == 0 then return end
  local list = words()
  -- the workspace index is built after the server starts: wait for the other plan's unit
  if not vim.tbl_contains(list, '区大数据局') and vim.loop.now() < deadline then return end
  timer:stop()
  result.completion = list
  vim.fn.cursor(7, 1)
  vim.fn.search('区发改委')
  vim.lsp.buf.rename('区发展改革委')
  local t2 = vim.loop.new_timer()
  t2:start(100, 100, vim.schedule_wrap(function()
    local line = vim.fn.getline(7)
    if not line:find('区发展改革委') and vim.loop.now() < deadline then return end
    t2:stop()
    vim.cmd('silent! wa')
    result.buffers = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) then result.buffers[vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':t')] = vim.bo[b].modified end
    end
    finish()
  end))
end))
`;

test('Neovim: completion and rename through its own LSP client, across the folder\'s plans', () => {
  const { base, env } = installed();
  const dir = join(base, 'drafting');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  const planA = ['某某区2024年政务公开工作要点', '一、推进决策公开', '（一）严格落实重大行政决策预公开制度。（区发改委牵头，各街道配合）', '（二）做好政策解读工作。（区司法局负责）',
    '二、推进执行公开', '（一）公开重点工作推进情况。（区财政局牵头）', '（二）推进数据开放。（区发改委、区财政局分别牵头，各有关部门配合）', ''].join('\n');
  const planB = ['某某区2025年数字政府建设工作方案', '一、重点任务', '1.推进数据共享。（区发改委牵头，区大数据局配合）', ''].join('\n');
  const fileA = join(dir, '2024年工作要点.txt');
  const fileB = join(dir, 'sub', '2025年工作方案.txt');
  writeFileSync(fileA, planA);
  writeFileSync(fileB, planB);
  writeFileSync(join(dir, 'init.lua'), readmeSnippet());
  writeFileSync(join(dir, 'probe.lua'), DRAFT_PROBE);
  const out = join(dir, 'drafting.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'init.lua', '2024年工作要点.txt', '-c', 'luafile probe.lua'], {
    cwd: dir, encoding: 'utf8', timeout: 90_000, env: { ...env, FENGONG_OUT: out },
  });
  assert.ok(existsSync(out), `Neovim wrote nothing (exit ${r.status}, ${r.signal ?? ''}): ${r.stderr}${r.stdout}`);
  const got = JSON.parse(readFileSync(out, 'utf8')) as { completion: string[]; buffers: Record<string, boolean> };
  // this plan's units in order of appearance, then the other plan's
  assert.deepEqual(got.completion, ['区发改委', '各街道', '区司法局', '区财政局', '各有关部门', '区大数据局']);
  // the rename reached both files, and :wa wrote them
  assert.equal(readFileSync(fileA, 'utf8'), planA.replaceAll('区发改委', '区发展改革委'));
  assert.equal(readFileSync(fileB, 'utf8'), planB.replaceAll('区发改委', '区发展改革委'));
  assert.deepEqual(got.buffers, { '2024年工作要点.txt': false, '2025年工作方案.txt': false });
});

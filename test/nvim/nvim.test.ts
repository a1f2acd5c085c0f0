// A real, independent LSP client: Debian's Neovim (0.7) headless, a few lines of Lua starting
// `fengong lsp --stdio` for a copy of corpus plan 000. What vim.diagnostic.get() holds must be
// exactly what `fengong check --format json` reports for the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliDiagnostics, corpusCopy, serverCommand } from '../lsp/client.js';

const INIT_LUA = String.raw`
local out = os.getenv('FENGONG_OUT')
local cmd = vim.fn.json_decode(os.getenv('FENGONG_CMD'))
local function write(payload)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(payload))
  f:close()
end
vim.api.nvim_create_autocmd('FileType', { pattern = 'workplan', callback = function(args)
  local buf = args.buf
  local id = vim.lsp.start_client({ name = 'fengong', cmd = cmd, root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(buf, id)
  local deadline = vim.loop.now() + 20000
  local timer = vim.loop.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    local ds = vim.diagnostic.get(buf)
    if #ds == 0 and vim.loop.now() < deadline then return end
    timer:stop()
    local list = {}
    for _, d in ipairs(ds) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code })
    end
    write({ version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), diagnostics = list })
    vim.cmd('qa!')
  end))
end })
`;

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

test('Neovim headless: vim.diagnostic.get() equals `fengong check` for corpus plan 000', () => {
  const version = nvimVersion();
  assert.ok(version, 'Neovim is not installed: run `apt-get install -y neovim` (Debian\'s 0.7 is enough), or scripts/install-system-deps.sh');
  const plan = corpusCopy();
  const init = join(plan.dir, 'init.lua');
  const out = join(plan.dir, 'diagnostics.json');
  writeFileSync(init, INIT_LUA);
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', init, plan.file, '-c', 'set filetype=workplan'], {
    cwd: plan.dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FENGONG_OUT: out, FENGONG_CMD: JSON.stringify([process.execPath, ...serverCommand()]) },
  });
  assert.ok(existsSync(out), `Neovim wrote no diagnostics (exit ${r.status}, ${r.signal ?? ''}): ${r.stderr}${r.stdout}`);
  const got = JSON.parse(readFileSync(out, 'utf8')) as { version: string; diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[] };

  // Neovim keeps columns in bytes of the UTF-8 buffer; the engine counts UTF-16 code units
  const lines = plan.text.split(/\r\n|\n|\r/);
  const byteCol = (line: number, utf16: number) => Buffer.byteLength(lines[line]!.slice(0, utf16), 'utf8');
  const expected = cliDiagnostics(plan.file).map((m) => ({
    lnum: m.line - 1, col: byteCol(m.line - 1, m.column - 1), end_lnum: m.endLine - 1, end_col: byteCol(m.endLine - 1, m.endColumn - 1),
    severity: m.severity === 2 ? 1 : 2, message: m.message, source: 'fengong', code: m.ruleId,
  }));
  const order = (a: { lnum: number; col: number; code: string; message: string }, b: typeof a) =>
    a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
  assert.equal(expected.length, 23);
  assert.deepEqual([...got.diagnostics].sort(order), [...expected].sort(order));
});

// Renders the exported 任务分工表 as an office would see it printed: `fengong table` writes docx and
// xlsx files from corpus plans, LibreOffice (headless, Debian's libreoffice-writer/calc) turns them
// into PDF, pdftoppm (poppler-utils) the first page of each into a PNG under test/e2e/screenshots/.
// The GB/T 9704 fonts are shown in their nearest free Noto CJK faces (test/e2e/fonts.conf).
//
// usage: node test/e2e/render-tables.mjs   (run by test/e2e/run.mjs; needs npm run build first)
// Exit 1 when a file is not written or not rendered; prints each PNG's path and size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const CORPUS = path.join(ROOT, 'test', 'corpus');
const BIN = path.join(ROOT, 'bin', 'fengong.cjs');

/** [png name, corpus plan, fengong table arguments] */
export const TABLES = [
  ['table-docx.png', '000_6fbd649499c5ed32.txt', ['--format', 'docx']],
  ['table-docx-by-unit.png', '000_6fbd649499c5ed32.txt', ['--by', 'unit', '--format', 'docx']],
  ['table-xlsx.png', '004_acf7e94b039c0b3c.txt', ['--format', 'xlsx']],
  ['table-docx-no-units.png', '002_ee5f435a77f4a9d5.txt', ['--format', 'docx']],
];

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
if (!soffice || spawnSync('sh', ['-c', 'command -v pdftoppm']).status !== 0) {
  console.error('render-tables: LibreOffice and pdftoppm are needed (scripts/install-system-deps.sh installs them)');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fengong-render-'));
// LibreOffice keeps a profile: a fresh one per run, so a user's settings or a stale lock never interfere
const env = { ...process.env, FONTCONFIG_FILE: path.join(ROOT, 'test', 'e2e', 'fonts.conf'), HOME: work };
let failed = 0;
try {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [png, plan, args] of TABLES) {
    const ext = args[args.indexOf('--format') + 1];
    const out = path.join(work, `${path.basename(png, '.png')}.${ext}`);
    const t = spawnSync(process.execPath, [BIN, 'table', path.join(CORPUS, plan), ...args, '-o', out], { encoding: 'utf8' });
    if (t.status !== 0 || !fs.existsSync(out)) { console.error(`render-tables: fengong table failed for ${png}: ${t.stderr}`); failed++; continue; }
    const c = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${work}/lo`, '--convert-to', 'pdf', '--outdir', work, out],
      { env, encoding: 'utf8', timeout: 120_000 });
    const pdf = out.replace(/\.\w+$/, '.pdf');
    if (c.status !== 0 || !fs.existsSync(pdf)) { console.error(`render-tables: LibreOffice did not convert ${out}: ${c.stderr}`); failed++; continue; }
    const prefix = path.join(work, path.basename(png, '.png'));
    const p = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { encoding: 'utf8' });
    if (p.status !== 0 || !fs.existsSync(prefix + '.png')) { console.error(`render-tables: pdftoppm failed for ${pdf}: ${p.stderr}`); failed++; continue; }
    fs.copyFileSync(prefix + '.png', path.join(SHOTS, png));
    console.log(`render-tables: test/e2e/screenshots/${png} (${(fs.statSync(prefix + '.png').size / 1024).toFixed(0)} KiB) from ${plan} ${args.join(' ')}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`render-tables: ${TABLES.length - failed} rendered, ${failed} failed`);
process.exit(failed ? 1 : 0);

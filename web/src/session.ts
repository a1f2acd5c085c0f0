// One plan open in the page: its text, the one Analysis the language server would make of it (the
// same lint, fixes, outline and task table), and the bytes to download. No DOM here.
import type { TextEdit } from 'vscode-languageserver-types';
import { defaultConfig, mergeConfig } from '../../server/src/engine/index.js';
import type { DocumentKind, Locale } from '../../server/src/engine/index.js';
import { encodeText } from '../../server/src/io/encoding.js';
import { placeAt } from '../../server/src/io/word-source.js';
import { buildTaskTable, type TaskTable } from '../../server/src/table/build.js';
import { Analysis } from '../../server/src/lsp/analysis.js';
import type { PageSource } from './readers.js';

export interface Settings {
  locale: Locale;
  documentKind: DocumentKind | 'auto';
}

export class Session {
  analysis: Analysis;
  /** milliseconds the last check took (lint only; the page's drawing is timed apart) */
  lintMs = 0;
  private version = 0;
  /** the text as last loaded or downloaded */
  private savedText: string;

  constructor(readonly source: PageSource, private settings: Settings, text = source.text) {
    this.analysis = this.analyse(text);
    this.savedText = source.pasted ? '' : source.text;
  }

  /** fixed or edited since it was opened or last downloaded */
  get unsaved(): boolean {
    return this.text !== this.savedText;
  }

  saved(): void {
    this.savedText = this.text;
  }

  get text(): string {
    return this.analysis.text;
  }

  /** The table the exports write: as `fengong table` builds it, an office file's rows placed in it
   *  (the 位置 column of md and csv: `第12段`, `工作表“任务分解”第7行B列`). */
  get table(): TaskTable {
    const a = this.analysis;
    const word = this.source.word;
    if (!word) return a.table;
    return (this.tableCache?.for === a ? this.tableCache : (this.tableCache = {
      for: a,
      table: buildTaskTable(a.plan, { units: a.config.units, file: this.source.name, placeOf: (line, character) => placeAt(word, line, character) }),
    })).table;
  }

  private tableCache?: { for: Analysis; table: TaskTable };

  /** Checks the text again (after an edit, a fix, or a change of language or document kind). */
  update(text: string, settings: Settings = this.settings): void {
    this.settings = settings;
    this.analysis = this.analyse(text);
  }

  private analyse(text: string): Analysis {
    const config = mergeConfig(defaultConfig(), { locale: this.settings.locale, documentKind: this.settings.documentKind });
    // the title a Word document marks itself (its Title style, a centred large opening), as the CLI passes it
    const title = this.source.word?.titleLines;
    if (title) config.titleLines = title;
    const t = performance.now();
    const a = new Analysis(`page:${this.source.name}`, ++this.version, text, config, this.source.name);
    void a.lsp; // the messages as the editor shows them: part of the check
    this.lintMs = performance.now() - t;
    return a;
  }

  /** Applies LSP edits (a quick fix's) to the text, last first so earlier offsets stay valid. */
  applyEdits(edits: TextEdit[]): void {
    const a = this.analysis;
    const spans = edits.map((e) => ({ start: a.offsetAt(e.range.start), end: a.offsetAt(e.range.end), text: e.newText }));
    spans.sort((x, y) => y.start - x.start || y.end - x.end);
    let out = a.text;
    for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
    this.update(out);
  }

  /** 修复全部: the text `fengong check --fix` would write. */
  fixAll(): void {
    this.update(this.analysis.fixed);
  }

  /** The text as a file: a text file in its own encoding, BOM and line endings; an office file's
   *  text (Word, Excel) as UTF-8 .txt with BOM and CRLF, which Notepad and WPS open. */
  download(): { name: string; bytes: Uint8Array } {
    const { name, encoding } = this.source;
    const meta = this.source.word || !encoding ? { encoding: 'utf8' as const, bom: true, eol: '\r\n' as const } : encoding;
    const fileName = this.source.word ? name.replace(/\.[^.]*$/, '') + '.txt' : name;
    return { name: fileName, bytes: encodeText(this.text, meta) };
  }
}

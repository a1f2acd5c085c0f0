// One lint of one document version and what the features derive from it (lazily: a keystroke pays
// for the lint only; the task table, unit index and fixed text are built when something asks).
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { lint, fixText, type LineCache } from '../engine/index.js';
import type { Diagnostic, EngineConfig } from '../engine/types.js';
import type { PlanDocument, PlanItem, Span } from '../engine/model/types.js';
import { unitMentions, type UnitMention } from '../engine/drafting/index.js';
import { LineIndex } from '../engine/text/lineIndex.js';
import { buildTaskTable, type TaskTable } from '../table/build.js';
import { toLspDiagnostic } from './convert.js';

export type { UnitMention };

export class Analysis {
  readonly lines: LineIndex;
  readonly plan: PlanDocument;
  readonly diagnostics: Diagnostic[];
  private lspCache?: LspDiagnostic[];
  private tableCache?: TaskTable;
  private mentionsCache?: UnitMention[];
  private mentionsByItem?: Map<PlanItem, UnitMention[]>;
  private fixedCache?: string;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly config: EngineConfig,
    /** the file name given to the task table (its `documents[0].file`) */
    readonly fileName?: string,
    /** the document's previous version, so a keystroke re-reads only the lines it touched */
    cache?: LineCache,
  ) {
    const r = lint(text, config, undefined, cache);
    this.plan = r.plan;
    this.diagnostics = r.diagnostics;
    // the lint just recorded every line of this text in the cache: its starts are the index's
    this.lines = new LineIndex(text, cache?.text === text ? cache.lines?.starts : undefined);
  }

  get lsp(): LspDiagnostic[] {
    return (this.lspCache ??= this.diagnostics.map((d) => toLspDiagnostic(this.lines, this.uri, d)));
  }

  get table(): TaskTable {
    return (this.tableCache ??= buildTaskTable(this.plan, { units: this.config.units, file: this.fileName }));
  }

  /** every unit named in the plan, in document order */
  get mentions(): UnitMention[] {
    return (this.mentionsCache ??= unitMentions(this.plan, this.config.units));
  }

  /** the units one item names, in document order: the outline asks for every item's, and scanning
   *  every mention for each made it quadratic (9,999 tasks: 299 ms; issue 18) */
  mentionsOf(item: PlanItem): UnitMention[] {
    if (!this.mentionsByItem) {
      this.mentionsByItem = new Map();
      for (const m of this.mentions) {
        const list = this.mentionsByItem.get(m.item);
        if (list) list.push(m);
        else this.mentionsByItem.set(m.item, [m]);
      }
    }
    return this.mentionsByItem.get(item) ?? [];
  }

  /** the text after every safe fix, as `fengong check --fix` writes it */
  get fixed(): string {
    return (this.fixedCache ??= fixText(this.text, this.config).text);
  }

  offsetAt(pos: { line: number; character: number }): number {
    return this.lines.offsetAt(pos);
  }

  /** the innermost item whose heading (marker through title) holds the offset */
  headingAt(offset: number): PlanItem | undefined {
    for (const item of this.plan.allItems) {
      if (offset >= item.marker.span.start && offset < Math.max(item.titleSpan.end, item.marker.span.end)) return item;
      if (item.marker.span.start > offset) break;
    }
    return undefined;
  }

  /** the innermost item whose extent holds the offset */
  itemAt(offset: number): PlanItem | undefined {
    let found: PlanItem | undefined;
    let list = this.plan.items;
    for (;;) {
      const hit = list.find((i) => offset >= i.span.start && offset < i.span.end);
      if (!hit) return found;
      found = hit;
      list = hit.children;
    }
  }

  mentionAt(offset: number): UnitMention | undefined {
    return this.mentions.find((m) => offset >= m.ref.span.start && offset < m.ref.span.end);
  }

  itemByLine(line: number): PlanItem | undefined {
    return this.plan.allItems.find((i) => i.heading.line === line);
  }
}

export const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

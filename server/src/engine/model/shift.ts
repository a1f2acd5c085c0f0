// Moving what a scan found on the lines after an edit by the edit's change of length and of line
// count: a keystroke in a 10,000-line plan copies the previous version's paragraphs, pairs, markers,
// headings and table rows of the lines below it instead of reading those lines again (issue 18).
// Copies only: an earlier version's objects are never changed (an old Analysis may still be read).
import type { Deadline, InlineEnumeration, Paragraph, PairProblem, PairToken, Span, UnitRef } from './types.js';
import type { ParagraphPairs } from './pairs.js';
import type { TableRow, TableState } from './table.js';
import type { Heading, MarkerCandidate } from './structure.js';
import type { ClauseParse } from './units.js';
import { orNone } from './none.js';

/** how far the lines after an edit moved: code units and lines */
export interface Move {
  offset: number;
  lines: number;
}

/** Copies moved by one edit's Move. */
export class Shifter {
  /** nothing moved (an edit that kept the length and the line count): the objects themselves */
  readonly still: boolean;

  constructor(readonly by: Move) {
    this.still = by.offset === 0 && by.lines === 0;
  }

  span(s: Span): Span {
    return { start: s.start + this.by.offset, end: s.end + this.by.offset };
  }

  paragraph(p: Paragraph): Paragraph {
    if (this.still) return p;
    const span = this.span(p.span);
    // one object where the line has no indent, as readStructure makes it
    return { span, content: p.content === p.span ? span : this.span(p.content), line: p.line + this.by.lines };
  }

  /** a clause's parse moved, always a copy (even unmoved): its readers change the units they get
   *  (names as written, roles) */
  clauseParse(p: ClauseParse): ClauseParse {
    return {
      units: orNone(p.units.map((u) => {
        const out: UnitRef = { name: u.name, role: u.role, span: this.span(u.span) };
        if (u.separately) out.separately = true;
        return out;
      })),
      byRemit: p.byRemit,
      issues: orNone(p.issues.map((i) => ({ kind: i.kind, span: this.span(i.span), text: i.text }))),
    };
  }

  /** a paragraph's deadlines moved, always copies (the carried ones are kept from the paragraph's start) */
  deadlines(ds: Deadline[]): Deadline[] {
    return ds.map((d) => ({ ...d, span: this.span(d.span) }));
  }

  /** a paragraph's inline enumerations moved, always copies (the carried ones are kept from the
   *  paragraph's start) */
  enumerations(es: InlineEnumeration[]): InlineEnumeration[] {
    return es.map((e) => ({ style: e.style, entries: e.entries.map((x) => ({ value: x.value, raw: x.raw, span: this.span(x.span) })) }));
  }

  /** Field by field, in the order and with the fields of the literal that made it (classifyMarker's
   *  candidate, a 序号 cell's, a cell's, a labelled list's first entry), so a copy shares its
   *  original's hidden class. A spread of these objects of several shapes was a tenth of a
   *  keystroke; copying the optional fields where `in` found them made a shape per combination, and
   *  was 0.5 ms of a keystroke in the 10,000-line plan (issue 18). */
  marker(m: MarkerCandidate): MarkerCandidate {
    if (this.still) return m;
    const { rank, value, raw, delimiter, expectedDelimiter, strength } = m;
    const span = this.span(m.span);
    const line = m.line + this.by.lines;
    if (m.inTable) return { rank, value, raw, span, line, delimiter, strength, expectedDelimiter, inTable: m.inTable };
    if (m.cell !== undefined) return { rank, value, raw, span, line, cell: m.cell, strength, delimiter, expectedDelimiter, open: m.open, close: m.close };
    if (m.labelled) return { rank, value, raw, span, line, delimiter, expectedDelimiter, strength, labelled: m.labelled };
    return { rank, value, raw, span, line, delimiter, expectedDelimiter, strength, open: m.open, close: m.close };
  }

  /** the markers of the structure's list from `from` on; a table row's 序号 and cell markers are
   *  the same objects in the row and in the list, in the copy as well (`rows`: the moved rows) */
  markers(list: MarkerCandidate[], from: number, oldRows: Map<number, TableRow>, rows: Map<number, TableRow>, out: MarkerCandidate[]): void {
    for (let i = from; i < list.length; i++) {
      const m = list[i]!;
      const old = m.inTable || m.cell !== undefined ? oldRows.get(m.line) : undefined;
      const row = old && rows.get(m.line + this.by.lines)!;
      out.push(!row ? this.marker(m) : old!.number === m ? row.number! : row.cellMarkers[old!.cellMarkers.indexOf(m)]!);
    }
  }

  row(r: TableRow): TableRow {
    if (this.still) return r;
    // field by field in findTables' order (no spread), the lists by index (no closure per row)
    const cells: Span[] = new Array(r.cells.length);
    for (let i = 0; i < cells.length; i++) cells[i] = this.span(r.cells[i]!);
    const cellMarkers: MarkerCandidate[] = new Array(r.cellMarkers.length);
    for (let i = 0; i < cellMarkers.length; i++) cellMarkers[i] = this.marker(r.cellMarkers[i]!);
    return { line: r.line + this.by.lines, cells, number: r.number && this.marker(r.number), cellMarkers, columns: r.columns, taskCell: r.taskCell };
  }

  state(st: TableState): TableState {
    return this.by.lines ? { ...st, line: st.line + this.by.lines } : st;
  }

  heading(h: Heading): Heading {
    return this.by.lines ? { ...h, line: h.line + this.by.lines } : h;
  }

  pairs(pp: ParagraphPairs): ParagraphPairs {
    if (this.still) return pp;
    return {
      pairs: pp.pairs.map((m) => ({ open: m.open + this.by.offset, close: m.close + this.by.offset })),
      // most paragraphs share one frozen empty list of problems: kept as it is
      problems: pp.problems.length ? pp.problems.map((q) => this.problem(q)) : pp.problems,
    };
  }

  private problem(q: PairProblem): PairProblem {
    const out: PairProblem = { ...q, at: this.token(q.at) };
    if (q.partner) out.partner = this.token(q.partner);
    return out;
  }

  private token(t: PairToken): PairToken {
    return { char: t.char, offset: t.offset + this.by.offset, line: t.line + this.by.lines, kind: t.kind };
  }
}

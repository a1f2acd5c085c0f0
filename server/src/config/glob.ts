// Glob patterns of a workspace's .fengongrc.json (`files`, `ignore`, `overrides[].files`), matched
// in time linear in the path: the pattern becomes a small automaton simulated state-set by
// state-set (as RE2 does), never a backtracking regular expression. A hostile pattern such as
// `**/*(a*)*(a*)*(a*)b` took picomatch 67 s on a 20-character name and froze the server; here it
// costs the same as any other. Syntax and results are picomatch's with `dot: true` for:
// `?` `*` `**` `[a-z]` `[!x]` `{a,b}` `@(a|b)` `?(…)` `*(…)` `+(…)`, `\` escapes, a leading `!`.
// `!(…)` inside a pattern is not regular and is refused with a message (GlobError). `[!a]` is
// POSIX's "not a" (picomatch 4 gets it backwards). With `dot: false` (globs on the command line,
// as a shell's), wildcards do not match a name's leading dot: `*.txt` leaves `.draft.txt` out.

export class GlobError extends Error {
  constructor(readonly pattern: string, readonly reason: 'negatedGroup' | 'tooLong') {
    super(`${reason}: ${pattern}`);
  }
}

/** Patterns longer than this are refused: no real file pattern is near it. */
export const MAX_GLOB_LENGTH = 1000;

/** Whether a character may be consumed; `prev` is the one before it ('' at the start). */
type Pred = (c: string, prev: string) => boolean;
/** An NFA instruction: consume a character, fork, jump, or accept. */
type Inst = { op: 'char'; pred: Pred } | { op: 'split'; x: number; y: number } | { op: 'jmp'; x: number } | { op: 'match' };
type Node =
  | { t: 'char'; pred: Pred }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; min: 0 | 1; max: 1 | typeof Infinity; node: Node };

/** A name's leading dot, which a wildcard matches only with `dot: true`. */
const leadingDot = (c: string, prev: string): boolean => c === '.' && (prev === '' || prev === '/');

/** The wildcards of one matching mode. */
class Wild {
  readonly notSlash: Pred;
  readonly anyChar: Pred;
  readonly segment: Node;
  readonly anything: Node;
  constructor(readonly dot: boolean) {
    this.notSlash = dot ? (c) => c !== '/' : (c, prev) => c !== '/' && !leadingDot(c, prev);
    this.anyChar = dot ? () => true : (c, prev) => !leadingDot(c, prev);
    this.segment = { t: 'rep', min: 0, max: Infinity, node: { t: 'char', pred: this.notSlash } };
    this.anything = { t: 'rep', min: 0, max: Infinity, node: { t: 'char', pred: this.anyChar } };
  }
}
const DOT = new Wild(true);
const NO_DOT = new Wild(false);

/** Compiles one pattern; throws GlobError for what cannot be matched safely. */
export function compileGlob(pattern: string, opts: { dot?: boolean } = {}): (path: string) => boolean {
  if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(pattern, 'tooLong');
  let negate = false;
  let p = pattern;
  while (p.startsWith('!') && !p.startsWith('!(')) {
    negate = !negate;
    p = p.slice(1);
  }
  if (p.startsWith('./')) p = p.slice(2);
  const parser = new Parser(p, opts.dot === false ? NO_DOT : DOT);
  const prog = assemble(parser.parseAlt(''));
  // a folder may come with its trailing slash (`drafts/`), as picomatch allows
  return (path) => path !== '' && (run(prog, path) || (path.length > 1 && path.endsWith('/') && run(prog, path.slice(0, -1)))) !== negate;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string, private readonly w: Wild) {}

  /** alternatives separated by `|` (in `@(…)`) or `,` (in `{…}`), up to `close` ('' = the end) */
  parseAlt(close: string, sep = ''): Node {
    const alts: Node[] = [];
    let items: Node[] = [];
    const s = this.s;
    for (;;) {
      if (this.i >= s.length) {
        alts.push({ t: 'seq', items });
        break;
      }
      const c = s[this.i]!;
      if (close && c === close) {
        this.i++;
        alts.push({ t: 'seq', items });
        break;
      }
      if (sep && c === sep) {
        this.i++;
        alts.push({ t: 'seq', items });
        items = [];
        continue;
      }
      items.push(this.atom());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i]!;
    const next = s[this.i + 1];
    if (c === '\\' && next !== undefined) {
      this.i += 2;
      return lit(next);
    }
    if ('@?*+!'.includes(c) && next === '(' && this.closes(this.i + 1, '(', ')')) {
      if (c === '!') throw new GlobError(s, 'negatedGroup');
      this.i += 2;
      const body = this.parseAlt(')', '|');
      if (c === '@') return body;
      return { t: 'rep', min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity, node: body };
    }
    if (c === '*') return this.star();
    if (c === '?') {
      this.i++;
      return { t: 'char', pred: this.w.notSlash };
    }
    if (c === '[') {
      const cls = this.charClass();
      if (cls) return cls;
    }
    if (c === '{' && this.braceHasComma()) {
      this.i++;
      return this.parseAlt('}', ',');
    }
    if (c === '/' && s.slice(this.i + 1) === '**') {
      // `a/**` matches `a` itself and everything below it
      this.i = s.length;
      return { t: 'rep', min: 0, max: 1, node: { t: 'seq', items: [lit('/'), this.w.anything] } };
    }
    this.i++;
    return lit(c);
  }

  /** `*`, or `**` as a whole segment: any number of folders */
  private star(): Node {
    const s = this.s;
    let j = this.i;
    while (s[j] === '*') j++;
    const segmentStart = this.i === 0 || s[this.i - 1] === '/';
    const wholeSegment = j - this.i >= 2 && segmentStart && (j === s.length || s[j] === '/');
    if (!wholeSegment) {
      this.i = j;
      return this.w.segment;
    }
    if (j === s.length) {
      this.i = j;
      return this.w.anything;
    }
    this.i = j + 1; // `**/`: zero or more `segment/`
    return { t: 'rep', min: 0, max: Infinity, node: { t: 'seq', items: [this.w.segment, lit('/')] } };
  }

  /** `[abc]`, `[a-z]`, `[!x]`/`[^x]`; undefined when unclosed (then `[` is literal) */
  private charClass(): Node | undefined {
    const s = this.s;
    let j = this.i + 1;
    const neg = s[j] === '!' || s[j] === '^';
    if (neg) j++;
    const ranges: [string, string][] = [];
    let first = true;
    while (j < s.length && (s[j] !== ']' || first)) {
      let a = s[j]!;
      if (a === '\\' && j + 1 < s.length) a = s[++j]!;
      if (s[j + 1] === '-' && s[j + 2] !== undefined && s[j + 2] !== ']') {
        let b = s[j + 2]!;
        if (b === '\\' && j + 3 < s.length) b = s[++j + 2]!;
        ranges.push([a, b]);
        j += 3;
      } else {
        ranges.push([a, a]);
        j++;
      }
      first = false;
    }
    if (j >= s.length) return undefined;
    this.i = j + 1;
    const inside = (c: string) => ranges.some(([a, b]) => c >= a && c <= b);
    const dot = this.w.dot;
    return { t: 'char', pred: (c, prev) => c !== '/' && inside(c) !== neg && (dot || !leadingDot(c, prev)) };
  }

  /** whether the bracket at `at` is closed (nesting counted) */
  private closes(at: number, open: string, close: string): boolean {
    let depth = 0;
    for (let j = at; j < this.s.length; j++) {
      const c = this.s[j];
      if (c === '\\') j++;
      else if (c === open) depth++;
      else if (c === close && --depth === 0) return true;
    }
    return false;
  }

  /** `{a,b}` is an alternation; `{a}` or an unclosed `{` is literal, as in picomatch */
  private braceHasComma(): boolean {
    let depth = 0;
    for (let j = this.i; j < this.s.length; j++) {
      const c = this.s[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return false;
      else if (c === ',' && depth === 1) return this.closes(this.i, '{', '}');
    }
    return false;
  }
}

function lit(ch: string): Node {
  return { t: 'char', pred: (c) => c === ch };
}

/** Thompson construction: the node as instructions ending in `match`. */
function assemble(root: Node): Inst[] {
  const prog: Inst[] = [];
  const emit = (n: Node): void => {
    switch (n.t) {
      case 'char':
        prog.push({ op: 'char', pred: n.pred });
        return;
      case 'seq':
        for (const it of n.items) emit(it);
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.alts.forEach((a, k) => {
          if (k === n.alts.length - 1) return emit(a);
          const split = prog.push({ op: 'split', x: 0, y: 0 }) - 1;
          emit(a);
          jumps.push(prog.push({ op: 'jmp', x: 0 }) - 1);
          prog[split] = { op: 'split', x: split + 1, y: prog.length };
        });
        for (const j of jumps) prog[j] = { op: 'jmp', x: prog.length };
        return;
      }
      case 'rep': {
        if (n.min === 1) emit(n.node);
        if (n.max === 1) {
          const split = prog.push({ op: 'split', x: 0, y: 0 }) - 1;
          emit(n.node);
          prog[split] = { op: 'split', x: split + 1, y: prog.length };
          return;
        }
        const split = prog.push({ op: 'split', x: 0, y: 0 }) - 1;
        emit(n.node);
        prog.push({ op: 'jmp', x: split });
        prog[split] = { op: 'split', x: split + 1, y: prog.length };
      }
    }
  };
  emit(root);
  prog.push({ op: 'match' });
  return prog;
}

/** Pike-VM simulation without captures: each state at most once per position, so O(path × pattern). */
function run(prog: Inst[], input: string): boolean {
  let current = new Set<number>();
  const add = (set: Set<number>, pc: number): void => {
    // the closure over split/jmp, iteratively (a pattern can nest deeply)
    const stack = [pc];
    while (stack.length) {
      const at = stack.pop()!;
      if (set.has(at)) continue;
      set.add(at);
      const inst = prog[at]!;
      if (inst.op === 'jmp') stack.push(inst.x);
      else if (inst.op === 'split') stack.push(inst.y, inst.x);
    }
  };
  add(current, 0);
  let prev = '';
  for (const ch of input) {
    const next = new Set<number>();
    for (const pc of current) {
      const inst = prog[pc]!;
      if (inst.op === 'char' && inst.pred(ch, prev)) add(next, pc + 1);
    }
    if (!next.size) return false;
    current = next;
    prev = ch;
  }
  for (const pc of current) if (prog[pc]!.op === 'match') return true;
  return false;
}

// A Map keyed by the items of one parse, held as a list by item id: each phase's judgment of every
// item (its section, task verdict, units, deadlines) was a Map of its own, ~43 bytes an entry in
// V8's hash table, and six of them lived at the parse's peak (~250 bytes a task of the numbered
// headings shape; issue 18). Here an entry is a slot of one list and a byte of another.
// Iteration is in id order, which is document order: every phase fills its map in that order.

/** the items of one parse: `universe[i].id === i` (the tree's and assembly's `allItems`) */
type Universe<K> = readonly K[];

export class ItemMap<K extends { readonly id: number }, V> implements Map<K, V> {
  private readonly values_: (V | undefined)[];
  /** 1 where an entry is set (a value may be undefined: a task's verdict is) */
  private readonly present: Uint8Array;
  private count = 0;
  readonly [Symbol.toStringTag] = 'ItemMap';

  constructor(private readonly universe: Universe<K>) {
    this.values_ = new Array<V | undefined>(universe.length).fill(undefined);
    this.present = new Uint8Array(universe.length);
  }

  /** whether `k` is this parse's item (a key from another parse is never found, as in a Map) */
  private own(k: K): boolean {
    return this.universe[k.id] === k;
  }

  get size(): number {
    return this.count;
  }

  get(k: K): V | undefined {
    return this.present[k.id] && this.own(k) ? this.values_[k.id] : undefined;
  }

  has(k: K): boolean {
    return this.present[k.id] === 1 && this.own(k);
  }

  set(k: K, v: V): this {
    if (!this.own(k)) throw new Error(`ItemMap: item ${k.id} is not one of this parse's items`);
    if (!this.present[k.id]) this.count++;
    this.present[k.id] = 1;
    this.values_[k.id] = v;
    return this;
  }

  delete(k: K): boolean {
    if (!this.has(k)) return false;
    this.present[k.id] = 0;
    this.values_[k.id] = undefined;
    this.count--;
    return true;
  }

  clear(): void {
    this.present.fill(0);
    this.values_.fill(undefined);
    this.count = 0;
  }

  *entries(): MapIterator<[K, V]> {
    for (let i = 0; i < this.present.length; i++) if (this.present[i]) yield [this.universe[i]!, this.values_[i] as V];
  }

  *keys(): MapIterator<K> {
    for (let i = 0; i < this.present.length; i++) if (this.present[i]) yield this.universe[i]!;
  }

  *values(): MapIterator<V> {
    for (let i = 0; i < this.present.length; i++) if (this.present[i]) yield this.values_[i] as V;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this) fn.call(thisArg, v, k, this);
  }
}

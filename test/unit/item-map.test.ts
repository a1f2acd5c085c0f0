// ItemMap (model/item-map.ts): a Map keyed by one parse's items, held as a list by item id. It must
// answer as a Map would, in document order, so the phases' judgments are the same as with Maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ItemMap } from '../../server/src/engine/model/item-map.js';
import { judged } from '../../server/src/engine/model/parse.js';

const items = Array.from({ length: 12 }, (_, id) => ({ id }));

test('an ItemMap answers every sequence of set, delete, get and has as a Map filled in the same order would', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(11), value: fc.option(fc.string(), { nil: undefined }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(11) }),
    fc.record({ kind: fc.constant('clear' as const) }),
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
    const mine = new ItemMap<{ id: number }, string | undefined>(items);
    const map = new Map<{ id: number }, string | undefined>();
    for (const o of ops) {
      if (o.kind === 'set') { mine.set(items[o.at]!, o.value); map.set(items[o.at]!, o.value); }
      else if (o.kind === 'delete') assert.equal(mine.delete(items[o.at]!), map.delete(items[o.at]!));
      else { mine.clear(); map.clear(); }
      assert.equal(mine.size, map.size);
      for (const it of items) assert.deepEqual([mine.has(it), mine.get(it)], [map.has(it), map.get(it)]);
    }
    // a Map iterates in insertion order; the phases insert in document order, which is id order
    const byId = [...map].sort((a, b) => a[0].id - b[0].id);
    assert.deepEqual([...mine], byId);
    assert.deepEqual([...mine.keys()], byId.map(([k]) => k));
    assert.deepEqual([...mine.values()], byId.map(([, v]) => v));
  }));
});

test('an ItemMap finds no item of another parse, and refuses to hold one', () => {
  const m = new ItemMap<{ id: number }, number>(items);
  m.set(items[3]!, 7);
  const stranger = { id: 3 };
  assert.deepEqual([m.get(stranger), m.has(stranger), m.delete(stranger), m.size], [undefined, false, false, 1]);
  assert.throws(() => m.set(stranger, 1), /not one of this parse's items/);
  assert.throws(() => m.set({ id: 12 }, 1), /not one of this parse's items/);
});

test('the phases judge every item in a list by id, not in a hash table per phase', () => {
  const text = `某县2024年政务公开工作要点\n一、重点任务\n${Array.from({ length: 50 }, (_, i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）`).join('\n')}\n`;
  const j = judged(text, {});
  const all = j.tree.allItems;
  assert.equal(all.length, 51);
  for (const m of [j.sections, j.verdicts, j.units, j.details.byItem]) assert.ok(m instanceof ItemMap);
  // sections, verdicts and details judge every item; units every leaf, in document order
  assert.deepEqual([j.sections.size, j.verdicts.size, j.details.byItem.size, j.units.size], [51, 51, 51, 50]);
  assert.deepEqual([...j.units.keys()], all.slice(1));
  assert.deepEqual([j.verdicts.get(all[0]!), j.verdicts.has(all[1]!), j.verdicts.get(all[1]!)], ['has-children', true, undefined]);
});

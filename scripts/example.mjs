// `npm run example`: build, then run fengong on the bundled example plans as a user would —
// `fengong check examples/` and the 任务分工表 of one plan. Exits 0 when fengong ran as designed
// (finding problems in the examples is the point), non-zero when it could not run.
import { spawnSync } from 'node:child_process';

const step = (title, args) => {
  console.log(`\n$ fengong ${args.join(' ')}    # ${title}`);
  const r = spawnSync(process.execPath, ['bin/fengong.cjs', ...args], { stdio: 'inherit' });
  return r.status;
};
const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
const check = step('检查示例 / check the examples', ['check', 'examples']);
const table = step('任务分工表（按单位）/ task table by unit', ['table', '--by', 'unit', 'examples/任务分工-清洁示例.plan']);
// check exits 1 because the examples hold deliberate mistakes; 2 would mean it could not run
process.exit(check === 2 || table !== 0 ? 2 : 0);

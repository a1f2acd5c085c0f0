'use strict';
// Preloaded with `node -r` for the memory runs only: appends this process's peak RSS (KiB) to the
// file named by FENGONG_BENCH_RSS, so the peak is read from the kernel, not sampled.
const fs = require('node:fs');
const out = process.env.FENGONG_BENCH_RSS;
if (out) process.on('exit', () => { fs.appendFileSync(out, `${process.pid} ${process.resourceUsage().maxRSS}\n`); });

// Throughput and memory of readSubmission on a generated 1,000,000-row CSV.
//
// Node 20 cannot run TypeScript directly; build this file into /tmp and run it:
//   npx tsc bench/validate.ts --outDir /tmp/vc-bench --rootDir . --module nodenext \
//     --moduleResolution nodenext --target es2022 --skipLibCheck --types node
//   ln -sfn "$PWD/node_modules" /tmp/vc-bench/node_modules
//   node --expose-gc /tmp/vc-bench/bench/validate.js [rows] [institutions]
// Run it from the repository root (the data dictionary is read from ./plans).

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readSubmission } from '../src/data/submission.js';
import type { Dictionary } from '../src/plan/types.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const institutions = Number(process.argv[3] ?? 25_000);
const path = `/tmp/vet-check-bench-${rows}.csv`;

async function dictionary(): Promise<Dictionary> {
  const dir = join(process.cwd(), 'plans/catalogue');
  const f = parse(await readFile(join(dir, 'fields.yaml'), 'utf8'));
  return {
    fields: f.fields.map((x: { aliases?: string[] }) => ({ aliases: [], ...x })),
    constraints: f.constraints ?? [],
    indicators: [],
  };
}

/**
 * Rows cycle through institutions, then quarters, then years (2001–2100):
 * distinct keys up to institutions × 400 rows, duplicates (rejected) beyond.
 */
async function generate(): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '院校代码,院校名称,所在区县,办学层次,年度,季度,专任教师数,双师型教师数,在校生数,毕业生数,就业毕业生数\n',
  );
  for (let i = 0; i < rows; i++) {
    const inst = i % institutions;
    const period = Math.floor(i / institutions) % 400; // 2001Q1–2100Q4, then keys repeat
    const year = 2001 + Math.floor(period / 4);
    const q = (period % 4) + 1;
    const t = 300 + (inst % 50);
    const line = `${String(inst).padStart(6, '0')},职校${inst},永川区,中职,${year},${q},${t},${t - 100},"${(4000 + inst).toLocaleString('en-US')}",1000,900\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  await generate();
  const dict = await dictionary();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  const t0 = process.hrtime.bigint();
  const sub = await readSubmission([path], { dictionary: dict, keepRows: false, maxErrors: 100 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  sample();
  const f = sub.files[0]!;
  console.log(
    JSON.stringify({
      rows: f.rowsRead,
      accepted: f.rowsAccepted,
      rejected: f.rowsRejected,
      institutionPeriods: Math.min(rows, institutions * 400),
      diagnostics: sub.diagnostics.length,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(f.rowsRead / seconds),
      peakRssMiB: Math.round(peak / 2 ** 20),
    }),
  );
}

await main();

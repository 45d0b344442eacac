#!/usr/bin/env node
// The benchmark (`npm run bench`; never run by the tests). It prints figures; it asserts nothing.
//
//   node bench/run.mjs [--sizes 1000000,10000000] [--runs 3] [--dir DIR] [--skip-totals]
//
// 1. Start-up: medians of `node -e 0`, `vet-check --version` and `vet-check report` on the
//    bundled sample, and their ratios; when NODE_EXTRA_CA_CERTS is set, also without it.
// 2. Record level: a teacher roster of each size (bench/generate.mjs), aggregated to the
//    dual-qualified ratio by institution and year by
//      - vet-check: the whole `vet-check report ROSTER --format json` (reading, decoding,
//        validation, the duplicate-id check, every rule of both plans), as it runs by default
//        (files of THREAD_MIN_BYTES, 32 MiB, and more scanned on a second thread) and the
//        other way (VET_CHECK_THREAD=1 below that size, =0 from it);
//      - Miller (`mlr`): the grouped ratio alone;
//      - DuckDB (@duckdb/node-api, 2 threads): the grouped ratio alone (bench/duckdb-ratio.mjs);
//    run interleaved (vet-check, mlr, duckdb, vet-check, …), `--runs` times each.
// 3. Totals: `vet-check validate` and `vet-check report` on 1 M quarterly institution rows.
//
// Wall time is measured around each child process; peak memory is the child's maximum resident
// set size from GNU time (`/usr/bin/time -f %M`, Debian package `time`). Generated files are kept
// in DIR (default: the system temporary directory) and reused by later runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { THREAD_MIN_BYTES } from '../dist/data/read/scan-thread.js';
import { quarterly, roster } from './generate.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: join(tmpdir(), 'vet-check-bench') },
    'skip-totals': { type: 'boolean', default: false },
  },
});
const sizes = opt.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
const runs = Number(opt.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/run.mjs [--sizes N,N] [--runs N] [--dir DIR] [--skip-totals]');
  process.exit(2);
}
mkdirSync(opt.dir, { recursive: true });

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const hasMlr = spawnSync('mlr', ['--version']).status === 0;
const vet = [process.execPath, join(root, 'bin/vet-check.js')];
const env = { ...process.env, CI: '1', NO_COLOR: '1', LANG: 'en_US.UTF-8' };

/** Run a command once: wall seconds, peak RSS in MiB (null without GNU time), exit status. */
function measure(cmd, okStatus = [0], runEnv = env) {
  const argv = hasTime ? [TIME, '-f', '%M', ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    env: runEnv,
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  if (!okStatus.includes(r.status)) {
    console.error(`${cmd.join(' ')} exited ${r.status}\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : Number.NaN;
  return { seconds, mib: Number.isFinite(kb) ? kb / 1024 : null };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const max = (xs) => (xs.some((x) => x === null) ? null : Math.max(...xs));
const fmt = (x, d = 2) => (x === null ? 'n/a' : x.toFixed(d));
const human = (n) => (n >= 1e6 ? `${n / 1e6} M` : n >= 1e3 ? `${n / 1e3} k` : String(n));

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
}

async function ensure(kind, rows) {
  const path = join(opt.dir, `${kind}-${rows}.csv`);
  if (!existsSync(path)) {
    process.stderr.write(`generating ${path} …\n`);
    await (kind === 'roster' ? roster : quarterly)(path, rows);
  }
  return path;
}

console.log(`# vet-check benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
if (!hasTime) console.log('(GNU time not found at /usr/bin/time: peak memory is not measured)');

// 1. Start-up
const sample = ['yongchuan-annual', 'yongchuan-quarterly', 'dazu-annual', 'region-indicators'].map((f) =>
  join(root, 'fixtures/sample', `${f}.csv`),
);
// NODE_EXTRA_CA_CERTS (set on some machines for a proxy) makes every Node.js process read a
// certificate bundle as it starts: ~60 ms of `node -e 0` on the development machine, mostly
// hidden in a longer process. The ratios are given against both starts.
const envs = { 'as set': env };
if (env.NODE_EXTRA_CA_CERTS !== undefined) {
  const { NODE_EXTRA_CA_CERTS: _, ...bare } = env;
  envs['without NODE_EXTRA_CA_CERTS'] = bare;
}
const startup = Object.fromEntries(Object.keys(envs).map((k) => [k, { node: [], version: [], report: [] }]));
for (let i = 0; i < 11; i++) {
  for (const [k, e] of Object.entries(envs)) {
    startup[k].node.push(measure([process.execPath, '-e', '0'], [0], e).seconds);
    startup[k].version.push(measure([...vet, '--version'], [0], e).seconds);
    startup[k].report.push(measure([...vet, 'report', ...sample], [0, 1], e).seconds);
  }
}
console.log('\n## Start-up (median of 11, interleaved)\n');
const heads = ['command'];
const rows = [['node -e 0'], ['vet-check --version'], ['vet-check report (sample)']];
for (const [k, t] of Object.entries(startup)) {
  const base = median(t.node);
  heads.push(`ms (${k})`, `× node -e 0 (${k})`);
  rows[0].push(fmt(base * 1000, 0), '1.00');
  rows[1].push(fmt(median(t.version) * 1000, 0), fmt(median(t.version) / base));
  rows[2].push(fmt(median(t.report) * 1000, 0), fmt(median(t.report) / base));
}
table(heads, rows);
if (env.NODE_EXTRA_CA_CERTS !== undefined)
  console.log(
    '\n(NODE_EXTRA_CA_CERTS is set here: the second pair of columns runs every command without it)',
  );

// 2. Record level
const MLR_RATIO = [
  '--icsv',
  '--ocsv',
  'filter',
  '$是否专任 == "是"',
  'then',
  'put',
  '$dq = $是否双师型 == "是" ? 1 : 0',
  'then',
  'stats1',
  '-a',
  'count,sum',
  '-f',
  'dq',
  '-g',
  '院校代码,年度',
  'then',
  'put',
  '$ratio = $dq_sum / $dq_count',
];
const summary = [];
for (const rows of sizes) {
  const path = await ensure('roster', rows);
  const mb = statSync(path).size / 2 ** 20;
  // the default reads a file of THREAD_MIN_BYTES or more on two threads; the other way is measured too
  const threaded = statSync(path).size >= THREAD_MIN_BYTES;
  const other = threaded ? 'one thread (VET_CHECK_THREAD=0)' : 'two threads (VET_CHECK_THREAD=1)';
  const otherKey = `vet-check report, ${other}`;
  const tools = {
    'vet-check report': () => measure([...vet, 'report', path, '--format', 'json'], [0, 1]),
    [otherKey]: () =>
      measure([...vet, 'report', path, '--format', 'json'], [0, 1], {
        ...env,
        VET_CHECK_THREAD: threaded ? '0' : '1',
      }),
    ...(hasMlr ? { 'mlr (ratio only)': () => measure(['mlr', ...MLR_RATIO, path]) } : {}),
    'DuckDB 2 threads (ratio only)': () =>
      measure([process.execPath, join(root, 'bench/duckdb-ratio.mjs'), path, '2']),
  };
  const got = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, f] of Object.entries(tools)) got[k].push(f());
  console.log(`\n## Teacher roster, ${human(rows)} rows (${fmt(mb, 0)} MiB), median of ${runs}\n`);
  const res = Object.fromEntries(
    Object.entries(got).map(([k, ms]) => [
      k,
      { s: median(ms.map((m) => m.seconds)), mib: max(ms.map((m) => m.mib)) },
    ]),
  );
  table(
    ['tool', 'median s', 'rows/s', 'peak RSS MiB'],
    Object.entries(res).map(([k, r]) => [
      k,
      fmt(r.s),
      Math.round(rows / r.s).toLocaleString('en'),
      fmt(r.mib, 0),
    ]),
  );
  const v = res['vet-check report'];
  const m = res['mlr (ratio only)'];
  const d = res['DuckDB 2 threads (ratio only)'];
  const vsMlr = m ? m.s / v.s : null;
  const vsDuck = d.s / v.s;
  console.log(
    `\nvet-check (${threaded ? 'two threads' : 'one thread'}) rows/s ÷ mlr rows/s = ${fmt(vsMlr)} (target ≥ 3); ÷ DuckDB rows/s = ${fmt(vsDuck)} (target ≥ 0.3); peak ${fmt(v.mib, 0)} MiB (target < 150)`,
  );
  const t = res[otherKey];
  console.log(
    `${other}: ÷ mlr = ${fmt(m ? m.s / t.s : null)}; ÷ DuckDB = ${fmt(d.s / t.s)}; peak ${fmt(t.mib, 0)} MiB`,
  );
  summary.push([
    human(rows),
    threaded ? 'two' : 'one',
    fmt(vsMlr),
    fmt(vsDuck),
    fmt(v.mib, 0),
    fmt(m ? m.s / t.s : null),
    fmt(d.s / t.s),
    fmt(t.mib, 0),
  ]);
}
console.log('\n## Summary\n');
table(
  [
    'rows',
    'threads (default)',
    'vet-check ÷ mlr',
    'vet-check ÷ DuckDB',
    'vet-check peak MiB',
    'other way ÷ mlr',
    'other way ÷ DuckDB',
    'other way peak MiB',
  ],
  summary,
);

// 3. Totals
if (!opt['skip-totals']) {
  const rows = 1_000_000;
  const path = await ensure('quarterly', rows);
  const got = { validate: [], report: [] };
  for (let i = 0; i < runs; i++) {
    got.validate.push(measure([...vet, 'validate', path, '--format', 'json'], [0, 1]));
    got.report.push(measure([...vet, 'report', path, '--format', 'json'], [0, 1]));
  }
  console.log(`\n## Institution totals, ${human(rows)} quarterly rows, median of ${runs}\n`);
  table(
    ['command', 'median s', 'rows/s', 'peak RSS MiB'],
    Object.entries(got).map(([k, ms]) => {
      const s = median(ms.map((m) => m.seconds));
      return [
        `vet-check ${k}`,
        fmt(s),
        Math.round(rows / s).toLocaleString('en'),
        fmt(max(ms.map((m) => m.mib)), 0),
      ];
    }),
  );
}

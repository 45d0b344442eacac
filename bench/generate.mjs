// Deterministic benchmark inputs, written under a temporary directory (never the repository).
//   roster(path, rows): a teacher roster, 院校代码,所在区县,年度,教师工号,是否专任,是否双师型
//   quarterly(path, rows): institution totals, one row per institution and quarter
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const BATCH = 4096;

async function write(path, header, rows, line) {
  const out = createWriteStream(path);
  out.write(header);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += line(i);
    if (i % BATCH === BATCH - 1) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** A small deterministic pseudo-random sequence (xorshift32). */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * A roster of `rows` teachers: 2,000 institutions (half in 永川区, half in 大足区) over the years
 * 2022–2027, records grouped by institution-year as exported, ids unique within each.
 */
export function roster(path, rows) {
  const groups = 2000 * 6;
  const per = Math.max(1, Math.ceil(rows / groups));
  const r = rng(42);
  return write(path, '院校代码,所在区县,年度,教师工号,是否专任,是否双师型\n', rows, (i) => {
    const g = Math.floor(i / per) % groups;
    const inst = g % 2000;
    const year = 2022 + Math.floor(g / 2000);
    const ft = r() < 0.85;
    const dq = r() < 0.7;
    return `${5000100000 + inst},${inst % 2 ? '大足区' : '永川区'},${year},T${String(i % per).padStart(7, '0')},${ft ? '是' : '否'},${dq ? '是' : '否'}\n`;
  });
}

/** `rows` quarterly institution rows: institutions × 4 quarters × years 2022–2027, all keys distinct. */
export function quarterly(path, rows) {
  const periods = 6 * 4;
  const institutions = Math.max(1, Math.ceil(rows / periods));
  return write(
    path,
    '院校代码,院校名称,所在区县,办学层次,年度,季度,专任教师数,双师型教师数,在校生数,毕业生数,就业毕业生数,技能培训人次\n',
    rows,
    (i) => {
      const inst = i % institutions;
      const p = Math.floor(i / institutions) % periods;
      const t = 300 + (inst % 50);
      return `${String(inst).padStart(7, '0')},职校${inst},${inst % 2 ? '大足区' : '永川区'},中职,${2022 + Math.floor(p / 4)},${(p % 4) + 1},${t},${t - 80},${4000 + (inst % 900)},250,230,${1000 + (inst % 7)}\n`;
    },
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [kind, path, rows] = process.argv.slice(2);
  await (kind === 'quarterly' ? quarterly : roster)(path, Number(rows));
}

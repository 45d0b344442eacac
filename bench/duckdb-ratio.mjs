// The benchmark's DuckDB side: the dual-qualified ratio by institution and year from a teacher roster.
//   node bench/duckdb-ratio.mjs ROSTER.csv [threads]
import { DuckDBInstance } from '@duckdb/node-api';

const [path, threads = '2'] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', { threads });
const con = await db.connect();
const sql = `
  SELECT "院校代码" AS institution, "年度" AS year,
         count(*) FILTER (WHERE "是否专任" = '是' AND "是否双师型" = '是') AS dual,
         count(*) FILTER (WHERE "是否专任" = '是') AS full_time,
         dual / full_time AS ratio
  FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true)
  GROUP BY ALL`;
const reader = await con.runAndReadAll(sql);
const rows = reader.getRows();
process.stdout.write(`${rows.length} groups\n`);

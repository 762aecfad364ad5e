import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const dir = process.argv[2];
await con.run(`CREATE TEMP TABLE raw AS SELECT * FROM read_csv('${dir}/attendance.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={'project_code':'VARCHAR','id_number':'VARCHAR','date':'VARCHAR','hours':'VARCHAR'})`);
const sql = readFileSync('bench/duckdb/rules.sql','utf8');
const macros = sql.split(';').filter(s => /CREATE OR REPLACE TEMP MACRO/.test(s) && !/ladder|as_of/.test(s));
for (const m of macros) await con.run(m);
const tries = {
  csv: `SELECT * FROM read_csv('${dir}/attendance.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={'project_code':'VARCHAR','id_number':'VARCHAR','date':'VARCHAR','hours':'VARCHAR'})`,
  full: `SELECT clean(project_code) AS project, upper(clean(id_number)) AS worker, CAST(clean(date) AS DATE) AS date, fen(clean(hours)) AS hours FROM raw`,
  noregex: `SELECT clean(project_code) AS project, upper(clean(id_number)) AS worker, CAST(clean(date) AS DATE) AS date, CAST(split_part(clean(hours), '.', 1) AS BIGINT) * 100 + CAST(rpad(split_part(clean(hours), '.', 2), 2, '0') AS BIGINT) AS hours FROM raw`,
  hoursonly: `SELECT fen(clean(hours)) FROM raw`,
  idonly: `SELECT upper(clean(id_number)) FROM raw`,
  dateonly: `SELECT CAST(clean(date) AS DATE) FROM raw`,
  plain: `SELECT project_code, id_number, date, hours FROM raw`,
};
for (const [k, q] of Object.entries(tries)) {
  const t = performance.now();
  await con.run(`CREATE OR REPLACE TEMP TABLE t AS ${q}`);
  console.log(k, (performance.now() - t).toFixed(0), 'ms');
}

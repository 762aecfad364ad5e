#!/usr/bin/env node
// checkchar.mjs — completes identifiers with their check character (SPEC §3), for writing
// fixtures by hand: `node bench/duckdb/checkchar.mjs id 33010219900101001` prints the
// 18-character resident ID number (GB 11643); `... uscc 91330100MA2AAAAA1` the unified social
// credit code (GB 32100). Given a full 18-character value it prints whether its check is right.
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const USCC_A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function idCheck(body17) {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * ID_W[i];
  return '10X98765432'[s % 11];
}

export function usccCheck(body17) {
  let s = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_A.indexOf(body17[i]);
    if (v < 0) throw new Error(`'${body17[i]}' is not a USCC character`);
    s += v * USCC_W[i];
  }
  return USCC_A[(31 - (s % 31)) % 31];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, ...vals] = process.argv.slice(2);
  const f = kind === 'id' ? idCheck : kind === 'uscc' ? usccCheck : null;
  if (!f || vals.length === 0) {
    console.error('usage: checkchar.mjs id|uscc VALUE...');
    process.exit(2);
  }
  let bad = 0;
  for (const v of vals) {
    const u = v.toUpperCase();
    if (u.length === 17) console.log(u + f(u));
    else if (u.length === 18) {
      const ok = f(u.slice(0, 17)) === u[17];
      if (!ok) bad++;
      console.log(`${u} ${ok ? 'ok' : 'bad check character, want ' + f(u.slice(0, 17))}`);
    } else {
      console.error(`${v}: want 17 or 18 characters`);
      bad++;
    }
  }
  process.exit(bad ? 1 : 0);
}

// precompress.mjs DIR — writes NAME.br (brotli, best) and NAME.gz (gzip -9) beside every
// text asset of the built UI (html, js, css, json, svg, map) larger than 1 KiB, so the server
// sends them compressed without compressing on each request (src/http/server.c picks the
// sibling the client's Accept-Encoding takes). Node's zlib only: nothing to install.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'web/dist';
const TEXT = /\.(html|js|mjs|css|json|svg|map|txt)$/;
let before = 0, br = 0, gz = 0, n = 0;
function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p);
    else if (TEXT.test(name) && st.size > 1024) {
      const data = readFileSync(p);
      const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
      const g = gzipSync(data, { level: 9 });
      writeFileSync(p + '.br', b);
      writeFileSync(p + '.gz', g);
      before += data.length;
      br += b.length;
      gz += g.length;
      n++;
    }
  }
}
walk(dir);
if (process.env.WG_PRECOMPRESS_QUIET !== '1')
  console.log(`precompress: ${n} files, ${(before / 1024).toFixed(0)} KiB -> brotli ${(br / 1024).toFixed(0)} KiB, gzip ${(gz / 1024).toFixed(0)} KiB`);

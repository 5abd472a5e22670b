// Writes .br (quality 11) and .gz (level 9) beside every text and wasm asset in dist/ and below
// (the agent bundle is in dist/ws/), so the server sends the smallest encoding without
// compressing on each request. Node's zlib has both, so this needs nothing beyond the Node.js
// already required for wasm-opt.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
// Not config.json: operators edit it in place, and a stale .br beside it would win.
const wanted = /\.(wasm|js|css|html|svg)$/;
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : wanted.test(name) ? [path] : [];
});
for (const path of files(root)) {
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
}

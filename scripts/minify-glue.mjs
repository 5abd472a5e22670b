// Trunk post_build hook (Trunk.toml): in release builds, minifies the wasm-bindgen JS glue with
// esbuild and writes its new SRI digest into index.html. Trunk's own `minify` leaves that file as
// wasm-bindgen wrote it (JSDoc, indentation, long local names); esbuild takes it from 9.2 to
// 7.4 KB brotli (BENCHMARKS.md). Exports and the wasm import names are kept, so nothing else
// changes. Runs on Trunk's staging directory before it becomes dist/ (or dist/ws/).
// It also minifies the inline module Trunk writes into index.html to start the app (blank lines
// and spaces: ~20 bytes brotli of a document the help center's budget counts). The server's CSP
// allows inline scripts by the hash of what it serves (crates/server/src/http/spa/csp.rs), so
// the rewritten one needs nothing else.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
// Only wasm-bindgen's output (`<bin>-<hash>.js`); widget.js is hand-written and stays as it is.
const glue = readdirSync(dir).filter((name) => /^baton[\w-]*-[0-9a-f]+\.js$/.test(name));
if (glue.length !== 1) throw new Error(`expected one wasm-bindgen glue file in ${dir}, found ${glue}`);
for (const name of glue) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const { code } = transformSync(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' });
  const old = sri(before);
  if (!html.includes(old)) throw new Error(`index.html does not name ${name} by ${old}`);
  writeFileSync(path, code);
  html = html.replaceAll(old, sri(code));
  console.log(`minify-glue: ${name} ${before.length} -> ${code.length} bytes`);
}
html = html.replace(/(<script type="?module"?>)([\s\S]*?)(<\/script>)/, (_, open, body, close) => {
  const { code } = transformSync(body, { minify: true, format: 'esm', target: 'es2022' });
  return open + code.trim() + close;
});
// Trunk copies `data-integrity="none"` (index.html's way to ask for no SRI digest) onto the
// stylesheet's link; browsers have no use for it.
html = html.replaceAll(/ data-integrity="?none"?/g, '');
writeFileSync(page, html);

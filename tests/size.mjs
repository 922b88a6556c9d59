// The release wasm's size, brotli q11 as a CDN serves it, against the ceiling kept in
// tests/wasm-size-ceiling. Going over it fails `make test`; raising the ceiling is a commit of its
// own that says why. No dependencies (node: modules only).
//   node tests/size.mjs [dist]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const ceilingFile = new URL("./wasm-size-ceiling", import.meta.url);
const ceiling = Number(readFileSync(ceilingFile, "utf8").split("\n").find((l) => /^\d+$/.test(l.trim())));
const wasm = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
if (wasm.length !== 1 || !ceiling) {
  console.log(`size: 1 failed (${wasm.length} wasm files in ${dist}, ceiling ${ceiling})`);
  process.exit(1);
}
const body = readFileSync(join(dist, wasm[0]));
const brotli = brotliCompressSync(body, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
}).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const line = `the wasm is ${brotli} B brotli (${kib(brotli)}; ${body.length} B raw), the ceiling ${ceiling} B (${kib(ceiling)})`;
if (brotli > ceiling) {
  console.log(`size: 1 failed: ${line}. Cut it, or raise tests/wasm-size-ceiling in a commit that says why.`);
  process.exit(1);
}
console.log(`size: 1 passed: ${line}, ${ceiling - brotli} B to spare`);

// The release wasm files' sizes, brotli q11 as a CDN serves them, against the ceilings kept in
// tests/wasm-size-ceiling: the wizard's build (every page a foreign employee opens) and the HR
// desk's (the Drafts and Roster pages; the whole app). Going over a ceiling fails `make test`;
// raising one is a commit of its own that says why. No dependencies (node: modules only).
//   node tests/size.mjs [dist]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const ceilingFile = new URL("./wasm-size-ceiling", import.meta.url);
// "wizard 337000" lines: a build's name and its ceiling in bytes.
const ceilings = Object.fromEntries(
  readFileSync(ceilingFile, "utf8")
    .split("\n")
    .map((l) => l.trim().match(/^(wizard|desk) (\d+)$/))
    .filter(Boolean)
    .map((m) => [m[1], Number(m[2])]),
);
const builds = { wizard: /^expat-navigator-[0-9a-f]+_bg\.wasm$/, desk: /^expat-navigator-desk-[0-9a-f]+_bg\.wasm$/ };
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const wasm = readdirSync(dist).filter((f) => f.endsWith(".wasm"));
let failed = 0;
const lines = [];
for (const [build, pattern] of Object.entries(builds)) {
  const files = wasm.filter((f) => pattern.test(f));
  const ceiling = ceilings[build];
  if (files.length !== 1 || !ceiling) {
    failed++;
    lines.push(`${build}: ${files.length} wasm files in ${dist}, ceiling ${ceiling}`);
    continue;
  }
  const body = readFileSync(join(dist, files[0]));
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length;
  const line = `the ${build}'s wasm is ${brotli} B brotli (${kib(brotli)}; ${body.length} B raw), its ceiling ${ceiling} B (${kib(ceiling)})`;
  if (brotli > ceiling) {
    failed++;
    lines.push(`${line}. Cut it, or raise tests/wasm-size-ceiling in a commit that says why.`);
  } else lines.push(`${line}, ${ceiling - brotli} B to spare`);
}
const passed = Object.keys(builds).length - failed;
console.log(`size: ${passed} passed, ${failed} failed\n  ${lines.join("\n  ")}`);
process.exit(failed ? 1 : 0);

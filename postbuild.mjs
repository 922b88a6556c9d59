// Trunk post-build hook (Trunk.toml [[hooks]]): makes dist/ safe and offline-capable.
//  - Content-Security-Policy: the inline scripts (Trunk's loader, whose text changes with every
//    build, and the first-load snapshot's in index.html) are allowed by their sha256 hashes,
//    computed here; nothing else inline;
//  - the same policy as a <meta> tag in index.html (for hosts that ignore _headers) and, with
//    frame-ancestors and other headers, in _headers (Netlify, Cloudflare Pages and the like);
//  - the service worker's precache list and version: every file of this build.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");

const indexPath = join(dir, "index.html");
let html = await readFile(indexPath, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
// Release builds only: `trunk serve` rewrites its live-reload script after this hook, so a hash
// taken here would block live reload in development.
if (process.env.TRUNK_PROFILE === "release") {
  html = html.replace(/(<meta charset="utf-8">)/, `$1\n  <meta http-equiv="Content-Security-Policy" content="${policy.join("; ")}">`);
  await writeFile(indexPath, html);
}

const headers = `# Written by postbuild.mjs for static hosts that read _headers.
/*
  Content-Security-Policy: ${[...policy, "frame-ancestors 'none'"].join("; ")}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin
/index.html
  Cache-Control: no-cache
/sw.js
  Cache-Control: no-cache
/*.wasm
  Cache-Control: public, max-age=31536000, immutable
`;
await writeFile(join(dir, "_headers"), headers);

const files = (await readdir(dir)).filter((f) => !["sw.js", "_headers", ".stage"].includes(f)).sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update(await readFile(join(dir, f)));
const swPath = join(dir, "sw.js");
const sw = (await readFile(swPath, "utf8"))
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__PRECACHE__", JSON.stringify(["./", ...files.map((f) => "./" + f)]));
await writeFile(swPath, sw);
console.log(`postbuild: CSP with ${hashes.length} inline script hash(es); service worker precaches ${files.length + 1} URLs`);

// Trunk post-build hook (Trunk.toml [[hooks]]). First the prerender writes a static page for
// every address (src/bin/prerender.rs, rendered natively by the app's components); then this
// makes dist/ safe and offline-capable.
//  - Content-Security-Policy: the inline scripts (Trunk's loader, whose text changes with every
//    build and with the page's folder, and the prerender's language script) are allowed by their
//    sha256 hashes, computed here; nothing else inline;
//  - the policy as a <meta> tag in each page (for hosts that ignore _headers) and, with
//    frame-ancestors and other headers, in _headers (Netlify, Cloudflare Pages and the like);
//  - the service worker's precache list and version.
import { createHash } from "node:crypto";
import { readFile, writeFile, readdir, rename } from "node:fs/promises";
import { join, relative } from "node:path";
import { execFileSync } from "node:child_process";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk: TRUNK_STAGING_DIR is not set");
execFileSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "prerender", "--", dir], { stdio: "inherit" });

// The HR desk's build (index.html builds it as a Trunk "worker", whose files keep the binary's
// name; the prerender points the desk's pages at them): named by content like Trunk's own files,
// so a host may cache them forever, with integrity attributes like theirs.
const DESK = "expat-navigator-desk";
const deskFiles = [`${DESK}.js`, `${DESK}_bg.wasm`];
const contentHash = createHash("sha256");
for (const f of deskFiles) contentHash.update(await readFile(join(dir, f)));
const deskName = `${DESK}-${contentHash.digest("hex").slice(0, 16)}`;
const integrity = {};
for (const f of deskFiles) {
  const renamed = f.replace(DESK, deskName);
  await rename(join(dir, f), join(dir, renamed));
  integrity[renamed] = `sha384-${createHash("sha384").update(await readFile(join(dir, renamed))).digest("base64")}`;
}

async function files(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(dir, path));
  }
  return out.sort();
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
// Only directives that every engine knows: WebKit logs an error for one it does not (it had one
// for `manifest-src`, which `default-src` covers).
const policy = (hashes) => [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

const all = await files(dir);
const pages = all.filter((f) => f.endsWith(".html"));
const everyHash = new Set();
for (const page of pages) {
  const path = join(dir, page);
  let html = await readFile(path, "utf8");
  if (html.includes(`${DESK}.js`)) {
    html = html.replaceAll(`${DESK}.js`, `${deskName}.js`).replaceAll(`${DESK}_bg.wasm`, `${deskName}_bg.wasm`);
    html = html.replace(/(<link [^>]*href="[^"]*?([^"/]+)")/g, (tag, head, file) => (integrity[file] ? `${head} integrity="${integrity[file]}"` : tag));
    await writeFile(path, html);
  }
  const hashes = inlineScripts(html).map(sha256);
  hashes.forEach((h) => everyHash.add(h));
  // Release builds only: `trunk serve` rewrites its live-reload script after this hook, so a
  // hash taken here would block live reload in development.
  if (process.env.TRUNK_PROFILE === "release") {
    html = html.replace(/(<meta charset="utf-8">)/, `$1\n  <meta http-equiv="Content-Security-Policy" content="${policy(hashes).join("; ")}">`);
    await writeFile(path, html);
  }
}

const headers = `# Written by postbuild.mjs for static hosts that read _headers.
/*
  Content-Security-Policy: ${[...policy([...everyHash].sort()), "frame-ancestors 'none'"].join("; ")}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin
/*.html
  Cache-Control: no-cache
/sw.js
  Cache-Control: no-cache
/*.wasm
  Cache-Control: public, max-age=31536000, immutable
`;
await writeFile(join(dir, "_headers"), headers);

// Precached: the app's files, and one page per language and folder depth, so that offline any
// address opens (the service worker falls back to a page of the same depth, whose relative
// asset URLs then still resolve, and the app renders the address). Other pages are cached as
// they are visited.
const langs = [...new Set(pages.map((p) => p.split("/")).filter((s) => s.length > 1 && /^[a-z]{2}$/.test(s[0])).map((s) => s[0]))];
const shells = ["", "check/", "q/need/"];
// The desk's pages too: offline, the page that would stand in for them loads the wizard's build.
const deskPages = ["drafts/", "roster/"];
const precachePages = ["./", "./share/", ...langs.flatMap((l) => [...shells, ...deskPages].map((s) => `./${l}/${s}`))];
const assets = all.filter((f) => !f.endsWith(".html") && !["sw.js", "_headers", ".stage", "sitemap.xml"].includes(f));
const version = createHash("sha256");
for (const f of all.filter((f) => !["sw.js", "_headers", ".stage"].includes(f))) version.update(f).update(await readFile(join(dir, f)));
const swPath = join(dir, "sw.js");
const sw = (await readFile(swPath, "utf8"))
  .replace("__VERSION__", version.digest("hex").slice(0, 16))
  .replace("__PRECACHE__", JSON.stringify([...precachePages, ...assets.map((f) => "./" + f)]))
  .replace("__SHELLS__", JSON.stringify(shells));
await writeFile(swPath, sw);
console.log(`postbuild: ${pages.length} pages, CSP with ${everyHash.size} inline script hashes; service worker precaches ${precachePages.length + assets.length} URLs`);

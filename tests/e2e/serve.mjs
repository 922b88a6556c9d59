// A static server for dist/ on 127.0.0.1, for the browser tests and the benchmark.
//   node serve.mjs --root ../../dist --port 4173 [--base /expat/] [--compress] [--headers]
// It answers as the static hosts the app is deployed to do (Netlify, Cloudflare Pages, GitHub
// Pages), so that the tests and `make bench` see what a visitor gets:
//  - a directory URL serves its index.html; without its trailing slash it answers 301 to it;
//  - a missing file answers 404 with the body of <root>/404.html (plain "not found" without one);
//  - --base serves the site under a sub-path, as a GitHub Pages project site;
//  - --headers applies <root>/_headers (Netlify, Cloudflare Pages), 404 answers included;
//  - --compress answers with brotli (q11) or gzip (-9). Each file is compressed once, at start and
//    again only when it changes, and kept in memory, as a CDN serving precompressed files does:
//    brotli q11 on every request costs seconds for a 1 MB wasm and would distort the timings.
// No dependencies (node: modules only): the tests serve the app with nothing installed.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, normalize, relative, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]?.startsWith("--") ? true : all[i + 1] ?? true]);
    return pairs;
  }, []),
);
const root = resolve(args.root ?? "../../dist");
const port = Number(args.port ?? 4173);
const trimmedBase = String(args.base ?? "/").replace(/^\/+|\/+$/g, "");
const base = trimmedBase ? `/${trimmedBase}/` : "/";
const compress = Boolean(args.compress);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
};

// ---- _headers: a line without indent is a URL pattern (* matches anything), indented lines
// below it are "Name: value" headers for it.

function headerRules(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
      rules.push({ pattern: new RegExp("^" + pattern + "$"), headers: [] });
    } else if (rules.length) {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1).headers.push([name.trim().toLowerCase(), value.join(":").trim()]);
    }
  }
  return rules;
}
// Read again when the file changes, as a rebuild of dist/ rewrites it (the CSP's hashes).
let rules = { mtime: -1, list: [] };
async function currentRules() {
  if (!args.headers) return [];
  const file = join(root, "_headers");
  const mtime = await stat(file).then((s) => s.mtimeMs, () => 0);
  if (mtime !== rules.mtime) rules = { mtime, list: headerRules(await readFile(file, "utf8").catch(() => "")) };
  return rules.list;
}

/** A rule applies when it matches the URL path (below --base) or the path of the file served. */
async function ruleHeaders(paths) {
  const headers = {};
  for (const rule of await currentRules()) if (paths.some((p) => rule.pattern.test(p))) for (const [k, v] of rule.headers) headers[k] = v;
  return headers;
}

// ---- files, read and compressed once per version (path, mtime, size)

const brotli = promisify(brotliCompress);
const gzip9 = promisify(gzip);
const cache = new Map();
const compressible = (file, raw) => compress && raw.length > 512 && !/\.(png|jpe?g|gif|webp|avif|woff2?)$/i.test(file);

function load(file, info) {
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.bodies;
  const bodies = readFile(file).then(async (raw) => {
    if (!compressible(file, raw)) return { raw };
    const [br, gz] = await Promise.all([
      brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzip9(raw, { level: 9 }),
    ]);
    return { raw, br, gzip: gz };
  });
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, bodies });
  bodies.catch(() => cache.delete(file));
  return bodies;
}

async function warm(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await warm(path);
    else if (entry.isFile()) await load(path, await stat(path));
  }
}

const statOrNull = (file) => stat(file).catch(() => null);
const urlPath = (file) => "/" + relative(root, file).split(sep).join("/");

// ---- answers

async function send(req, res, status, file, info, requestPath) {
  const bodies = await load(file, info);
  const headers = {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-cache",
    ...(await ruleHeaders([requestPath, urlPath(file)])),
  };
  let body = bodies.raw;
  if (bodies.br) {
    const accept = req.headers["accept-encoding"] ?? "";
    if (/\bbr\b/.test(accept)) [body, headers["content-encoding"]] = [bodies.br, "br"];
    else if (/\bgzip\b/.test(accept)) [body, headers["content-encoding"]] = [bodies.gzip, "gzip"];
    headers["vary"] = "accept-encoding";
  }
  headers["content-length"] = body.length;
  res.writeHead(status, headers).end(req.method === "HEAD" ? undefined : body);
}

function redirect(res, location) {
  res.writeHead(301, { location, "content-type": "text/plain; charset=utf-8" }).end(`moved to ${location}`);
}

async function notFound(req, res, requestPath) {
  const page = join(root, "404.html");
  const info = await statOrNull(page);
  if (info?.isFile()) return send(req, res, 404, page, info, requestPath);
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...(await ruleHeaders([requestPath])) }).end("not found");
}

async function handle(req, res) {
  // Joined, not resolved: a path starting `//` is a path here, not another host.
  const url = new URL(`http://localhost${req.url}`);
  if (url.pathname + "/" === base) return redirect(res, base + url.search);
  if (!url.pathname.startsWith(base)) return res.writeHead(404, { "content-type": "text/plain" }).end("not under " + base);
  let path;
  try {
    path = normalize(decodeURIComponent(url.pathname.slice(base.length - 1)));
  } catch {
    return res.writeHead(400, { "content-type": "text/plain" }).end("bad request");
  }
  let file = join(root, path);
  if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
  let info = await statOrNull(file);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith("/")) return redirect(res, url.pathname + "/" + url.search);
    file = join(file, "index.html");
    info = await statOrNull(file);
  }
  if (info?.isFile()) return send(req, res, 200, file, info, path);
  return notFound(req, res, path);
}

if (compress) {
  const start = Date.now();
  await warm(root).catch((error) => console.error(`could not precompress ${root}: ${error.message}`));
  console.error(`precompressed ${cache.size} files in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
createServer((req, res) =>
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("server error");
  }),
).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));

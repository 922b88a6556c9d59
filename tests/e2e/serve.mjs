// A static server for dist/ on 127.0.0.1, for the browser tests and the benchmark.
//   node serve.mjs --root ../../dist --port 4173 [--base /expat/] [--compress] [--headers]
// --base serves the app under a sub-path; --compress answers with brotli or gzip like a CDN;
// --headers applies public/_headers (as Netlify and Cloudflare Pages do).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]?.startsWith("--") ? true : all[i + 1] ?? true]);
    return pairs;
  }, []),
);
const root = resolve(args.root ?? "../../dist");
const port = Number(args.port ?? 4173);
const base = args.base ?? "/";
const compress = Boolean(args.compress);

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

async function headerRules() {
  if (!args.headers) return [];
  try {
    const text = await readFile(join(root, "_headers"), "utf8");
    const rules = [];
    for (const line of text.split("\n")) {
      if (!line.trim() || line.trim().startsWith("#")) continue;
      if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
      else if (rules.length) {
        const [name, ...value] = line.trim().split(":");
        rules.at(-1).headers.push([name.trim(), value.join(":").trim()]);
      }
    }
    return rules;
  } catch {
    return [];
  }
}
const rules = await headerRules();
const matches = (pattern, path) =>
  new RegExp("^" + pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*") + "$").test(path);

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404).end("not under " + base);
    return;
  }
  let path = normalize(decodeURIComponent(url.pathname.slice(base.length - 1)));
  if (path.endsWith("/")) path += "index.html";
  const file = join(root, path);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    let body = await readFile(file);
    const headers = { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" };
    for (const rule of rules) if (matches(rule.pattern, path)) for (const [k, v] of rule.headers) headers[k.toLowerCase()] = v;
    const accept = req.headers["accept-encoding"] ?? "";
    if (compress && body.length > 512 && !/\.png$/.test(file)) {
      if (accept.includes("br")) {
        body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        headers["content-encoding"] = "br";
      } else if (accept.includes("gzip")) {
        body = gzipSync(body, { level: 9 });
        headers["content-encoding"] = "gzip";
      }
      headers["vary"] = "accept-encoding";
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));

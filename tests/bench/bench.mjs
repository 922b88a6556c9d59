// make bench: what a phone downloads and how fast the app answers. Prints figures; never fails on them.
//  1. first-load transfer of dist/: raw, gzip -9 and brotli q11, per file and in total;
//  2. Lighthouse mobile scores and timings, the release build served with compression;
//  3. the time from a click to the next rendered page (median of several clicks).
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, "../../dist");
const chromePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";

async function files(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await files(join(dir, entry.name), path)));
    else out.push(path);
  }
  return out.sort();
}

async function sizes() {
  console.log("\n== Transfer of dist/ (every file; the service worker's precache fetches them all)\n");
  console.log("file".padEnd(52) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
  const total = { raw: 0, gz: 0, br: 0 };
  const firstLoad = { raw: 0, gz: 0, br: 0 };
  for (const file of await files(dist)) {
    const body = await readFile(join(dist, file));
    const row = { raw: body.length, gz: gzipSync(body, { level: 9 }).length, br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
    console.log(file.padEnd(52) + kb(row.raw) + kb(row.gz) + kb(row.br));
    for (const k of Object.keys(total)) total[k] += row[k];
    if (/\.(html|js|wasm|css|svg)$/.test(file) && !/sw\.js$/.test(file)) for (const k of Object.keys(total)) firstLoad[k] += row[k];
  }
  console.log("first load (html, js, wasm, css, icon)".padEnd(52) + kb(firstLoad.raw) + kb(firstLoad.gz) + kb(firstLoad.br));
  console.log("all files".padEnd(52) + kb(total.raw) + kb(total.gz) + kb(total.br));
}

function serve(port) {
  const server = spawn(process.execPath, [resolve(here, "../e2e/serve.mjs"), "--root", dist, "--port", String(port), "--compress", "--headers"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok) => server.stdout.once("data", () => ok(server)));
}

// Lighthouse's simulated timings vary from run to run on a busy machine: report every run and the
// median, as Lighthouse's own docs advise.
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const METRICS = {
  "first-contentful-paint": "FCP",
  "largest-contentful-paint": "LCP",
  "speed-index": "SI",
  "total-blocking-time": "TBT",
  "cumulative-layout-shift": "CLS",
};

/** A score as it is; a timing in ms; the layout shift to three decimals. */
function format(key, value) {
  if (key === "CLS") return value.toFixed(3);
  return Object.values(METRICS).includes(key) ? `${Math.round(value)} ms` : String(value);
}

async function lighthouseRun(url) {
  console.log(`\n== Lighthouse (mobile emulation, simulated slow 4G), ${url}, ${LIGHTHOUSE_RUNS} runs\n`);
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      if (lhr.runtimeError) {
        console.log(`run ${i + 1}: failed, ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        continue;
      }
      const run = {};
      for (const cat of Object.values(lhr.categories)) run[cat.title] = Math.round(cat.score * 100);
      for (const [id, name] of Object.entries(METRICS)) run[name] = lhr.audits[id].numericValue;
      runs.push(run);
      console.log(`run ${i + 1}: ` + Object.entries(run).map(([key, value]) => `${key} ${format(key, value)}`).join(", "));
    } finally {
      await chrome.kill();
    }
  }
  if (runs.length === 0) return;
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log("\nmedian:");
  for (const key of Object.keys(runs[0])) console.log(`${key.padEnd(20)} ${format(key, median(key))}`);
}

async function clickTimings(base) {
  console.log("\n== From a click to the next rendered page (median of 15; desktop Chromium, no throttling)\n");
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  const page = await browser.newPage();
  await page.goto(base + "#/");
  await page.locator("#main h1").waitFor();
  const journeys = [
    ["home -> all services", "#/", 'a[href="#/services"]'],
    ["all services -> a service page", "#/services", 'a[href="#/service/work-visa-invitation"]'],
    ["a service page -> all services", "#/service/work-visa-invitation", 'a[href="#/services"]'],
    ["switch language", "#/services", 'button[lang="kk"]'],
  ];
  for (const [name, route, selector] of journeys) {
    const times = [];
    for (let i = 0; i < 15; i++) {
      await page.goto(base + route);
      await page.locator("#main h1").waitFor();
      if (name === "switch language") await page.locator('button[lang="en"]').click();
      const ms = await page.evaluate(
        (sel) =>
          new Promise((done) => {
            const before = document.querySelector("#main").innerHTML;
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelector("#main").innerHTML !== before) {
                observer.disconnect();
                requestAnimationFrame(() => done(performance.now() - start));
              }
            });
            observer.observe(document.querySelector("#main"), { subtree: true, childList: true, characterData: true });
            document.querySelector(sel).click();
          }),
        selector,
      );
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} median ${times[7].toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`);
  }
  await browser.close();
}

await stat(dist).catch(() => {
  console.error("dist/ is missing: run make build");
  process.exit(1);
});
await sizes();
const server = await serve(4190);
try {
  await lighthouseRun("http://127.0.0.1:4190/");
  await clickTimings("http://127.0.0.1:4190/");
} finally {
  server.kill();
}

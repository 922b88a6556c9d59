// make bench: what a phone downloads and how soon it shows a page. Prints figures; never fails on them.
//  sizes       every file of dist/ in raw, gzip -9 and brotli q11 (the service worker precaches them
//              all), and the first load of four pages: the html and the js, wasm and css it references;
//  headings    the time from following a link to the first paint of the page's own heading (the
//              first <h1> in <main>) on a phone profile: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s
//              up, a 4x slower CPU, no cache, no service worker. For the home page, two deep links
//              and two share links (which redirect: measured from the first navigation's start),
//              each run, the median, and each deep link's median as a multiple of the home page's:
//              every page is static HTML, so a deep link should show about as soon as the home page;
//  lighthouse  Lighthouse mobile scores and timings (simulated slow 4G) of the home page and of a
//              service page; its simulated timings vary from run to run, so every run and the median;
//  clicks      the time from a click on a link to the next rendered page (desktop, no throttling);
//  drafts      the time to open the Drafts page with 1 000 and 5 000 drafts stored, on the phone's
//              CPU (4x slower), the app's files already in the cache (whoever has thousands of
//              drafts has visited before): from the navigation to the first listed draft;
//  roster      the time from pasting 50, 200 and 500 employees into the roster page to their
//              results (the first hundred lines and the totals of all), on the phone's CPU (4x slower);
//  keystroke   the time from a keystroke in a date field of a result page with nine family members
//              (the year of the planned entry date, an answer: the checklists follow it) to the next
//              paint, on the phone's CPU (4x slower): the median and p90 of KEYSTROKES keystrokes.
//              To compare two builds, run it alone on each: BENCH=keystroke DIST=... node tests/bench/bench.mjs.
// The pages are served by tests/e2e/serve.mjs --compress --headers: each file compressed once and
// kept in memory, as a CDN serving precompressed files does, so compression costs no time here.
// Environment: BENCH=sizes,headings,lighthouse,clicks,drafts,roster,keystroke (the sections to run;
// default all), DIST (the built site; default dist/ at the top of the repository), HEADING_RUNS and
// LIGHTHOUSE_RUNS (default 5 each), KEYSTROKES (default 20), KEYSTROKE_FIELD (the date field's id;
// default dates-entry, also dates-submitted, dates-visa-end, dates-passport, fees-payment),
// CHROMIUM (default /usr/bin/chromium).
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.DIST ?? resolve(here, "../../dist"));
const sections = new Set((process.env.BENCH ?? "sizes,headings,lighthouse,clicks,drafts,roster,keystroke").split(",").map((s) => s.trim()));
const HEADING_RUNS = Number(process.env.HEADING_RUNS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 20);
const KEYSTROKE_FIELD = process.env.KEYSTROKE_FIELD ?? "dates-entry";
const chromePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const PORT = 4190;
const base = `http://127.0.0.1:${PORT}`;

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const ms = (n) => `${Math.round(n)} ms`;
const sleep = (t) => new Promise((done) => setTimeout(done, t));
const exists = (path) => stat(path).then((s) => s.isFile(), () => false);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile: the smallest value with at least `p` % of the values at or below it. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---- sizes

async function files(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await files(join(dir, entry.name), path)));
    else out.push(path);
  }
  return out.sort();
}

const sizeCache = new Map();
/** Raw, gzip -9 and brotli q11 bytes of a file of dist/ (computed once: q11 is slow). */
async function size(file) {
  if (!sizeCache.has(file)) {
    const body = await readFile(join(dist, file));
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    sizeCache.set(file, { raw: body.length, gz: gzipSync(body, { level: 9 }).length, br: br.length });
  }
  return sizeCache.get(file);
}

const tableHead = (title) => console.log(title.padEnd(56) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11));
const tableRow = (name, row) => console.log(name.padEnd(56) + kb(row.raw) + kb(row.gz) + kb(row.br));
const add = (total, row) => Object.keys(total).forEach((k) => (total[k] += row[k]));

async function allFiles() {
  console.log("\n== Transfer of dist/ (every file; the service worker's precache fetches them all)\n");
  tableHead("file");
  const total = { raw: 0, gz: 0, br: 0 };
  for (const file of await files(dist)) {
    const row = await size(file);
    tableRow(file, row);
    add(total, row);
  }
  tableRow("all files", total);
}

/** The js, wasm and css files a page references (in attributes or its inline loader script). */
async function references(page) {
  const html = await readFile(join(dist, page), "utf8");
  const found = new Set();
  for (const [, ref] of html.matchAll(/["'`]([^"'`\s<>()]+?\.(?:js|wasm|css))(?:[?#][^"'`\s<>]*)?["'`]/g)) {
    if (/^[a-z]+:/i.test(ref) || basename(ref) === "sw.js") continue;
    const path = decodeURIComponent(new URL(ref, "http://site/" + page).pathname.slice(1));
    // A URL with a sub-path (/expat/main-1a2b.css) names a hashed asset at the root of dist/.
    found.add((await exists(join(dist, path))) ? path : basename(path));
  }
  const order = { ".js": 0, ".wasm": 1, ".css": 2 };
  return [...found].sort((a, b) => order[extname(a)] - order[extname(b)] || a.localeCompare(b));
}

const FIRST_LOAD_PAGES = ["index.html", "en/service/iin/index.html", "en/services/index.html", "share/index.html", "en/roster/index.html"];

async function firstLoadPerPage() {
  console.log("\n== First load per page: the html and the js, wasm and css it references\n");
  for (const page of FIRST_LOAD_PAGES) {
    if (!(await exists(join(dist, page)))) {
      console.log(`${page}: missing\n`);
      continue;
    }
    tableHead(page);
    const total = { raw: 0, gz: 0, br: 0 };
    for (const file of [page, ...(await references(page))]) {
      if (!(await exists(join(dist, file)))) {
        console.log(`  ${file}: missing`);
        continue;
      }
      const row = await size(file);
      tableRow("  " + file, row);
      add(total, row);
    }
    tableRow("  first load", total);
    console.log();
  }
}

// ---- the server

function serve() {
  const server = spawn(process.execPath, [resolve(here, "../e2e/serve.mjs"), "--root", dist, "--port", String(PORT), "--compress", "--headers"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    server.stdout.once("data", () => ok(server));
    server.once("exit", (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
}

// ---- headings: the first paint of the page's own <h1>, from the first navigation's start

const HEADING_LINKS = [
  ["home page", "/"],
  ["service page", "/en/service/iin/"],
  ["catalogue", "/en/services/"],
  ["README share link", "/share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0"],
  ["old share link", "/#/share?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0"],
  ["roster page", "/en/roster/"],
];
const HEADING_BUDGET = 1.5; // a deep link's median as a multiple of the home page's
// App pages: also the time until the app is live on them (`html[data-app=ready]`), and its budget.
const LIVE_BUDGETS = { "README share link": 2200 };
const LIVE_LINKS = new Set(["README share link", "old share link", "roster page"]);
const HEADING_TIMEOUT = 20_000;
// Chrome DevTools' units: Mbit/s of 1024 * 1024 bits, given to the protocol in bytes per second.
const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: "en-US" };

/** In every document (before its own scripts): marks the first `main h1` for the Element Timing
 *  API as soon as the parser inserts it, and keeps the time of its first paint. Until that paint,
 *  an h1 that replaces it (an app mounting over the static page) is marked too. */
function markFirstHeading() {
  const observer = new MutationObserver(() => {
    const h1 = document.querySelector("main h1");
    if (h1 && !h1.hasAttribute("elementtiming")) h1.setAttribute("elementtiming", "first-heading");
  });
  observer.observe(document, { childList: true, subtree: true });
  // The app marks <html data-app="ready"> once it is live.
  new MutationObserver((_, self) => {
    if (document.documentElement?.dataset.app !== "ready") return;
    window.__appReady ??= performance.now();
    self.disconnect();
  }).observe(document, { attributes: true, attributeFilter: ["data-app"], subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier !== "first-heading" || window.__firstHeading) continue;
      window.__firstHeading = { time: entry.renderTime || entry.loadTime, text: entry.element?.textContent ?? null };
      observer.disconnect();
    }
  }).observe({ type: "element", buffered: true });
}

/** The page's state: its heading's paint (relative to its own timeOrigin) and its FCP. */
function headingState() {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    heading: window.__firstHeading ?? null,
    text: (window.__firstHeading?.text ?? document.querySelector("main h1")?.textContent ?? "").trim().replace(/\s+/g, " "),
    timeOrigin: performance.timeOrigin,
    appReady: window.__appReady ?? null,
    fcp: fcp ? fcp.startTime : null,
    url: location.href,
    complete: document.readyState === "complete",
  };
}

/** Whether a navigation of the page's main frame is in flight (requested, not yet committed). */
function navigationTracker(page) {
  let inFlight = false;
  const navigation = (request) => request.isNavigationRequest() && request.frame() === page.mainFrame();
  page.on("request", (request) => {
    if (navigation(request)) inFlight = true;
  });
  page.on("requestfailed", (request) => {
    if (navigation(request)) inFlight = false;
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) inFlight = false;
  });
  return () => inFlight;
}

/** Polls until the heading of the final document is painted. A redirect replaces the document
 *  (and fails an evaluation in progress), so a heading is final only in a loaded document with
 *  no navigation in flight. `after`: ignore documents that started before (the one a click leaves). */
async function waitForHeading(page, navigating, deadline, after = 0) {
  let last = null;
  while (Date.now() < deadline) {
    const state = await page.evaluate(headingState).catch(() => null);
    if (state?.heading && state.timeOrigin > after) {
      last = state;
      if (state.complete && !navigating()) return state;
    }
    await sleep(100);
  }
  return last;
}

/** Polls until the app is live in the page's document (whose heading `state` gave), or the deadline. */
async function waitForApp(page, state, deadline) {
  while (Date.now() < deadline) {
    const now = await page.evaluate(headingState).catch(() => null);
    if (now?.timeOrigin === state.timeOrigin && now.appReady !== null) return now.appReady;
    await sleep(50);
  }
  return null;
}

async function headingRun(browser, path, live) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  try {
    await context.addInitScript(markFirstHeading);
    const page = await context.newPage();
    const navigating = navigationTracker(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const start = Date.now(); // wall clock, as performance.timeOrigin
    await page.goto(base + path, { waitUntil: "commit", timeout: HEADING_TIMEOUT }).catch(() => {}); // a redirect may interrupt it
    const state = await waitForHeading(page, navigating, start + HEADING_TIMEOUT);
    if (!state) return { url: page.url() };
    const appReady = live ? await waitForApp(page, state, start + HEADING_TIMEOUT) : null;
    return {
      ...state,
      total: state.timeOrigin + state.heading.time - start,
      documentStart: state.timeOrigin - start,
      live: appReady === null ? null : state.timeOrigin + appReady - start,
    };
  } finally {
    await context.close();
  }
}

async function headings() {
  console.log(`\n== First visible heading on a phone profile, ${HEADING_RUNS} runs per link`);
  console.log("   from the start of the first navigation to the first paint of the final page's `main h1`");
  console.log("   (Element Timing); 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up (Mbit = 1024 * 1024 bits),");
  console.log("   CPU 4x slower, cache disabled, no service worker, 412x823 at 1.75x, touch, browser language en-US\n");
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  const medians = {};
  const liveMedians = {};
  try {
    for (const [name, path] of HEADING_LINKS) {
      console.log(`${name}: ${base}${path}`);
      const times = [];
      const lives = [];
      let last = null;
      for (let i = 0; i < HEADING_RUNS; i++) {
        const run = await headingRun(browser, path, LIVE_LINKS.has(name));
        if (!run.heading) {
          console.log(`  run ${i + 1}: no heading within ${HEADING_TIMEOUT / 1000} s (on ${run.url})`);
          continue;
        }
        times.push(run.total);
        last = run;
        const fcp = run.fcp === null ? "no FCP" : `FCP at +${ms(run.fcp)}`;
        const live = !LIVE_LINKS.has(name) ? "" : run.live === null ? "; not live" : `; live at ${ms(run.live)}`;
        if (run.live !== null && LIVE_LINKS.has(name)) lives.push(run.live);
        console.log(`  run ${i + 1}: ${ms(run.total).padStart(8)}   (final document started at +${ms(run.documentStart)}; in it, ${fcp}, heading at +${ms(run.heading.time)}${live})`);
      }
      if (last) console.log(`  ended on ${last.url}\n  h1 "${last.text.slice(0, 40)}"`);
      if (times.length) medians[name] = median(times);
      console.log(`  median ${times.length ? ms(medians[name]) : "none"}`);
      if (lives.length) {
        liveMedians[name] = median(lives);
        console.log(`  live: median ${ms(liveMedians[name])} of ${lives.length} runs`);
      }
      console.log();
    }
  } finally {
    await browser.close();
  }
  const home = medians["home page"];
  for (const [name] of HEADING_LINKS.slice(1)) {
    const ratio = home && medians[name] ? `${(medians[name] / home).toFixed(2)}x` : "n/a";
    console.log(`${name} / home = ${ratio} (budget ${HEADING_BUDGET}x)`);
  }
  for (const [name, budget] of Object.entries(LIVE_BUDGETS)) {
    const live = liveMedians[name];
    console.log(`${name} live: ${live ? ms(live) : "n/a"} median (budget ${ms(budget)}${live ? (live <= budget ? ", holds" : ", over") : ""})`);
  }
}

// ---- Lighthouse

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
  return Object.values(METRICS).includes(key) ? ms(value) : String(value);
}

async function lighthouseOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const run = {};
    for (const cat of Object.values(lhr.categories)) run[cat.title] = Math.round(cat.score * 100);
    for (const [id, name] of Object.entries(METRICS)) run[name] = lhr.audits[id].numericValue;
    return run;
  } finally {
    await chrome.kill();
  }
}

async function lighthouseRuns(url) {
  console.log(`\n== Lighthouse (mobile emulation, simulated slow 4G), ${url}, ${LIGHTHOUSE_RUNS} runs\n`);
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    try {
      const run = await lighthouseOnce(url);
      runs.push(run);
      console.log(`run ${i + 1}: ` + Object.entries(run).map(([key, value]) => `${key} ${format(key, value)}`).join(", "));
    } catch (error) {
      console.log(`run ${i + 1}: failed, ${error.message}`);
    }
  }
  if (runs.length === 0) return;
  console.log("\nmedian:");
  for (const key of Object.keys(runs[0])) console.log(`${key.padEnd(20)} ${format(key, median(runs.map((r) => r[key])))}`);
}

async function lighthouseSection() {
  await lighthouseRuns(`${base}/`);
  await lighthouseRuns(`${base}/en/service/iin/`);
}

// ---- clicks

const CLICK_RUNS = 15;
const JOURNEYS = [
  ["home -> all services", "/", 'header nav a[href$="services/"]'],
  ["all services -> a service page", "/en/services/", 'a[href$="service/work-visa-invitation/"]'],
  ["a service page -> all services", "/en/service/work-visa-invitation/", 'header nav a[href$="services/"]'],
  ["switch language", "/en/services/", '.lang-switch a[hreflang="kk"]'],
];

/** In the page: clicks the link and resolves once `main` has changed and been painted. The click's
 *  wall-clock time is kept in sessionStorage for the case where the link loads a new document. */
function clickAndWait(selector) {
  return new Promise((done) => {
    const main = () => document.querySelector("main")?.innerHTML ?? "";
    const before = main();
    const start = performance.now();
    sessionStorage.setItem("bench-click", String(performance.timeOrigin + start));
    const observer = new MutationObserver(() => {
      if (main() === before) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - start))); // after the frame's paint
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    document.querySelector(selector).click();
  });
}

/** One click: in-app render time, or, when the link loads a new document, the time from the
 *  click to the first paint of the new page's heading. */
async function clickOnce(page, navigating, selector) {
  const leftOrigin = await page.evaluate(() => performance.timeOrigin);
  const inApp = await page.evaluate(clickAndWait, selector).catch(() => null);
  if (inApp !== null) return { time: inApp, newDocument: false };
  const state = await waitForHeading(page, navigating, Date.now() + HEADING_TIMEOUT, leftOrigin);
  const clickedAt = Number(await page.evaluate(() => sessionStorage.getItem("bench-click")).catch(() => NaN));
  if (!state || !clickedAt) return null;
  return { time: state.timeOrigin + state.heading.time - clickedAt, newDocument: true };
}

async function clickTimings() {
  console.log(`\n== From a click to the next rendered page (median of ${CLICK_RUNS}; desktop Chromium, no throttling)\n`);
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block" });
  await context.addInitScript(markFirstHeading);
  const page = await context.newPage();
  const navigating = navigationTracker(page);
  try {
    for (const [name, path, selector] of JOURNEYS) {
      const times = [];
      let newDocument = false;
      let skipped = null;
      for (let i = 0; i < CLICK_RUNS && !skipped; i++) {
        await page.goto(base + path);
        const ready = await page.waitForSelector('html[data-app="ready"]', { state: "attached", timeout: HEADING_TIMEOUT }).catch(() => null);
        if (!ready) skipped = "skipped (the app never set data-app=ready)";
        else if ((await page.locator(selector).count()) === 0) skipped = `skipped (selector not found: ${selector})`;
        else {
          const click = await clickOnce(page, navigating, selector);
          if (!click) skipped = "skipped (nothing rendered after the click)";
          else {
            times.push(click.time);
            newDocument ||= click.newDocument;
          }
        }
      }
      if (skipped && times.length === 0) console.log(`${name.padEnd(34)} ${skipped}`);
      else {
        const note = newDocument ? " (the link loaded a new document: click to its heading's paint)" : "";
        console.log(`${name.padEnd(34)} median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms${note}${skipped ? `; then ${skipped}` : ""}`);
      }
    }
  } finally {
    await browser.close();
  }
}

// ---- Drafts page with thousands of drafts

/** Stored drafts as the app writes them (version 2), the larger `n` the newer. */
function draftEntries(count) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, n) => {
      const t = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().slice(0, 19);
      const id = `20260101-000000-${n.toString(16).padStart(8, "0")}`;
      const record = { version: 2, id, name: `Employee ${n}`, lang: "en", answers: { need: "work", where: "outside" }, ticked: [], created: t, updated: t, revision: 1 };
      return [`expat-navigator.draft.${id}`, JSON.stringify(record)];
    }),
  );
}

async function draftsPage() {
  console.log(`\n== Drafts page with many drafts, ${HEADING_RUNS} runs each: CPU 4x slower, files cached`);
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  try {
    for (const count of [1000, 5000]) {
      const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`${base}/en/`);
      await page.evaluate((entries) => {
        localStorage.clear();
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, draftEntries(count));
      await page.goto(`${base}/en/drafts/`); // warms the cache
      await page.locator("li.draft").first().waitFor({ timeout: 60_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const times = [];
      for (let i = 0; i < HEADING_RUNS; i++) {
        const start = Date.now();
        await page.goto(`${base}/en/drafts/`, { waitUntil: "commit" });
        await page.locator("li.draft").first().waitFor({ timeout: 60_000 });
        times.push(Date.now() - start);
      }
      const first = await page.locator("li.draft").first().textContent();
      console.log(`${String(count).padStart(5)} drafts: ${times.map(ms).join(", ")}; median ${ms(median(times))} (budget 1000 ms); first listed: "${first.trim().slice(0, 30)}"`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

// ---- Roster at size

/** A roster of `count` employees: work visas with families, IINs and extensions, in turn. */
function rosterText(count) {
  const header = "label\tneed\twhere\tcitizenship\tstay\tvisa\thost\tsubmitter\tbranch\tfamily\tmember1\tyears\tregistration\tvisa-end\tpassport-expiry";
  const kinds = [
    "work\toutside\tother\t\t\t\temployer\tno\t1\tspouse\t3\t\t\t01.07.2030",
    "registration\t\t\t\t\t\t\t\t0\t\t\tiin\t\t",
    "work\tinside\tother\t\twork\tsame\temployer\t\t\t\t\t\t31.03.2026\t01.07.2030",
  ];
  const rows = Array.from({ length: count }, (_, i) => `Employee ${i + 1}\t${kinds[i % kinds.length]}`);
  return [header, ...rows].join("\n");
}

async function rosterAtSize() {
  console.log(`\n== Roster: paste to the results (first 100 lines, totals of all), ${HEADING_RUNS} runs each, CPU 4x slower`);
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  try {
    for (const count of [50, 200, 500]) {
      const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`${base}/en/roster/`);
      await page.locator("#roster-text").waitFor();
      await page.locator('html[data-app="ready"]').waitFor({ state: "attached" });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const text = rosterText(count);
      const times = [];
      for (let i = 0; i < HEADING_RUNS; i++) {
        await page.locator("#roster-text").fill("");
        const elapsed = await page.evaluate(async ({ text, count }) => {
          const area = document.getElementById("roster-text");
          const start = performance.now();
          area.value = text;
          area.dispatchEvent(new Event("input", { bubbles: true }));
          // The first hundred lines are listed (more on request); the totals cover every line.
          while (document.querySelectorAll("table tbody tr").length < Math.min(count, 100) || !document.querySelector("tfoot")) await new Promise((r) => requestAnimationFrame(r));
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - start;
        }, { text, count });
        times.push(elapsed);
      }
      console.log(`${String(count).padStart(4)} employees: ${times.map(ms).join(", ")}; median ${ms(median(times))} (budget 1000 ms)`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

// ---- a keystroke in a date field of a result page with nine family members

const FAMILY_OF_NINE = ["spouse", "child-under-14", "child-under-14", "child-14-18", "child-14-18", "child-adult", "child-adult", "other", "other"];
const FAMILY_LINK = `/en/share/?need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=9&${FAMILY_OF_NINE.map((r, i) => `member${i + 1}=${r}`).join("&")}`;

/** In the page: selects the year's last digit, so that the next key replaces it, and keeps in
 *  `__keystroke` two times from that key's keydown: to the end of the app's work (its input
 *  handler, the reactive updates it queues, then style and layout, forced here), and to the
 *  paint of the frame after it. The app listens on window (Leptos delegates its events there,
 *  from its start), so this listener, added later, runs after it and after its microtasks. */
function armKeystroke(id) {
  const year = document.getElementById(id);
  year.focus();
  year.setSelectionRange(year.value.length - 1, year.value.length);
  window.__keystroke = new Promise((done) => {
    let start = null;
    document.addEventListener("keydown", () => (start = performance.now()), { capture: true, once: true });
    window.addEventListener("input", () => {
      document.documentElement.getBoundingClientRect();
      const work = performance.now() - start;
      requestAnimationFrame(() => setTimeout(() => done({ work, paint: performance.now() - start }))); // after the frame's paint
    }, { once: true });
  });
}

async function keystrokeTimings() {
  const field = KEYSTROKE_FIELD;
  // Two years ahead (the working-day calendar covers a few) that differ in their last digit only.
  const later = new Date().getFullYear() + 2;
  const years = [String(later), String(later ^ 1)];
  console.log(`\n== A keystroke in a date field of a result page with ${FAMILY_OF_NINE.length} family members, ${KEYSTROKES} keystrokes, CPU 4x slower`);
  console.log(`   the last digit of the year in #${field}-year, 1.7.${years[0]} and 1.7.${years[1]} in turn; from the keydown`);
  console.log("   to the paint of the frame after the input event (and to the end of the app's script, style and layout)\n");
  const browser = await chromium.launch({ executablePath: chromePath, args: flags });
  try {
    const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(base + FAMILY_LINK);
    await page.locator('html[data-app="ready"]').waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Load these answers" }).click();
    await page.getByRole("link", { name: "See the result" }).click();
    await page.locator("section.person").nth(FAMILY_OF_NINE.length).waitFor();
    await page.locator(`#${field}-day`).fill("1");
    await page.locator(`#${field}-month`).fill("7");
    await page.locator(`#${field}-year`).fill(years[0]);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const runs = [];
    for (let n = 0; n < 2 + KEYSTROKES; n++) { // the first two warm up
      await page.evaluate(armKeystroke, `${field}-year`);
      await page.keyboard.type(years[(n + 1) % 2].at(-1));
      const run = await page.evaluate(() => window.__keystroke);
      if (n >= 2) runs.push(run);
      await sleep(600); // a typed date that is not an answer is saved once typing pauses (300 ms)
    }
    const paint = runs.map((r) => r.paint);
    const work = runs.map((r) => r.work);
    const checklists = await page.locator("section.person").count();
    console.log(`to the paint: ${paint.map((t) => t.toFixed(1)).join(", ")} ms`);
    console.log(`to the end of script, style and layout: median ${median(work).toFixed(1)} ms, p90 ${percentile(work, 90).toFixed(1)} ms (${checklists} checklists on the page)`);
    console.log(`result page, ${FAMILY_OF_NINE.length} family members: date keystroke median ${median(paint).toFixed(1)} ms, p90 ${percentile(paint, 90).toFixed(1)} ms`);
    await context.close();
  } finally {
    await browser.close();
  }
}

// ---- main: each section runs on its own; a failure is printed and the next one runs

async function section(name, run) {
  if (!sections.has(name)) return;
  try {
    await run();
  } catch (error) {
    console.log(`\n== ${name}: failed\n${error.stack ?? error}`);
  }
}

if (!(await stat(dist).catch(() => null))?.isDirectory()) {
  console.error(`${dist} is missing: run make build (or set DIST)`);
  process.exit(1);
}
console.log(`bench of ${dist}; sections: ${[...sections].join(", ")}`);
await section("sizes", async () => {
  await allFiles();
  await firstLoadPerPage();
});
const browserSections = ["headings", "lighthouse", "clicks", "drafts", "roster", "keystroke"].filter((name) => sections.has(name));
if (browserSections.length && !(await exists(chromePath))) {
  console.log(`\n== ${browserSections.join(", ")}: skipped, no browser at ${chromePath} (make browser-tools, or set CHROMIUM)`);
} else if (browserSections.length) {
  const server = await serve().catch((error) => console.log(`\n== ${browserSections.join(", ")}: skipped, no server: ${error.message}`));
  if (server) {
    // Neither the server nor Lighthouse's Chromium may outlive the bench, however it ends
    // (Playwright closes its own browsers).
    process.on("exit", () => {
      server.kill();
      chromeLauncher.killAll();
    });
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));
    await section("headings", headings);
    await section("lighthouse", lighthouseSection);
    await section("clicks", clickTimings);
    await section("drafts", draftsPage);
    await section("roster", rosterAtSize);
    await section("keystroke", keystrokeTimings);
    server.kill();
  }
}

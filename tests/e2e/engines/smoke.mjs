// Smoke tests in WebKit and Firefox, the engines besides Chromium (`make engines`, in `make test`):
// the home page, a service page, a share link through to the result, a draft kept over a reload,
// and a roster paste, against the release build. Each fails on a console error.
//  - WebKit: Debian's WebKitWebDriver driving MiniBrowser (WebKitGTK) in a virtual display (Xvfb).
//    Its driver has no WebDriver BiDi, so console errors are read two ways: each page is first
//    opened in MiniBrowser alone, which writes its console to stdout; during the steps, a hook
//    installed in the page collects errors and console.error calls.
//  - Firefox: Debian's firefox-esr, headless, through geckodriver (crates.io), whose WebDriver
//    BiDi reports every console message and JavaScript error.
//   node engines/smoke.mjs [webkit|firefox ...]   (from tests/e2e; dist/ must be built)
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Builder, By } from "selenium-webdriver";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const DIST = new URL("../../../dist", import.meta.url).pathname;
const PORT = 4185;
const SITE = `http://127.0.0.1:${PORT}`;
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DISPLAY = ":97";
const SHARE = "need=work&where=outside&citizenship=other&submitter=employer&branch=no&family=0";
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ["webkit", "firefox"];

const children = [];
function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  children.push(child);
  return child;
}
const stopAll = () => children.forEach((c) => c.kill());
process.on("exit", stopAll);

/** Resolves once `url` answers, or fails after `ms`. */
async function reachable(url, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > end) throw new Error(`${url} did not answer: ${error.message}`);
      await sleep(100);
    }
  }
}

/** Polls `script` in the page until it returns a truthy value. */
async function until(driver, what, script, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await driver.executeScript(script).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const live = (driver, what) => until(driver, `${what} to go live`, `return document.documentElement.dataset.app === "ready" && document.querySelector("#main h1")?.textContent`);

/** Console errors and uncaught errors from now on in this document (WebKit's driver has no BiDi). */
const HOOK = `if (!window.__errors) {
  window.__errors = [];
  addEventListener("error", (e) => window.__errors.push(String(e.message)));
  addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
  const error = console.error.bind(console);
  console.error = (...args) => { window.__errors.push(args.join(" ")); error(...args); };
}`;

/** The five smoke steps; `problems` gathers what went wrong. */
async function steps(driver, open, problems) {
  const step = async (name, body) => {
    try {
      await body();
      console.log(`  ✓ ${name}`);
    } catch (error) {
      problems.push(`${name}: ${error.message}`);
      console.log(`  ✘ ${name}: ${error.message}`);
    }
  };
  await step("the home page goes live", async () => {
    await open("/en/");
    const h1 = await live(driver, "the home page");
    if (!h1.includes("Which AIFC Expat Centre service")) throw new Error(`heading "${h1}"`);
  });
  await step("a service page goes live", async () => {
    await open("/en/service/iin/");
    const h1 = await live(driver, "the service page");
    if (!h1.includes("Individual Identification Number")) throw new Error(`heading "${h1}"`);
  });
  await step("a share link reaches the result", async () => {
    await open(`/en/share/?${SHARE}`);
    await live(driver, "the share page");
    await (await driver.findElement(By.xpath("//button[normalize-space()='Load these answers']"))).click();
    await (await until(driver, "the result link", `return [...document.querySelectorAll("a")].find((a) => a.textContent.trim() === "See the result")`)).click();
    await until(driver, "the applicant's checklist", `return document.querySelectorAll("section.person .checklist li").length > 3`);
  });
  await step("the draft is kept over a reload", async () => {
    await driver.navigate().refresh();
    await live(driver, "the reloaded result");
    await until(driver, "the checklist after the reload", `return document.querySelectorAll("section.person .checklist li").length > 3`);
    const service = await driver.executeScript(`return document.querySelector("main").textContent`);
    if (!service.includes("Invitation letter")) throw new Error("the result lost its service");
  });
  await step("a roster paste shows its line", async () => {
    await open("/en/roster/");
    await live(driver, "the roster page");
    await driver.executeScript(`const box = document.getElementById("roster-text");
      box.value = "label\\tneed\\twhere\\tcitizenship\\tsubmitter\\tbranch\\tfamily\\nAigerim\\twork\\toutside\\tother\\temployer\\tno\\t0";
      box.dispatchEvent(new Event("input", { bubbles: true }));`);
    await until(driver, "the employee's line", `return [...document.querySelectorAll("tbody tr")].some((tr) => tr.textContent.includes("Aigerim") && tr.textContent.includes("Invitation letter"))`);
  });
}

/** WebKit: each page alone in MiniBrowser, which writes its console to stdout, for load-time errors. */
async function webkitLoadErrors(paths) {
  const errors = [];
  for (const path of paths) {
    const browser = start(MINIBROWSER, ["--enable-write-console-messages-to-stdout=true", SITE + path], { DISPLAY });
    let out = "";
    browser.stdout.on("data", (d) => (out += d));
    browser.stderr.on("data", (d) => (out += d));
    await sleep(4000);
    browser.kill();
    for (const line of out.split("\n")) if (/CONSOLE .*ERROR/.test(line)) errors.push(`${path}: ${line.trim()}`);
  }
  return errors;
}

async function webkit() {
  const problems = [];
  const driverProcess = start("WebKitWebDriver", ["--port=4446"], { DISPLAY });
  await reachable("http://127.0.0.1:4446/status");
  const paths = ["/en/", "/en/service/iin/", `/en/share/?${SHARE}`, "/en/roster/"];
  for (const error of await webkitLoadErrors(paths)) problems.push(`console: ${error}`);
  const driver = await new Builder()
    .usingServer("http://127.0.0.1:4446")
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
    .build();
  const collected = [];
  const drain = async () => collected.push(...((await driver.executeScript("return window.__errors || []").catch(() => [])) ?? []));
  const open = async (path) => {
    await drain();
    await driver.get(SITE + path);
    await driver.executeScript(HOOK);
  };
  try {
    await steps(driver, open, problems);
    await drain();
  } finally {
    await driver.quit().catch(() => {});
    driverProcess.kill();
  }
  for (const error of collected) problems.push(`console: ${error}`);
  return problems;
}

async function firefox() {
  const problems = [];
  const driverProcess = start("geckodriver", ["--port=4447"]);
  await reachable("http://127.0.0.1:4447/status");
  const driver = await new Builder()
    .usingServer("http://127.0.0.1:4447")
    .withCapabilities({ browserName: "firefox", webSocketUrl: true, "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] } })
    .build();
  const logged = [];
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((entry) => entry.level === "error" && logged.push(entry.text));
  await inspector.onJavascriptException((entry) => logged.push(entry.text));
  try {
    await steps(driver, (path) => driver.get(SITE + path), problems);
  } finally {
    await inspector.close().catch(() => {});
    await driver.quit().catch(() => {});
    driverProcess.kill();
  }
  for (const error of logged) problems.push(`console: ${error}`);
  return problems;
}

const server = start(process.execPath, [`${here}../serve.mjs`, "--root", DIST, "--port", String(PORT)]);
await reachable(SITE + "/");
if (engines.includes("webkit")) {
  start("Xvfb", [DISPLAY, "-screen", "0", "1280x1024x24"]);
  await sleep(500);
}
let failed = 0;
let passed = 0;
for (const engine of engines) {
  const started = Date.now();
  console.log(`${engine}:`);
  const problems = await (engine === "webkit" ? webkit() : firefox());
  for (const problem of problems.filter((p) => p.startsWith("console:"))) console.log(`  ✘ ${problem}`);
  console.log(`  ${engine} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (problems.length) failed++;
  else passed++;
}
server.kill();
console.log(`engines: ${passed} passed, ${failed} failed`);
stopAll();
process.exit(failed ? 1 : 0);

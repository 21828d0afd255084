// The page of `lede serve` in headless Chromium (Debian's chromium, driven by
// playwright-core): a corpus built with `lede ingest` from the pages beside this file,
// the server on a free port, and what a reader does with the page: search, open an
// article, look at the timeline, paste a page into the extract box; and a page whose
// title and body carry markup and javascript: addresses, which must stay text.
//
//   node serve_page.test.mjs LEDE_BINARY
//
// LEDE_SCREENSHOTS=DIR writes search.png, article.png, timeline.png and phone.png there
// (docs/img/ holds the ones the README shows). LEDE_CHROMIUM names the browser
// (default /usr/bin/chromium). Exits 77 (ctest's SKIP_RETURN_CODE) with a message
// where the browser or playwright-core is missing.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import {execFileSync, spawn} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

// What ctest reads as "skipped" (SKIP_RETURN_CODE in tests/browser/CMakeLists.txt).
const kSkip = 77;
// Milliseconds before one step (a navigation, a wait for an element) counts as hung: a hang
// detector, not a budget, so generous enough for a machine saturated by other work (a step
// takes well under a second alone). ctest's TIMEOUT for the whole file is the outer bound.
const kStepMillis = 60_000;
// A desktop window and a phone's (an iPhone 12-14 is 390 CSS pixels wide).
const kDesktop = {width: 1000, height: 760};
const kPhone = {width: 390, height: 844};
// Drawn pixels the timeline's canvas must hold: its axes, labels and bars make
// thousands; an empty canvas none.
const kMinDrawnPixels = 500;

const here = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(here, "pages");
const lede = process.argv[2];
const shotsDir = process.env.LEDE_SCREENSHOTS || "";

function skip(why) {
  console.log("SKIP: " + why);
  process.exit(kSkip);
}

if (!lede || !existsSync(lede)) {
  console.error("usage: node serve_page.test.mjs LEDE_BINARY (no lede at " + lede + ")");
  process.exit(2);
}
const chromiumPath = process.env.LEDE_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  skip("no browser at " + chromiumPath + " (scripts/setup.sh installs Debian's chromium)");
}
let chromium;
try {
  ({chromium} = await import("playwright-core"));
} catch (e) {
  skip("playwright-core is not installed in tests/browser (scripts/setup.sh runs npm ci there): " +
       e.message.split("\n")[0]);
}

let dir, server, origin, browser;

// Starts `lede serve --port 0` and resolves with the address it prints.
function serve(db) {
  return new Promise((resolve, reject) => {
    server = spawn(lede, ["serve", "--db", db, "--port", "0"], {stdio: ["ignore", "pipe", "pipe"]});
    let out = "";
    let err = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /at (http:\/\/\S+?)\/?\n/.exec(out);
      if (m) resolve(m[1]);
    });
    server.stderr.on("data", (chunk) => { err += chunk; });
    server.on("exit", (code) => reject(new Error("lede serve exited " + code + ": " + err)));
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "lede-browser-"));
  const db = join(dir, "corpus.db");
  // The hostile page goes in as a record whose address is a javascript: URL.
  const hostile = join(dir, "hostile.jsonl");
  execFileSync(lede, ["extract", "--analyze", "--url", 'javascript:alert("url")', "-o", hostile,
                      join(pagesDir, "hostile.html")], {stdio: "pipe"});
  const pages = ["ferry-strike", "ferry-talks", "ferry-deal", "island-bakery", "library-hours"]
                    .map((p) => join(pagesDir, p + ".html"));
  execFileSync(lede, ["ingest", "--quiet", "--db", db, ...pages, hostile], {stdio: "pipe"});
  origin = await serve(db);
  const args = ["--disable-dev-shm-usage"];
  // Chromium's sandbox refuses to start as root (CI runs as root).
  if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
  browser = await chromium.launch({executablePath: chromiumPath, args});
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  if (dir) rmSync(dir, {recursive: true, force: true});
});

// A fresh page that notes every dialog, every request to anything but the server
// (a request the policy blocks counts too), every Content-Security-Policy refusal and
// every script error; `done()` asserts there were none.
async function openPage(viewport = kDesktop) {
  const context = await browser.newContext({viewport, reducedMotion: "reduce"});
  const page = await context.newPage();
  page.setDefaultTimeout(kStepMillis);
  const dialogs = [];
  const foreign = [];
  const refused = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on("request", (r) => {
    if (!r.url().startsWith(origin + "/")) foreign.push(r.url());
  });
  // Chromium reports a Content-Security-Policy refusal, a failed request and a script
  // error as console errors: the page makes none.
  page.on("console", (m) => { if (m.type() === "error") refused.push(m.text()); });
  page.on("pageerror", (e) => refused.push("script error: " + e.message));
  const done = async () => {
    assert.deepEqual(dialogs, [], "dialogs opened");
    assert.deepEqual(foreign, [], "requests to other hosts");
    assert.deepEqual(refused, [], "refusals and script errors");
    await context.close();
  };
  return {page, done};
}

async function shot(page, name) {
  if (shotsDir) await page.screenshot({path: join(shotsDir, name)});
}

async function searchFor(page, q) {
  await page.goto(origin + "/");
  // The search box has the focus on load: a reader types at once.
  assert.equal(await page.evaluate(() => document.activeElement.id), "q");
  await page.keyboard.type(q);
  await page.keyboard.press("Enter");
  await page.locator(".hit").first().waitFor();
}

test("a search shows the matching stories with the words marked", async () => {
  const {page, done} = await openPage();
  await searchFor(page, "ferry");
  const titles = await page.locator(".hit > a").allTextContents();
  assert.ok(titles.length >= 4, "stories found: " + titles.join(" | "));
  assert.ok(titles.includes("Ferry crews walk out over night rosters"), titles.join(" | "));
  assert.ok(await page.locator(".hit mark").count() >= titles.length, "marked words");
  assert.match(await page.locator("#status").textContent(), /^\d+ stories$/);
  await page.locator("#stats").filter({hasText: "articles"}).waitFor();
  await shot(page, "search.png");
  await done();
});

test("an article shows each quote highlighted with its speaker, reached by keyboard", async () => {
  const {page, done} = await openPage();
  await searchFor(page, "rosters walk out");
  // Tab from the search box to the first story and open it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement.matches(".hit > a"))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent),
               "Ferry crews walk out over night rosters");
  await page.keyboard.press("Enter");
  const title = page.locator("#article h2");
  await title.waitFor();
  assert.equal(await title.textContent(), "Ferry crews walk out over night rosters");
  // The view moves the focus to the title, so the keyboard carries on from there.
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "H2");

  const quote = page.locator("#article .quote", {hasText: "We asked for rest"});
  assert.equal(await quote.count(), 1);
  assert.equal(await quote.getAttribute("title"), "Said by Marta Lindqvist");
  const speaker = await quote.evaluate((q) => q.nextElementSibling &&
                                              q.nextElementSibling.matches(".speaker") &&
                                              q.nextElementSibling.textContent);
  assert.equal(speaker, "— Marta Lindqvist");
  const background = await quote.evaluate((q) => getComputedStyle(q).backgroundColor);
  assert.notEqual(background, "rgba(0, 0, 0, 0)", "the quote is highlighted");
  const people = await page.locator("#article dt").allTextContents();
  assert.ok(people.includes("Marta Lindqvist") && people.includes("Tomas Berg"), people.join());
  assert.match(await page.locator("#article .byline").textContent(), /Ines Varga · 2024-03-04/);
  await shot(page, "article.png");
  await done();
});

// Pixels of the plot's canvas: how many are drawn, and how many are in each colour asked.
async function canvasPixels(page, colours) {
  return page.locator("figure.plot canvas").evaluate((canvas, colours) => {
    const {data} = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) +
                                   Math.abs(data[i + 2] - b) < 60;
    const counts = {drawn: 0};
    for (const name of Object.keys(colours)) counts[name] = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      counts.drawn++;
      for (const [name, rgb] of Object.entries(colours)) if (near(i, rgb)) counts[name]++;
    }
    return counts;
  }, colours);
}

test("the timeline draws stories per day with uPlot, and a site's line on request", async () => {
  const {page, done} = await openPage();
  await page.goto(origin + "/#timeline/ferry/0");
  await page.locator("figure.plot canvas").waitFor();
  // The bars: the accent blue (the canvas keeps colour and alpha apart); the first
  // site's line: its red.
  const colours = {bars: [11, 87, 208], site: [217, 48, 37]};
  let pixels = await canvasPixels(page, colours);
  assert.ok(pixels.drawn >= kMinDrawnPixels, "drawn pixels: " + JSON.stringify(pixels));
  assert.ok(pixels.bars > 100, "bar pixels: " + JSON.stringify(pixels));
  assert.equal(pixels.site, 0, "no site line before one is asked for");
  const days = await page.locator("table.timeline td:first-child").allTextContents();
  assert.deepEqual(days, ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"]);

  // Tick the first site with the keyboard: its line appears.
  await page.locator("fieldset.sites input").first().focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => document.querySelector("fieldset.sites input").checked);
  pixels = await canvasPixels(page, colours);
  assert.ok(pixels.site > 20, "site line pixels: " + JSON.stringify(pixels));
  await shot(page, "timeline.png");
  await done();
});

// A page written for this test, pasted into the extract box.
const kPastedPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Night trains return to the coast line | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2024-04-02T07:00:00Z"></head>
<body><article><h1>Night trains return to the coast line</h1>
<p>Sleeper trains will run on the coast line again from May, the rail operator said on Tuesday,
ten years after the last service was withdrawn for lack of passengers.</p>
<p>“People want to wake up by the sea without driving through the night,” said Lena Moreau,
who leads the operator's long-distance services.</p>
<p>Tickets go on sale next week. The first train leaves the capital on the evening of May 3.</p>
</article></body></html>`;

test("the extract box shows the record lede makes of a pasted page", async () => {
  const {page, done} = await openPage();
  await page.goto(origin + "/");
  await page.locator("#extract-url").fill("https://coast-courier.example/news/night-trains");
  await page.locator("#extract-html").fill(kPastedPage);
  await page.locator("#extract-form button").focus();
  await page.keyboard.press("Enter");
  await page.locator("#status", {hasText: "Extracted (not stored)"}).waitFor();
  assert.equal(await page.locator("#article h2").textContent(),
               "Night trains return to the coast line");
  const link = page.locator("#article a[href='https://coast-courier.example/news/night-trains']");
  assert.equal(await link.count(), 1);
  const quote = page.locator("#article .quote", {hasText: "wake up by the sea"});
  assert.equal(await quote.getAttribute("title"), "Said by Lena Moreau");
  await done();
});

// Asserts that #article holds the hostile page's values as text and nothing of them as markup.
async function assertInert(page) {
  const article = page.locator("#article");
  assert.match(await article.locator("h2").textContent(),
               /^Harbour <script>alert\("title"\)<\/script> <img src=x onerror=alert\("title-img"\)>/);
  const text = await article.textContent();
  for (const literal of ['<script>alert("body")</script>', '<img src=x onerror=alert("body-img")>',
                         'javascript:alert("body-link")', '<b onmouseover=alert("quote")>',
                         '<img src=x onerror=alert("caption")>']) {
    assert.ok(text.includes(literal), "shown as text: " + literal);
  }
  const markup = await page.evaluate(() => document.querySelectorAll(
      "#article script, #article img, #article iframe, #article b, #article [onerror], " +
      "#article [onmouseover], #article [onload]").length);
  assert.equal(markup, 0, "elements made from record values");
  const links = await page.evaluate(() => [...document.querySelectorAll("a")]
      .map((a) => a.getAttribute("href")).filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)));
  assert.deepEqual(links, []);
  await article.locator(".quote").first().hover();
}

test("markup and javascript: addresses in a page stay inert text", async () => {
  const {page, done} = await openPage();
  await searchFor(page, "notice board");
  const hit = page.locator(".hit > a").first();
  assert.match(await hit.textContent(), /<script>alert\("title"\)<\/script>/);
  assert.equal(await page.evaluate(() => document.querySelectorAll("#results script, #results img," +
                                                                   " #results [onerror]").length), 0);
  await hit.click();
  await page.locator("#article h2").waitFor();
  await assertInert(page);
  // The record's address is a javascript: URL: shown, not linked.
  const address = page.locator("#article p.muted", {hasText: 'javascript:alert("url")'});
  assert.equal(await address.count(), 1);
  assert.equal(await address.locator("a").count(), 0);

  // The same page pasted into the extract box.
  await page.locator("#extract-html").fill(readFileSync(join(pagesDir, "hostile.html"), "utf8"));
  await page.locator("#extract-form button").click();
  await page.locator("#status", {hasText: "Extracted (not stored)"}).waitFor();
  await assertInert(page);
  // An error handler or a late image would fire within this.
  await page.waitForTimeout(300);
  await done();
});

test("on a phone-wide screen nothing runs off the side", async () => {
  const {page, done} = await openPage(kPhone);
  await searchFor(page, "ferry");
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await fits() <= kPhone.width, "search view is " + await fits() + " px wide");
  await shot(page, "phone.png");
  await page.goto(origin + "/#timeline/ferry/0");
  await page.locator("figure.plot canvas").waitFor();
  assert.ok(await fits() <= kPhone.width, "timeline view is " + await fits() + " px wide");
  await page.goto(origin + "/#search/ferry/0");
  await page.locator(".hit > a", {hasText: "Ferry crews walk out"}).click();
  await page.locator("#article h2").waitFor();
  assert.ok(await fits() <= kPhone.width, "article view is " + await fits() + " px wide");
  await done();
});

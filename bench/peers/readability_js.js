#!/usr/bin/env node
// Runs Readability.js (on jsdom) over pages held in memory and writes
// lede-style JSON Lines.
//
//   node readability_js.js --out preds.jsonl --timing t.json [--repeat N] PAGE...
//
// Each line is {"text": article.textContent, "source": {"path": PAGE}}, or an
// error record when Readability finds no article or throws. The timing file
// gets the wall and CPU time (all of node's threads) of the parse-and-extract
// loop alone (pages already read, one process), each the smallest of --repeat
// passes.
"use strict";

const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function parseArgs(argv) {
  const args = { out: null, timing: null, repeat: 1, pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") args.out = argv[++i];
    else if (argv[i] === "--repeat") args.repeat = Math.max(1, parseInt(argv[++i], 10) || 1);
    else if (argv[i] === "--timing") args.timing = argv[++i];
    else args.pages.push(argv[i]);
  }
  if (!args.out || !args.timing || args.pages.length === 0) {
    process.stderr.write("usage: readability_js.js --out FILE --timing FILE [--repeat N] PAGE...\n");
    process.exit(2);
  }
  return args;
}

function extract(html) {
  // A silent console: pages' broken CSS and scripts are not our output.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article ? article.textContent : null;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pages = args.pages.map((path) => ({ path, html: fs.readFileSync(path, "utf8") }));

  let records = [];
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  for (let pass = 0; pass < args.repeat; pass++) {
    records = [];
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const { path, html } of pages) {
      try {
        const text = extract(html);
        records.push(text === null
          ? { error: { code: "no_content", message: "Readability found no article" },
              source: { path } }
          : { text, source: { path } });
      } catch (e) {
        records.push({ error: { code: "peer_failed", message: String(e) }, source: { path } });
      }
    }
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds = Math.min(cpuSeconds, (cpu.user + cpu.system) / 1e6);
  }

  fs.writeFileSync(args.out, records.map((r) => JSON.stringify(r) + "\n").join(""));
  const version = (name) => require(`${name}/package.json`).version;
  fs.writeFileSync(args.timing, JSON.stringify({
    tool: "Readability.js",
    version: `${version("@mozilla/readability")} (jsdom ${version("jsdom")})`,
    pages: pages.length,
    seconds,
    cpu_seconds: cpuSeconds,
  }));
  process.stderr.write(`Readability.js: ${pages.length} pages in ${seconds.toFixed(2)} s\n`);
}

main();

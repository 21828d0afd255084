#!/usr/bin/env node
// Runs Readability.js (on jsdom) over pages and writes its metadata as
// lede-shaped JSON Lines, for the side-by-side metadata comparison.
//
//   node readability_metadata.js --out records.jsonl PAGE[=URL]...
//
// Each line: {"title", "published", "byline", "authors", "language",
// "site": {"name"}, "source": {"path"}}. Pages may be gzip-compressed.
"use strict";

const fs = require("fs");
const zlib = require("zlib");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function main() {
  const argv = process.argv.slice(2);
  let out = null;
  const pages = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = argv[++i];
    else pages.push(argv[i]);
  }
  if (!out || pages.length === 0) {
    process.stderr.write("usage: readability_metadata.js --out FILE PAGE[=URL]...\n");
    process.exit(2);
  }
  const lines = [];
  for (const arg of pages) {
    const eq = arg.indexOf("=");
    const path = eq < 0 ? arg : arg.slice(0, eq);
    const url = eq < 0 ? undefined : arg.slice(eq + 1);
    let bytes = fs.readFileSync(path);
    if (path.endsWith(".gz")) bytes = zlib.gunzipSync(bytes);
    const record = { source: { path } };
    try {
      const dom = new JSDOM(bytes.toString("utf8"), { url, virtualConsole: new VirtualConsole() });
      const a = new Readability(dom.window.document).parse();
      dom.window.close();
      if (a) {
        record.title = a.title || null;
        record.published = a.publishedTime || null;
        record.byline = a.byline || "";
        record.authors = a.byline ? [a.byline] : [];
        record.language = a.lang || null;
        record.site = { name: a.siteName || null };
      }
    } catch (e) {
      record.error = String(e);
    }
    lines.push(JSON.stringify(record) + "\n");
  }
  fs.writeFileSync(out, lines.join(""));
}

main();

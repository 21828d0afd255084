// The corpus page. Every value from a record is inserted as text
// (textContent, createTextNode), never as markup: article text is hostile.
"use strict";

const $ = (id) => document.getElementById(id);
const kPageSize = 10;

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

async function api(path, init) {
  const res = await fetch(path, init);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

function status(text, isError) {
  const s = $("status");
  s.textContent = text || "";
  s.className = isError ? "error" : "muted";
}

// A snippet marks matching words as **word**: those become <mark> elements.
function snippetNode(snippet) {
  const p = el("p", {class: "snippet"});
  String(snippet || "").split("**").forEach((part, i) => {
    p.append(i % 2 ? el("mark", {text: part}) : document.createTextNode(part));
  });
  return p;
}

// Only http(s) addresses become links; anything else (javascript:, data:) stays text.
function safeLink(url, text) {
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") {
      return el("a", {href: u.href, rel: "noopener noreferrer nofollow", target: "_blank", text});
    }
  } catch (e) { /* not an address */ }
  return document.createTextNode(text);
}

function startView(view) {
  dropPlot();
  $("article").hidden = true;
  $("results").hidden = false;
  $("results").replaceChildren();
  $("pager").replaceChildren();
  $("views").hidden = false;
  for (const b of $("views").querySelectorAll("button")) {
    b.setAttribute("aria-pressed", String(b.dataset.view === view));
  }
  status("Searching…");
}

async function search(q, offset) {
  startView("search");
  try {
    const params = new URLSearchParams({q, limit: kPageSize, offset});
    const r = await api("/api/search?" + params);
    status(r.total + (r.total === 1 ? " story" : " stories"));
    for (const hit of r.results) {
      const meta = [hit.site && hit.site.name || hit.site && hit.site.domain || "",
                    (hit.published || "").slice(0, 10)].filter(Boolean).join(" · ");
      const copies = hit.copies > 1 ? " · " + hit.copies + " copies" : "";
      const link = el("a", {href: "#article/" + hit.id, text: hit.title || "(no title)"});
      $("results").append(el("div", {class: "hit"}, link,
                             el("div", {class: "meta", text: meta + copies}),
                             snippetNode(hit.snippet)));
    }
    if (offset > 0) $("pager").append(pageButton("← Newer results", q, offset - kPageSize));
    if (offset + kPageSize < r.total) $("pager").append(pageButton("More results →", q, offset + kPageSize));
  } catch (e) {
    status(e.message, true);
  }
}

function pageButton(label, q, offset, view) {
  const b = el("button", {type: "button", text: label});
  b.addEventListener("click", () => { location.hash = (view || "search") + "/" + encodeURIComponent(q) + "/" + offset; });
  return b;
}

async function quotes(q, offset) {
  startView("quotes");
  try {
    const r = await api("/api/quotes?" + new URLSearchParams({q, limit: kPageSize, offset}));
    status(r.total + (r.total === 1 ? " quote" : " quotes"));
    for (const hit of r.results) {
      const link = el("a", {href: "#article/" + hit.article_id, text: [hit.site, hit.day].filter(Boolean).join(" · ") || "article"});
      $("results").append(el("div", {class: "hit"},
          el("blockquote", {class: "quote", text: hit.text}),
          el("div", {class: "meta"}, el("span", {class: "speaker", text: hit.speaker || "Unattributed"}),
             " " + (hit.cue || "") + " · ", link)));
    }
    if (offset > 0) $("pager").append(pageButton("← Previous", q, offset - kPageSize, "quotes"));
    if (offset + kPageSize < r.total) $("pager").append(pageButton("More quotes →", q, offset + kPageSize, "quotes"));
  } catch (e) {
    status(e.message, true);
  }
}

async function people(q, offset) {
  startView("people");
  try {
    const r = await api("/api/people?" + new URLSearchParams({q, limit: 50, offset}));
    status(r.results.length ? "" : "No people named");
    const dl = el("dl");
    for (const p of r.results) {
      const who = el("a", {href: "#quotes/" + encodeURIComponent("speaker:\"" + p.name + "\"") + "/0", text: p.name});
      dl.append(el("dt", {}, who),
                el("dd", {text: p.articles + (p.articles === 1 ? " article" : " articles") +
                                (p.titles.length ? " · " + p.titles.join("; ") : "")}));
    }
    $("results").append(dl);
  } catch (e) {
    status(e.message, true);
  }
}

// Colours of the site lines, one per site of the ten with most (the total is drawn in the
// accent colour of the page).
const kSiteColours = ["#d93025", "#188038", "#e37400", "#9334e6", "#12b5cb",
                      "#b06000", "#c5221f", "#1967d2", "#5f6368", "#a142f4"];
// Plot height in CSS pixels: a third of a phone screen, a quarter of a laptop's.
const kPlotHeight = 240;
const kDaySeconds = 86400;
// Steps between the ticks of each axis: whole days and whole stories.
const kDayIncrements = [1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 3640];
const kCountIncrements = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 50000];

// The plot on screen and what resizes it, so another view can take it down.
let plot = null;
function dropPlot() {
  if (!plot) return;
  window.removeEventListener("resize", plot.resize);
  plot.chart.destroy();
  plot = null;
}

// "2024-03-05" as seconds since 1970 at 00:00 UTC, or NaN.
function daySeconds(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000 : NaN;
}

// Every day from a day before the first to a day after the last (days without stories
// count 0, so the plot shows coverage falling as well as rising), and each series'
// counts on those days.
function timelineData(r) {
  const days = r.days.map((d) => daySeconds(d.day)).filter((t) => !isNaN(t));
  const first = Math.min(...days) - kDaySeconds;
  const last = Math.max(...days) + kDaySeconds;
  const xs = [];
  for (let t = first; t <= last; t += kDaySeconds) xs.push(t);
  const column = (counts) => {
    const ys = new Array(xs.length).fill(0);
    for (const d of counts) {
      const t = daySeconds(d.day);
      if (!isNaN(t)) ys[Math.round((t - first) / kDaySeconds)] = d.count;
    }
    return ys;
  };
  return [xs, column(r.days), ...r.sites.map((s) => column(s.days))];
}

// Stories per published day, drawn by uPlot (web/vendor/uplot) on a canvas: all stories
// as bars, and a line for each of the sites with most, shown when its box is ticked.
// The same counts follow as a table for screen readers and for copying.
async function timeline(q) {
  startView("timeline");
  try {
    const r = await api("/api/timeline?" + new URLSearchParams({q}));
    status(r.days.length + (r.days.length === 1 ? " day" : " days") +
           (r.undated ? ", " + r.undated + " undated" : ""));
    if (!r.days.length) return;
    const peak = r.days.reduce((a, b) => (b.count > a.count ? b : a));
    const holder = el("figure", {class: "plot", role: "img",
        "aria-label": "Stories per published day from " + r.days[0].day + " to " +
                      r.days[r.days.length - 1].day + "; most on " + peak.day + " (" +
                      peak.count + ")"});
    $("results").append(holder);
    const width = () => Math.max(200, holder.clientWidth);
    const opts = {
      width: width(),
      height: kPlotHeight,
      padding: [12, 40, 0, 0],  // room for the last day's label on the right
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      cursor: {drag: {x: true, y: false}},
      legend: {live: true},
      scales: {y: {range: (u, min, max) => [0, Math.max(1, max)]}},
      axes: [{space: 90, incrs: kDayIncrements.map((n) => n * kDaySeconds),
               values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(0, 10))},
             {label: "stories", size: 50, incrs: kCountIncrements}],
      series: [
        {label: "day", value: "{YYYY}-{MM}-{DD}"},
        {label: "all stories", stroke: "#0b57d0", fill: "rgba(11, 87, 208, 0.35)",
         paths: uPlot.paths.bars({size: [0.9, 40]}), points: {show: false}},
        ...r.sites.map((s, i) => ({label: s.site, show: false, width: 2,
                                   stroke: kSiteColours[i % kSiteColours.length],
                                   points: {size: 6}})),
      ],
      hooks: {setSeries: [(u, i) => {
        if (i !== null && boxes[i]) boxes[i].checked = u.series[i].show;
      }]},
    };
    const boxes = [];
    const chart = new uPlot(opts, timelineData(r), holder);
    plot = {chart, resize: () => chart.setSize({width: width(), height: kPlotHeight})};
    window.addEventListener("resize", plot.resize);

    if (r.sites.length) {
      const list = el("fieldset", {class: "sites"}, el("legend", {text: "Sites with most"}));
      r.sites.forEach((s, i) => {
        const box = el("input", {type: "checkbox", id: "site-" + i});
        box.addEventListener("change", () => chart.setSeries(i + 2, {show: box.checked}));
        boxes[i + 2] = box;
        const swatch = el("span", {class: "swatch", "aria-hidden": "true"});
        swatch.style.background = kSiteColours[i % kSiteColours.length];
        list.append(el("label", {for: "site-" + i}, box, swatch, s.site + " (" + s.count + ")"));
      });
      $("results").append(list);
    }
    const table = el("table", {class: "timeline"},
                     el("tr", {}, el("th", {text: "Day"}), el("th", {text: "Stories"})));
    for (const d of r.days) {
      table.append(el("tr", {}, el("td", {text: d.day}), el("td", {class: "n", text: d.count})));
    }
    $("results").append(el("details", {}, el("summary", {text: "The counts as a table"}), table));
  } catch (e) {
    status(e.message, true);
  }
}

const kViews = {search, quotes, people, timeline};

// The body with each quote highlighted and its speaker beside it. Offsets in
// the record are UTF-8 byte offsets into `text`.
function bodyNode(record) {
  const bytes = new TextEncoder().encode(record.text || "");
  const dec = new TextDecoder();
  const quotes = (record.quotes || []).filter((q) => q.end > q.start && q.end <= bytes.length)
                                        .sort((a, b) => a.start - b.start);
  const body = el("div", {class: "body"});
  let para = el("p");
  const addText = (from, to) => {
    const parts = dec.decode(bytes.subarray(from, to)).split("\n");
    parts.forEach((part, i) => {
      if (i > 0) { if (para.childNodes.length) body.append(para); para = el("p"); }
      if (part) para.append(document.createTextNode(part));
    });
  };
  let at = 0;
  for (const q of quotes) {
    if (q.start < at) continue;  // overlapping: keep the first
    addText(at, q.start);
    const span = el("span", {class: "quote", title: q.speaker ? "Said by " + q.speaker : "Unattributed"});
    span.append(document.createTextNode(dec.decode(bytes.subarray(q.start, q.end))));
    para.append(span);
    if (q.speaker) para.append(el("span", {class: "speaker", text: "— " + q.speaker}));
    at = q.end;
  }
  addText(at, bytes.length);
  if (para.childNodes.length) body.append(para);
  return body;
}

function renderRecord(record, target) {
  target.replaceChildren();
  target.append(el("h2", {text: record.title || "(no title)"}));
  const authors = (record.authors || []).map((a) => typeof a === "string" ? a : a.name).filter(Boolean);
  const byline = [authors.join(", "), (record.published || "").slice(0, 10),
                  record.site && (record.site.name || record.site.domain) || ""].filter(Boolean);
  target.append(el("p", {class: "byline", text: byline.join(" · ")}));
  if (record.url) target.append(el("p", {class: "muted"}, safeLink(record.url, record.url)));
  if (record.dateline && (record.dateline.place || record.dateline.agency)) {
    target.append(el("p", {class: "muted",
      text: "Dateline: " + [record.dateline.place, record.dateline.agency].filter(Boolean).join(" (") +
            (record.dateline.agency && record.dateline.place ? ")" : "")}));
  }
  for (const img of record.images || []) {
    const parts = [img.caption, img.credit ? "(" + img.credit + ")" : ""].filter(Boolean).join(" ");
    if (parts) target.append(el("p", {class: "muted", text: "Photo: " + parts}));
  }
  target.append(bodyNode(record));
  const people = (record.entities || []).filter((e) => e.type === "person");
  if (people.length) {
    const dl = el("dl");
    for (const p of people) {
      dl.append(el("dt", {text: p.name}), el("dd", {text: (p.titles || []).join("; ") || "—"}));
    }
    target.append(el("h3", {text: "People"}), dl);
  }
  const times = record.times || [];
  if (times.length) {
    const dl = el("dl");
    for (const t of times) dl.append(el("dt", {text: t.text}), el("dd", {text: t.value || "—"}));
    target.append(el("h3", {text: "Times"}), dl);
  }
}

async function showArticle(id) {
  dropPlot();
  $("results").hidden = true;
  $("pager").replaceChildren();
  const target = $("article");
  target.hidden = false;
  target.replaceChildren();
  status("Loading…");
  try {
    const record = await api("/api/article/" + encodeURIComponent(id));
    status("");
    renderRecord(record, target);
    target.querySelector("h2").tabIndex = -1;
    target.querySelector("h2").focus();
  } catch (e) {
    status(e.message, true);
  }
}

async function extract(event) {
  event.preventDefault();
  const url = $("extract-url").value.trim();
  const target = $("article");
  dropPlot();
  $("results").hidden = true;
  status("Extracting…");
  try {
    const record = await api("/api/extract" + (url ? "?url=" + encodeURIComponent(url) : ""),
                             {method: "POST", body: $("extract-html").value,
                              headers: {"Content-Type": "text/html"}});
    status("Extracted (not stored)");
    target.hidden = false;
    renderRecord(record, target);
  } catch (e) {
    status(e.message, true);
  }
}

function route() {
  const h = decodeURIComponent(location.hash.slice(1));
  const article = /^article\/(\d+)$/.exec(h);
  if (article) return showArticle(article[1]);
  const s = /^(search|quotes|people|timeline)\/(.*)\/(\d+)$/s.exec(location.hash.slice(1));
  if (s) {
    const q = decodeURIComponent(s[2]);
    $("q").value = q;
    return kViews[s[1]](q, Number(s[3]));
  }
  dropPlot();
  $("article").hidden = true;
  $("results").replaceChildren();
  status("");
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const current = $("views").querySelector("[aria-pressed=true]");
    const view = current && !$("views").hidden ? current.dataset.view : "search";
    location.hash = view + "/" + encodeURIComponent($("q").value) + "/0";
  });
  for (const b of $("views").querySelectorAll("button")) {
    b.addEventListener("click", () => {
      location.hash = b.dataset.view + "/" + encodeURIComponent($("q").value) + "/0";
    });
  }
  $("extract-form").addEventListener("submit", extract);
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement.tagName !== "INPUT" &&
        document.activeElement.tagName !== "TEXTAREA") {
      e.preventDefault();
      $("q").focus();
    }
  });
  window.addEventListener("hashchange", route);
  api("/api/stats").then((s) => {
    $("stats").textContent = s.articles + " articles, " + s.stories + " stories, " + s.sites +
        " sites" + (s.first_day ? ", " + s.first_day + " to " + s.last_day : "");
  }).catch(() => {});
  route();
  $("q").focus();
});

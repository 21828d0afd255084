#!/usr/bin/env python3
"""Near-duplicate clusters: a labelled set of pairs from the shared pages, and
the precision and recall of the stories `lede ingest` forms over it.

  cluster_pairs.py make SEED.jsonl OUTDIR      # OUTDIR/{train,dev}.jsonl + pairs
  lede ingest -q --no-analyze --db OUTDIR/train.db OUTDIR/train.jsonl   (and dev)
  cluster_pairs.py score OUTDIR                # precision, recall per part

SEED.jsonl is `lede extract` over the shared pages; English bodies of at
least 150 words are used, split into train and dev by a hash of their source path.

Copies (label 1) of a seed body change what a republisher changes: a new
headline, boilerplate added before and after ("Sign up for our
newsletter", "This story was originally published by ..."), two or three
sentences rewritten (replaced by sentences of another page, at most 15% of
the words), and for a
third of them the last fifth of the paragraphs cut, as papers trim wire
copy. Distinct stories on the same subject (label 0) pair a seed with the
other seed whose vocabulary is closest (tf-idf cosine over each body's 40
most telling words of four letters or more): another story using the same
words. Seeds are distinct bodies: a page sharing a fifth or more of its word
5-grams with an earlier seed is the same document and is left out.

The score counts every pair of documents ingest put in one story: a pair
is right when both come from one seed. It also prints the overlap measure
(near_duplicates.h) of each labelled pair, as the threshold's margin.
"""
import collections
import hashlib
import json
import math
import os
import random
import re
import sqlite3
import sys

BOILER_TOP = ["Sign up for our daily newsletter to get the latest news.",
              "Advertisement", "Listen to this article", "Share this story on social media",
              "Subscribe now for unlimited access."]
BOILER_END = ["This story was originally published by a partner news agency.",
              "Copyright 2024. All rights reserved. This material may not be redistributed.",
              "Related: more stories from our newsroom", "Comments are closed.",
              "Follow us for more local news and updates."]


def shingles(text, k=5):
    words = [w.lower() for w in re.findall(rb"[A-Za-z0-9\x80-\xff]+", text.encode())]
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def overlap(a, b):
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def make(seed_path, outdir):
    rng = random.Random(18)
    seeds, seen, sizes = [], {}, []
    for line in open(seed_path, encoding="utf-8"):
        r = json.loads(line)
        t = r.get("text") or ""
        if "error" in r or r.get("language") != "en" or len(t.split()) < 150:
            continue
        # One per distinct body: a page whose word 5-grams are a fifth or more
        # another's is the same document (found in two data sets, or a text
        # and an HTML rendering of one page), not another story.
        sh = shingles(t)
        counts = collections.Counter(j for x in sh for j in seen.get(x, ()))
        if any(c >= 0.2 * min(len(sh), sizes[j]) for j, c in counts.items()):
            continue
        for x in sh:
            seen.setdefault(x, []).append(len(seeds))
        sizes.append(len(sh))
        seeds.append(r)
    os.makedirs(outdir, exist_ok=True)
    parts = collections.defaultdict(list)
    for r in seeds:
        h = hashlib.sha1(r["source"]["path"].encode()).digest()[0]
        parts["train" if h % 2 == 0 else "dev"].append(r)
    sentences = [s for r in seeds for s in r["text"].split(". ") if len(s.split()) > 8]
    for part, rs in parts.items():
        docs, pairs = [], []
        df = collections.Counter()
        bags = []
        for r in rs:
            words = collections.Counter(re.findall(r"[a-z]{4,}", r["text"].lower()))
            bags.append(words)
            df.update(words.keys())
        n = len(rs)
        vecs = []
        index = collections.defaultdict(list)
        for k, words in enumerate(bags):
            v = {w: c * math.log(n / df[w]) for w, c in words.items() if df[w] < n / 2}
            top = dict(sorted(v.items(), key=lambda kv: -kv[1])[:40])  # its 40 most telling words
            norm = math.sqrt(sum(x * x for x in top.values())) or 1
            vecs.append({w: x / norm for w, x in top.items()})
            for w, x in vecs[-1].items():
                index[w].append((k, x))
        for i, r in enumerate(rs):
            docs.append(doc(r, f"orig-{i}", r["title"], r["text"], i))
        for i, r in enumerate(rs):
            # a copy
            paras = r["text"].split("\n\n")
            if rng.random() < 1 / 3 and len(paras) > 4:
                paras = paras[: max(3, int(len(paras) * 0.8))]
            text = "\n\n".join(paras)
            ss = text.split(". ")
            budget = 0.15 * len(text.split())  # rewritten words: at most 15% of the body
            for _ in range(rng.randint(2, 3)):
                k = rng.randrange(len(ss))
                if len(ss[k].split()) <= budget:
                    budget -= len(ss[k].split())
                    ss[k] = rng.choice(sentences)
            text = ". ".join(ss)
            text = rng.choice(BOILER_TOP) + "\n\n" + text + "\n\n" + rng.choice(BOILER_END)
            title = "UPDATED: " + " ".join(reversed((r.get("title") or "story").split()))
            docs.append(doc(r, f"copy-{i}", title, text, i))
            pairs.append((f"orig-{i}", f"copy-{i}", 1, overlap(r["text"], text)))
            # the closest other story
            sims = collections.Counter()
            for w, x in vecs[i].items():
                for j, y in index[w]:
                    if j != i:
                        sims[j] += x * y
            best_j = sims.most_common(1)[0][0] if sims else None
            if best_j is not None:
                a, b = sorted((i, best_j))
                pair = (f"orig-{a}", f"orig-{b}", 0, overlap(rs[a]["text"], rs[b]["text"]))
                if pair not in pairs:
                    pairs.append(pair)
        with open(os.path.join(outdir, part + ".jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        with open(os.path.join(outdir, part + ".pairs.jsonl"), "w", encoding="utf-8") as f:
            for a, b, label, ov in pairs:
                f.write(json.dumps({"a": a, "b": b, "copy": label, "overlap": round(ov, 3)}) + "\n")
        print(f"{part}: {len(rs)} seeds, {len(docs)} documents, "
              f"{sum(p[2] for p in pairs)} copy pairs, {sum(1 - p[2] for p in pairs)} "
              f"same-subject pairs")


def doc(r, name, title, text, origin):
    d = {k: r.get(k) for k in ("language", "published", "authors", "section")}
    d.update({"url": f"https://{name}.test/story", "canonical_url": None,
              "site": {"name": name, "domain": f"{name}.test"}, "title": title, "text": text,
              "blocks": [], "quotes": [], "entities": [], "times": [], "warnings": [],
              "source": {"path": name, "kind": "html", "bytes": len(text)}, "origin": origin})
    return d


def score(outdir):
    for part in ("train", "dev"):
        db = sqlite3.connect(os.path.join(outdir, part + ".db"))
        story = {}
        for url, s in db.execute("SELECT url, story FROM articles WHERE latest = 1"):
            story[url.split("//")[1].split(".test")[0]] = s
        origin = {}
        for line in open(os.path.join(outdir, part + ".jsonl"), encoding="utf-8"):
            d = json.loads(line)
            origin[d["url"].split("//")[1].split(".test")[0]] = d["origin"]
        pairs = [json.loads(l) for l in open(os.path.join(outdir, part + ".pairs.jsonl"))]
        tp = sum(1 for p in pairs if p["copy"] and story[p["a"]] == story[p["b"]])
        fp = sum(1 for p in pairs if not p["copy"] and story[p["a"]] == story[p["b"]])
        pos = sum(p["copy"] for p in pairs)
        neg = len(pairs) - pos
        # every pair put in one story, labelled or not
        members = collections.defaultdict(list)
        for name, s in story.items():
            members[s].append(origin[name])
        pred = right = 0
        for ms in members.values():
            for x in range(len(ms)):
                for y in range(x + 1, len(ms)):
                    pred += 1
                    right += ms[x] == ms[y]
        copies = sorted(p["overlap"] for p in pairs if p["copy"])
        others = sorted(p["overlap"] for p in pairs if not p["copy"])
        print(f"{part}: labelled pairs: {pos} copies, {neg} same-subject; "
              f"precision {tp / max(1, tp + fp):.3f} recall {tp / max(1, pos):.3f}; "
              f"all pairs in one story: {pred}, of them copies {right} "
              f"(precision {right / max(1, pred):.3f}); overlap of copies: min {copies[0]:.2f} "
              f"5th pct {copies[len(copies) // 20]:.2f}; of same-subject pairs: max {others[-1]:.2f} "
              f"95th pct {others[len(others) * 19 // 20]:.2f}")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[2])

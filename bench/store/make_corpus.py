#!/usr/bin/env python3
"""Generates a large corpus of article records from the shared pages' records.

  make_corpus.py SEED.jsonl N OUT.jsonl [--seed S]

SEED.jsonl is `lede extract --analyze` over the shared pages. Each generated
record starts from a random seed record and varies it so that the corpus is
not a pile of duplicates:
  - every word of the body (split at spaces) is swapped, with probability 0.25, for a word
    drawn from all seed bodies (so word frequencies stay natural), and one
    or two paragraphs of another seed record are appended, varied alike;
    two records from one seed then share about 6% of their 5-word shingles,
    as distinct stories on one subject do;
  - the title is varied the same way; the site is one of 500 domains
    (drawn with a skew, as a few sites publish most stories) or the seed's;
    the published day is uniform over 2022-2024; authors come from a pool;
  - quotes, people and time expressions are the seed's (the speakers and
    names recur across the corpus as they would);
  - 3% are wire copies of an earlier generated record: another site and
    headline, one sentence changed (so they form story clusters);
  - blocks are left out (search results drop them anyway).
"""
import argparse
import json
import random
import re


def vary(text, vocab, rng, p=0.25):
    out = []
    rand, choice = rng.random, rng.choice
    for tok in text.split(" "):
        if tok and tok[0].isalnum() and rand() < p:
            w = choice(vocab)
            out.append(w.capitalize() if tok[0].isupper() else w)
        else:
            out.append(tok)
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=2026, dest="rng_seed")
    ap.add_argument("--first", type=int, default=0, help="number of the first record (its URL)")
    a = ap.parse_args()
    rng = random.Random(a.rng_seed)
    seeds = []
    for line in open(a.seed, encoding="utf-8"):
        r = json.loads(line)
        if "error" in r or len(r.get("text") or "") < 400:
            continue
        seeds.append(r)
    vocab = []
    for r in seeds:
        vocab.extend(w for w in re.findall(r"[^\W\d_]{3,}", r["text"]) if w.islower())
    names = sorted({e["name"] for r in seeds for e in r.get("entities", [])
                    if e.get("type") == "person"} | {x for r in seeds for x in r.get("authors", [])})
    sites = [f"news{k}.example" for k in range(500)]
    weights = [1.0 / (k + 1) for k in range(500)]
    made = []
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.n):
            if made and rng.random() < 0.03:
                base = dict(rng.choice(made))
                sentences = base["text"].split(". ")
                k = rng.randrange(len(sentences))
                sentences[k] = vary(sentences[k], vocab, rng, 0.8)
                base["text"] = ". ".join(sentences)
                base["title"] = vary(base["title"], vocab, rng, 0.5)
            else:
                s = rng.choice(seeds)
                other = rng.choice(seeds)["text"].split("\n\n")
                extra = "\n\n".join(other[: rng.randint(1, 2)])
                base = {
                    "title": vary(s.get("title") or "", vocab, rng),
                    "text": vary(s["text"] + "\n\n" + extra, vocab, rng),
                    "language": s.get("language"),
                    "quotes": s.get("quotes", []),
                    "entities": s.get("entities", []),
                    "times": s.get("times", []),
                    "authors": [rng.choice(names)] if names and rng.random() < 0.7 else [],
                    "section": s.get("section"),
                    "description": None,
                }
                if len(made) < 20000:
                    made.append(base)
                else:
                    made[rng.randrange(len(made))] = base
            site = rng.choices(sites, weights)[0]
            day = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rec = {
                "url": f"https://{site}/story/{a.first + i}",
                "canonical_url": None,
                "site": {"name": site, "domain": site},
                "language": base["language"],
                "title": base["title"],
                "description": base["description"],
                "published": day + "T08:00:00Z",
                "modified": None,
                "authors": base["authors"],
                "section": base["section"],
                "tags": [],
                "dateline": None,
                "images": [],
                "text": base["text"],
                "blocks": [],
                "quotes": base["quotes"],
                "entities": base["entities"],
                "times": base["times"],
                "warnings": [],
                "source": {"path": f"bench/{a.first + i}", "kind": "html", "bytes": len(base["text"])},
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

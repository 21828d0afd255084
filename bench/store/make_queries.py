#!/usr/bin/env python3
"""Writes the queries store_query_bench times: KIND<TAB>MODE<TAB>QUERY a line.

  make_queries.py SEED.jsonl OUT.tsv [--per-kind 40]

MODE is search, count (--count) or quotes (--quotes). Words are drawn from
the seed bodies by frequency (so common words like "said" come up as often
as they would in a real query log), rare words uniformly from the
vocabulary; names from the seeds' authors, speakers and people; sites from
make_corpus.py's domains.
"""
import argparse
import json
import random
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed")
    ap.add_argument("out")
    ap.add_argument("--per-kind", type=int, default=40)
    a = ap.parse_args()
    rng = random.Random(11)
    words, sentences, authors, speakers, people = [], [], set(), set(), set()
    for line in open(a.seed, encoding="utf-8"):
        r = json.loads(line)
        if "error" in r or r.get("language") != "en":
            continue
        t = r.get("text") or ""
        words.extend(w for w in re.findall(r"[a-z]{4,}", t))
        sentences.extend(s.split() for s in t.split(". ") if len(s.split()) > 6)
        authors.update(r.get("authors") or [])
        speakers.update(q["speaker"] for q in r.get("quotes", []) if q.get("speaker"))
        people.update(e["name"] for e in r.get("entities", []) if e.get("type") == "person")
    vocab = sorted(set(words))
    authors, speakers, people = sorted(authors), sorted(speakers), sorted(people)

    def w():
        return rng.choice(words)

    def rare():
        return rng.choice(vocab)

    def phrase():
        s = rng.choice(sentences)
        i = rng.randrange(len(s) - 2)
        return '"' + " ".join(re.sub(r'[^\w\']', "", x) for x in s[i:i + 2]) + '"'

    def site():
        return f"site:news{rng.randrange(60)}.example"

    def day(lo):
        return f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}" if lo else "2024-12-31"

    def name(pool):
        n = rng.choice(pool)
        return '"' + n.replace('"', "") + '"'

    kinds = {
        "word": ("search", lambda: w()),
        "rare word": ("search", lambda: rare()),
        "two words": ("search", lambda: f"{w()} {w()}"),
        "phrase": ("search", phrase),
        "OR": ("search", lambda: f"{rare()} OR {rare()}"),
        "-word": ("search", lambda: f"{w()} -{w()}"),
        "title:": ("search", lambda: f"title:{w()}"),
        "site: + word": ("search", lambda: f"{site()} {w()}"),
        "site: only": ("search", site),
        "author:": ("search", lambda: f"author:{name(authors)}"),
        "speaker:": ("search", lambda: f"speaker:{name(speakers)}"),
        "person:": ("search", lambda: f"person:{name(people)}"),
        "lang: + word": ("search", lambda: f"lang:de {w()}"),
        "since:/until: + word": ("search", lambda: f"{w()} since:{day(True)} until:{day(False)}"),
        "since: only": ("search", lambda: f"since:{day(True)}"),
        "all filters": ("search", lambda: f"{w()} {site()} lang:en since:{day(True)}"),
        "--count word": ("count", lambda: w()),
        "--count two words": ("count", lambda: f"{w()} {w()}"),
        "--count site:": ("count", site),
        "--count lang:en": ("count", lambda: "lang:en"),
        "--count since:": ("count", lambda: f"since:{day(True)}"),
        "--quotes word": ("quotes", lambda: w()),
        "--quotes speaker:": ("quotes", lambda: f"speaker:{name(speakers)}"),
    }
    with open(a.out, "w", encoding="utf-8") as out:
        for kind, (mode, make) in kinds.items():
            for _ in range(a.per_kind):
                out.write(f"{kind}\t{mode}\t{make()}\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Trains the page-type model and writes it as a C++ table.

The model is a multinomial logistic regression over the features of
extraction::page_features (flags, log counts, shares), standardised, and over
the presence of the words of a vocabulary (0 or 1); the standardisation is
folded into the weights, so lede scores a page with one dot product per type,
adds the weights of the vocabulary's words the page holds, and takes the
largest.

The vocabulary: the words (extraction::page_words: ASCII letters, lower case)
found on at least MIN_WORD_PAGES of the training pages, none of them a word of
any WCXB page's host name (so no site's name is a feature), the
VOCABULARY_SIZE most widespread.

Data recipe (WCXB's development split, ../shared/data/wcxb, README there):

    build/bench/page_type/page_features ../shared/data/wcxb/html > wcxb_features.tsv
    build/bench/page_type/page_features ../shared/data/webtext/dragnet/html > dragnet.tsv
    python3 bench/page_type/train_page_type.py wcxb_features.tsv \\
        ../shared/data/wcxb/types.json --articles dragnet.tsv \\
        --write src/extraction/page_type_model.inc

Dragnet's pages are all news and blog articles, from 2012: with them (each
weighing ARTICLES_WEIGHT of a WCXB page) the model does not read an older
article, its columns of teasers and its tables, as a listing.

It first reports the held-out figures: trained on WCXB's half a and tested on
half b, and the other way round (the halves of `lede-word-score --part`, by
FNV-1a of the page id; the vocabulary too is taken from the training half),
beside the hand rules on the same pages (with --halves site, halves drawn by
site, so that no site has pages in both: 0.836 and 0.839 where the id halves
give 0.871 and 0.856); then trains on every page and, with
--write, writes the table. Needs python3-numpy and python3-sklearn (Debian
packages); lede's build does not.
"""
import argparse
import collections
import json
import os
import re
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

# The record's names, in PageType's order (page_type.h); WCXB has no "other".
TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
# Inverse regularisation strength. The held-out figures hardly move with it
# from 0.02 up (--sweep: 0.862 to 0.871 tested on half b, 0.856 to 0.863 on
# half a); 4-fold cross-validation inside each training half (--nested), which
# never sees the tested half, picks 0.1 for both, and it tests no better
# (0.863 / 0.859 against 0.871 / 0.858), so the model that ships keeps 0.02.
C = 0.02
# The values --sweep and --nested try.
C_GRID = [0.01, 0.02, 0.05, 0.1, 0.2, 0.4]
# Weight of each page of --articles against a WCXB page: enough that older
# article pages (tables, teaser columns) stay articles, little enough that
# WCXB's own types lose at most a point on the held-out half.
ARTICLES_WEIGHT = 0.3
# The vocabulary: words on at least this many training pages, this many of
# them (the most widespread). Chosen on the two halves (C 0.03): 300 words 0.851, 1000
# 0.863, 2000 0.864.
MIN_WORD_PAGES = 10
VOCABULARY_SIZE = 1000
# The words of the page's <title> and first <h1> ("forum", "docs", "services",
# "best"), a vocabulary of their own: those on at least MIN_TITLE_WORD_PAGES
# training pages, the TITLE_VOCABULARY_SIZE most widespread, each present as
# TITLE_WORD_SCALE rather than 1 (so the regularisation holds them less).
# Chosen in ten folds (--folds 10; the type right on 0.874 by id and 0.859 by
# site without them): 300 words of 3 pages at 3, 0.881 and 0.866; 100 words of
# 5 pages, 0.881 and 0.865; 200 of 5, 0.878 and 0.865; with scales of 2, 4 and
# 6 (lxml's reading of the titles), 0.863, 0.866 and 0.864 by site. Of the
# alike, 300 words: a list of films on a Wikipedia page (the Readability.js
# set) stays a sure listing (lead over article 1.62; 1.34 with 100 words,
# under kSureListingLead, and read with an article's weights it kept the
# table only).
MIN_TITLE_WORD_PAGES = 3
# A title word is left out unless the pages holding it come from this many
# sites (one_site_words).
MIN_TITLE_WORD_SITES = 3
TITLE_VOCABULARY_SIZE = 300
TITLE_WORD_SCALE = 3.0
# A title word in a word set: the word after this mark (not a letter, so never
# one of the page's words).
TITLE_MARK = "^"
# The words of the class and id names of the page's elements ("cart", "reply",
# "toc", "pricing"; extraction::page_class_words), a third vocabulary: those on
# at least MIN_CLASS_WORD_PAGES training pages of MIN_CLASS_WORD_SITES sites (a
# theme's words shared by the sites that use it, not one site's own), the
# CLASS_VOCABULARY_SIZE most widespread, each present as CLASS_WORD_SCALE.
# Chosen in ten folds (0.866 by site and 0.881 by id without them, lxml's
# reading): 1000 words at 2, 0.878 and 0.896; at 1, 0.876 and 0.889; at 3,
# 0.873 and 0.889; 2000 and 3000 words at 1, 0.876 / 0.890 and 0.875 / 0.888;
# whole names rather than their words ("product-card"), 0.875 and 0.886; words
# of 2 letters too, 0.877 and 0.890.
MIN_CLASS_WORD_PAGES = 5
MIN_CLASS_WORD_SITES = 5
CLASS_VOCABULARY_SIZE = 1000
CLASS_WORD_SCALE = 2.0
CLASS_MARK = "."
# Each vocabulary by its mark: least pages, least sites, size, scale.
VOCABULARIES = {
    "": (MIN_WORD_PAGES, 1, VOCABULARY_SIZE, 1.0),
    TITLE_MARK: (MIN_TITLE_WORD_PAGES, MIN_TITLE_WORD_SITES, TITLE_VOCABULARY_SIZE,
                 TITLE_WORD_SCALE),
    CLASS_MARK: (MIN_CLASS_WORD_PAGES, MIN_CLASS_WORD_SITES, CLASS_VOCABULARY_SIZE,
                 CLASS_WORD_SCALE),
}


def mark_of(word):
    """The mark of the vocabulary a word of a word set belongs to ("" for the text's)."""
    return word[0] if word[0] in VOCABULARIES else ""


def fold_of(key, folds):
    """0 to FOLDS - 1: FNV-1a of the key (a page id or a site), from bit 7. With two
    folds, fold 0 is word_score_main.cc's part "a" and fold 1 its part "b"."""
    h = 1469598103934665603
    for c in key.encode():
        h ^= c
        h = (h * 1099511628211) % (1 << 64)
    return (h >> 7) % folds


def part_of(page_id):
    """'a' or 'b': word_score_main.cc's part_of (fold_of the id, two folds)."""
    return "ab"[fold_of(page_id, 2)]


def site_of(url):
    """A page's host without "www.": the unit the site-grouped halves keep whole."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    return host[4:] if host.startswith("www.") else host


def page_sites(types_path):
    """Each WCXB page's site (site_of its ground-truth/ID.json's url; the id where
    it has none), read once for the banned words and the site-grouped halves."""
    truth = os.path.join(os.path.dirname(types_path), "ground-truth")
    sites = {}
    for page in json.load(open(types_path)):
        url = json.load(open(os.path.join(truth, page + ".json"))).get("url") or ""
        sites[page] = site_of(url) or page
    return sites


def page_folds(sites, by, folds):
    """Each page's fold, drawn by page id (by="id") or by site (by="site": every
    page of a host in one fold; 76 of WCXB's hosts hold 235 pages across the two
    id halves, and a model tested on one half has seen the other pages of those
    sites)."""
    return {page: fold_of(site if by == "site" else page, folds) for page, site in sites.items()}


def read_rows(f):
    """Page ids, hand-rule types, feature rows and word sets of page_features' output
    (the title's words marked with TITLE_MARK, the class names' with CLASS_MARK)."""
    header = f.readline().rstrip("\n").split("\t")
    assert header[-3:] == ["words", "title_words", "class_words"], \
        "page_features output without its words: build page_features again"
    ids, rules, rows, words = [], [], [], []
    for line in f:
        cols = line.rstrip("\n").split("\t")
        ids.append(cols[0])
        rules.append(cols[1])
        rows.append([float(x) for x in cols[2:-3]])
        words.append(frozenset(cols[-3].split() + [TITLE_MARK + w for w in cols[-2].split()] +
                               [CLASS_MARK + w for w in cols[-1].split()]))
    return header[2:-3], ids, rules, rows, words


def load(features_path, types_path):
    types = json.load(open(types_path))
    with open(features_path) as f:
        names, ids, rules, rows, words = read_rows(f)
    keep = [i for i, page in enumerate(ids) if page in types]
    ids = [ids[i] for i in keep]
    y = np.array([TYPES.index(types[i]) for i in ids])
    return (names, ids, np.array([rules[i] for i in keep]), np.array([rows[i] for i in keep]),
            [words[i] for i in keep], y)


def load_articles(path):
    """Features and words of pages known to be articles (page_features' output)."""
    with open(path) as f:
        _, _, _, rows, words = read_rows(f)
    return np.array(rows), words


def host_words(sites):
    """The words of every WCXB page's host name (page_sites)."""
    words = set()
    for site in sites.values():
        words.update(re.findall(r"[a-z]+", site))
    # Words of hosts that name a kind of site, not a site.
    return words - {"www", "com", "org", "net", "co", "uk", "io", "edu", "gov", "us", "app", "blog",
                    "docs", "shop", "store", "news", "forum", "community", "help", "support"}


def one_site_words(ids, words, sites):
    """The title and class words (marked) found on the pages of fewer sites than
    their vocabulary asks (VOCABULARIES): a site's name in its titles ("MDN", "Stack
    Overflow") that its host does not spell as a word of its own, a site's own
    class names. Read off every page given, held-out folds too, as the host words
    are: it knows their addresses, never their types."""
    seen = collections.defaultdict(set)
    for page, ws in zip(ids, words):
        for w in ws:
            if mark_of(w):
                seen[w].add(sites[page])
    return {w for w, on in seen.items() if len(on) < VOCABULARIES[mark_of(w)][1]}


def vocabulary(word_sets, banned):
    """The VOCABULARY_SIZE words on the most pages (at least MIN_WORD_PAGES), sorted,
    then so the title words and the class words (VOCABULARIES), with their marks."""
    pages = collections.Counter(w for ws in word_sets for w in ws
                                if w not in banned and w[len(mark_of(w)):] not in banned)
    by_count = sorted(pages.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = []
    for mark, (least, _, size, _) in VOCABULARIES.items():
        common = [w for w, n in by_count if n >= least and mark_of(w) == mark]
        vocab += sorted(common[:size])
    return vocab


def presence(word_sets, vocab):
    index = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((len(word_sets), len(vocab)))
    for r, ws in enumerate(word_sets):
        for w in ws:
            if w in index:
                m[r, index[w]] = VOCABULARIES[mark_of(w)][3]
    return m


class Model:
    """Weights of the features (standardisation folded in) and of the words."""

    def __init__(self, weights, word_weights, bias, vocab):
        self.weights, self.word_weights, self.bias, self.vocab = weights, word_weights, bias, vocab

    def scores(self, x, word_sets):
        return x @ self.weights.T + presence(word_sets, self.vocab) @ self.word_weights.T + self.bias


def fit(x, words, y, banned, c=C, articles=None):
    weight = np.ones(len(y))
    vocab = vocabulary(words, banned)
    if articles is not None and len(articles[0]):
        x = np.vstack([x, articles[0]])
        words = list(words) + list(articles[1])
        y = np.concatenate([y, np.zeros(len(articles[0]), dtype=int)])
        weight = np.concatenate([weight, np.full(len(articles[0]), ARTICLES_WEIGHT)])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(np.hstack([(x - mean) / scale, presence(words, vocab)]), y, sample_weight=weight)
    n = x.shape[1]
    weights = model.coef_[:, :n] / scale
    bias = model.intercept_ - weights @ mean
    return Model(weights, model.coef_[:, n:], bias, vocab)


def cross_validated(x, words, y, names, banned, c, articles, folds=4):
    """Share right in FOLDS-fold cross-validation over these pages (fixed folds)."""
    fold = np.arange(len(y)) % folds
    np.random.RandomState(0).shuffle(fold)
    right = 0
    for f in range(folds):
        train, test = fold != f, fold == f
        model = fit(x[train], [w for w, k in zip(words, train) if k], y[train], banned, c, articles)
        test_words = [w for w, k in zip(words, test) if k]
        right += np.sum(predict(model, x[test], test_words, names) == y[test])
    return right / len(y)


def predict(model, x, words, names):
    """decide_page_type(): a forum's schema.org type first, then the model."""
    pred = np.argmax(model.scores(x, words), axis=1)
    pred[x[:, names.index("forum_schema")] > 0.5] = TYPES.index("forum")
    return pred


def report(name, y, pred):
    print(f"{name}: accuracy {np.mean(pred == y):.3f} ({np.sum(pred == y)}/{len(y)})")
    per = []
    for t, tname in enumerate(TYPES):
        m = y == t
        per.append(f"{tname} {np.mean(pred[m] == t):.3f} ({m.sum()})")
    print("  " + ", ".join(per))


def confusion(y, pred, top=10):
    c = collections.Counter((TYPES[a], TYPES[b]) for a, b in zip(y, pred) if a != b)
    return ", ".join(f"{a} read as {b} {n}" for (a, b), n in c.most_common(top))


def literal(w):
    """A C++ float literal: 0.5f, 2.0f, 1e-05f."""
    v = f"{w:.6g}"
    return v + ("f" if "." in v or "e" in v else ".0f")


def rows_of(values, indent="        ", close="},"):
    """Literals wrapped at 100 columns, as clang-format would: "{a, b," ... "y, z}," """
    out, line = [], indent + "{"
    for v in values:
        if len(line) + len(v) + 2 > 98:
            out.append(line.rstrip())
            line = indent + " "
        line += v + ", "
    out.append(line.rstrip().rstrip(",") + close)
    return out


def write_table(path, names, model, n_pages, n_articles):
    out = []
    out.append("// The page-type model: one row a type (PageType's order, page_type.h), the")
    out.append("// weights of page_features() and then the bias; then the vocabulary and one")
    out.append("// row of word weights a type, and so for the words of the title and first")
    out.append("// <h1> and for those of the class and id names. A page's score for a type is")
    out.append("// its row's dot product with the features, plus the bias, plus the weights of")
    out.append("// the words the page, its title and its names hold; its type, the largest.")
    out.append("// Generated by")
    out.append("// bench/page_type/train_page_type.py from WCXB's development split")
    out.append(f"// ({n_pages} pages) and {n_articles} article pages of Dragnet's; do not edit.")
    out.append(f"// Features: {len(names)}, in page_feature_names() order.")
    out.append(f"static_assert(kPageFeatureCount == {len(names)}, \"page_features() changed: train again\");")
    out.append(f"inline constexpr size_t kModelTypes = {len(TYPES)};")
    out.append("inline constexpr std::array<std::array<float, kPageFeatureCount + 1>, kModelTypes>")
    out.append("    kPageTypeWeights = {{")
    for t, tname in enumerate(TYPES):
        out.append(f"        // {tname}")
        out.extend(rows_of([literal(w) for w in model.weights[t]] + [literal(model.bias[t])]))
    out.append("    }};")
    for mark, kind in (("", "Words"), (TITLE_MARK, "TitleWords"), (CLASS_MARK, "ClassWords")):
        words = [i for i, w in enumerate(model.vocab) if mark_of(w) == mark]
        scale = VOCABULARIES[mark][3]
        vocab = [model.vocab[i][len(mark):] for i in words]
        out.append(f"inline constexpr std::array<std::string_view, {len(vocab)}> kPageType{kind} =")
        out.extend(rows_of([f'"{w}"' for w in vocab], "    ", "};"))
        out.append(f"inline constexpr std::array<std::array<float, kPageType{kind}.size()>, "
                   "kModelTypes>")
        out.append(f"    kPageType{kind[:-1]}Weights = {{{{")
        for t, tname in enumerate(TYPES):
            out.append(f"        // {tname}")
            out.extend(rows_of([literal(model.word_weights[t][i] * scale) for i in words]))
        out.append("    }};")
    open(path, "w").write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("features")
    ap.add_argument("types")
    ap.add_argument("--articles", help="features of pages that are all articles (Dragnet's)")
    ap.add_argument("--check", nargs="*", default=[],
                    help="features of other collections: report the share not read as articles")
    ap.add_argument("--write", help="write the C++ table here (trained on every page)")
    ap.add_argument("--train-part", choices=["a", "b"],
                    help="train the written table on this half of WCXB only, to measure lede "
                         "end to end on the other (with two folds: a is fold 0, b fold 1)")
    ap.add_argument("--held-fold", type=int,
                    help="train the written table on every fold but this one, to measure lede "
                         "end to end on it")
    ap.add_argument("--sweep", action="store_true", help="held-out accuracy for several C")
    ap.add_argument("--nested", action="store_true",
                    help="choose C by cross-validation inside the training half, then test it "
                         "on the other half (the other half's labels play no part in the choice)")
    ap.add_argument("--top", type=int, default=0, help="print the largest weights of each type")
    ap.add_argument("--halves", choices=["id", "site"], default="id",
                    help="draw the folds by page id (with two, the halves of lede-word-score "
                         "--part) or by site, every page of a host in one fold")
    ap.add_argument("--folds", type=int, default=2,
                    help="how many folds (default 2, the halves a and b); with more, each is "
                         "tested on the model trained on the others, which see as many pages "
                         "as the shipped model less one fold")
    ap.add_argument("--list-folds", action="store_true",
                    help="print each page's id and fold (0 to FOLDS - 1), then stop")
    ap.add_argument("--predictions", metavar="FILE",
                    help="write each page's id, its type and the type the model trained "
                         "without its fold gives it, a line each (type_costs.py reads it)")
    a = ap.parse_args()
    if a.folds < 2 or (a.held_fold is not None and not 0 <= a.held_fold < a.folds):
        ap.error("--folds is 2 or more, and --held-fold one of them")
    if a.train_part:
        if a.folds != 2:
            ap.error("--train-part names a half: use --held-fold with more than two folds")
        a.held_fold = 1 if a.train_part == "a" else 0  # trained on half a: fold 1 is held
    if a.predictions and a.folds == 2:
        ap.error("--predictions writes the held-out types of more than two folds: give --folds")
    if (a.sweep or a.nested) and a.folds != 2:
        ap.error("--sweep and --nested compare the two halves: no --folds")
    sites = page_sites(a.types)
    fold = page_folds(sites, a.halves, a.folds)
    if a.list_folds:
        for page in sorted(json.load(open(a.types))):
            print(page, fold[page])
        return
    names, ids, rules, x, words, y = load(a.features, a.types)
    banned = host_words(sites) | one_site_words(ids, words, sites)
    articles = load_articles(a.articles) if a.articles else None
    parts = np.array([fold[i] for i in ids])
    rule_pred = np.array([TYPES.index(r) if r in TYPES else 0 for r in rules])

    def half(p):
        """Half "a" or "b" (fold 0 or 1, as lede-word-score --part names them)."""
        m = parts == "ab".index(p)
        return x[m], [w for w, k in zip(words, m) if k], y[m]

    if a.sweep:
        for c in C_GRID:
            acc = []
            for train, test in (("a", "b"), ("b", "a")):
                model = fit(*half(train), banned, c, articles)
                tx, tw, ty = half(test)
                acc.append(np.mean(predict(model, tx, tw, names) == ty))
            print(f"C={c}: trained on a, tested on b {acc[0]:.3f}; on b, tested on a {acc[1]:.3f}")
    if a.nested:
        for train, test in (("a", "b"), ("b", "a")):
            cv = {c: cross_validated(*half(train), names, banned, c, articles) for c in C_GRID}
            best = max(C_GRID, key=lambda c: (cv[c], -c))
            print(f"half {train}, cross-validated: " +
                  ", ".join(f"C={c} {v:.3f}" for c, v in cv.items()) + f"; chosen C={best}")
            model = fit(*half(train), banned, best, articles)
            tx, tw, ty = half(test)
            report(f"  C={best}, trained on half {train}, tested on half {test}", ty,
                   predict(model, tx, tw, names))
    if a.folds == 2:
        for train, test in (("a", "b"), ("b", "a")):
            model = fit(*half(train), banned, C, articles)
            tx, tw, ty = half(test)
            pred = predict(model, tx, tw, names)
            report(f"trained on half {train}, tested on half {test}", ty, pred)
            print("  confusion: " + confusion(ty, pred))
            report(f"hand rules on half {test}", ty, rule_pred[parts == "ab".index(test)])
    else:
        pred = np.zeros(len(y), dtype=int)
        for f in range(a.folds):
            test = parts == f
            model = fit(x[~test], [w for w, k in zip(words, test) if not k], y[~test], banned, C,
                        articles)
            pred[test] = predict(model, x[test], [w for w, k in zip(words, test) if k], names)
        report(f"each of {a.folds} folds tested on the model trained on the others", y, pred)
        print("  confusion: " + confusion(y, pred))
        if a.predictions:
            with open(a.predictions, "w") as out:
                for page, right, given in zip(ids, y, pred):
                    out.write(f"{page}\t{TYPES[right]}\t{TYPES[given]}\n")
    if a.held_fold is not None:
        keep = parts != a.held_fold
        x, words, y = x[keep], [w for w, k in zip(words, keep) if k], y[keep]
        rule_pred = rule_pred[keep]
    model = fit(x, words, y, banned, C, articles)
    pred = predict(model, x, words, names)
    report("trained and tested on every page", y, pred)
    print("  confusion: " + confusion(y, pred))
    report("hand rules on every page", y, rule_pred)
    print("  confusion: " + confusion(y, rule_pred))
    for path in a.check:
        other_x, other_words = load_articles(path)
        pred = predict(model, other_x, other_words, names)
        shares = collections.Counter(TYPES[p] for p in pred)
        print(f"{path}: {len(other_x)} pages, " +
              ", ".join(f"{t} {n}" for t, n in shares.most_common()))
    if a.top:
        scale = x.std(axis=0)
        for t, tname in enumerate(TYPES):
            order = np.argsort(-np.abs(model.weights[t] * scale))[: a.top]
            print(tname + ": " + ", ".join(f"{names[i]} {model.weights[t][i] * scale[i]:+.2f}"
                                           for i in order))
            order = np.argsort(-model.word_weights[t])[: a.top]
            print("  words: " + ", ".join(f"{model.vocab[i]} {model.word_weights[t][i]:+.2f}"
                                          for i in order))
    if a.write:
        write_table(a.write, names, model, len(y), 0 if articles is None else len(articles[0]))
        print(f"wrote {a.write}", file=sys.stderr)


if __name__ == "__main__":
    main()

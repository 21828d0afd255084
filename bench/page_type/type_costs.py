#!/usr/bin/env python3
"""What the page type's mistakes cost the text: WCXB's word F1 per page kind,
each kind read as every kind, and the held-out types priced with it.

    for t in article forum product collection listing documentation service; do
      build/apps/cli/lede extract -q -j2 --page-type $t ../shared/data/wcxb/html > as_$t.jsonl
      build/tests/quality/lede-word-score --wcxb ../shared/data/wcxb as_$t.jsonl \\
          --per-page as_$t.tsv > /dev/null
    done
    python3 bench/page_type/train_page_type.py FEATURES ../shared/data/wcxb/types.json \\
        --articles DRAGNET --folds 10 --halves site --predictions held.tsv
    python3 bench/page_type/type_costs.py . held.tsv

Prints the table (rows: the page's kind; columns: the kind it is read as;
mean F1), then, for the held-out types: how many pages are typed wrong, how
many of them lose more than COSTLY of F1 against a reading as their own kind,
and each kind's mean F1 when every page is read as its held-out type. That
last leaves out what lede does beyond the type (a reading as the model's
second choice when it was unsure and found little), so it is a model of the
end-to-end run (bench/page_type/held_out.sh), not the run itself.
"""
import csv
import sys

KINDS = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
COSTLY = 0.05


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: type_costs.py DIR_OF_as_KIND.tsv HELD_OUT_TYPES.tsv")
    folder, held_path = sys.argv[1:]
    f1 = {}  # page -> {kind read as: F1}
    kind = {}
    for read_as in KINDS:
        with open(f"{folder}/as_{read_as}.tsv") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                f1.setdefault(row["id"], {})[read_as] = float(row["f1"])
                kind[row["id"]] = row["type"]
    held = {}
    with open(held_path) as f:
        for line in f:
            page, _, given = line.split()
            held[page] = given
    pages = sorted(p for p in f1 if p in held and len(f1[p]) == len(KINDS))

    def mean(values):
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    print("| kind (pages) | " + " | ".join(f"as {k}" for k in KINDS) + " |")
    print("|---" * (len(KINDS) + 1) + "|")
    for k in KINDS:
        of_kind = [p for p in pages if kind[p] == k]
        cells = [f"{mean(f1[p][r] for p in of_kind):.4f}" for r in KINDS]
        print(f"| {k} ({len(of_kind)}) | " + " | ".join(cells) + " |")
    wrong = [p for p in pages if held[p] != kind[p]]
    costly = [p for p in wrong if f1[p][kind[p]] - f1[p][held[p]] > COSTLY]
    cost = sum(f1[p][kind[p]] - f1[p][held[p]] for p in wrong)
    print(f"\n{len(pages)} pages, {len(wrong)} typed wrong held out; {len(costly)} of them lose "
          f"more than {COSTLY} of F1 against a reading as their own kind; all together "
          f"{cost:.2f} pages' worth ({cost / len(pages):.4f} of the mean)")
    for k in ["all"] + KINDS:
        of_kind = [p for p in pages if k == "all" or kind[p] == k]
        print(f"{k}: read as their held-out type {mean(f1[p][held[p]] for p in of_kind):.4f}, "
              f"as their own kind {mean(f1[p][kind[p]] for p in of_kind):.4f}")
    print("\nthe costly pages (page, kind, held-out type, F1 as that, F1 as its own kind):")
    for p in sorted(costly, key=lambda p: f1[p][held[p]] - f1[p][kind[p]]):
        print(f"  {p} {kind[p]} {held[p]} {f1[p][held[p]]:.3f} {f1[p][kind[p]]:.3f}")


if __name__ == "__main__":
    main()

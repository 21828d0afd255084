"""lede.Corpus: the corpus store from Python, the same file the lede command reads."""
import gzip
import json
import os
import shutil
import signal
import subprocess
import threading
import time

import pytest

import lede
from conftest import golden_pages


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The repository's golden pages, copied under one directory."""
    root = tmp_path_factory.mktemp("pages")
    for page in golden_pages():
        if os.path.basename(page) == "source.html":
            name = os.path.basename(os.path.dirname(page)) + ".html"
        else:
            name = os.path.basename(page)
        shutil.copy(page, root / name)
    return root


@pytest.fixture(scope="module")
def corpus_path(pages, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news.db"
    with lede.Corpus(path) as corpus:
        counts = corpus.ingest(pages, jobs=2)
    n = len(os.listdir(pages))
    assert counts["records"] + counts["errors"] == n
    assert counts["added"] + counts["versions"] + counts["duplicates"] == counts["records"]
    assert counts["added"] >= n - 3, counts
    return path


def lede_command(*args):
    binary = os.environ.get("LEDE_BINARY")
    if not binary or not os.path.exists(binary):
        pytest.skip("the lede command is not built (LEDE_BINARY); build the lede target")
    out = subprocess.run([binary, *args], stdout=subprocess.PIPE, check=True)
    return out.stdout.decode("utf-8")


def test_ingest_gives_a_corpus_the_stats_describe(corpus_path):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        stats = corpus.stats()
        assert stats["articles"] >= 25
        assert stats["quotes"] > 0 and stats["people"] > 0
        assert stats["schema_version"] >= 1
        assert corpus.count("") == stats["stories"]
        assert corpus.count("", all_copies=True) == stats["articles"]


def test_search_finds_the_words_and_pages(corpus_path):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        hits = corpus.search("glacier")
        assert hits, "the glacier story holds the word"
        assert any("glacier" in hit["title"].lower() for hit in hits)
        hit = hits[0]
        assert {"id", "score", "snippet", "copies", "title", "text"} <= set(hit)
        assert "**" in hit["snippet"]
        assert "blocks" not in hit
        every = corpus.search("", limit=1000, all_copies=True)
        assert len(every) == corpus.count("", all_copies=True)
        first, second = corpus.search("", limit=3), corpus.search("", limit=3, offset=3)
        assert not {h["id"] for h in first} & {h["id"] for h in second}


def test_counts_equal_the_commands(corpus_path):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        for query in ("", "ferry", "\"the city\"", "site:apnews.com"):
            line = lede_command("search", "--db", str(corpus_path), "--count", query)
            assert corpus.count(query) == int(line), query


def test_quotes_by_speaker(corpus_path):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        quotes = corpus.quotes("", limit=200)
        spoken = [q for q in quotes if q.get("speaker")]
        assert spoken, "analysed golden pages hold attributed quotes"
        speaker = spoken[0]["speaker"]
        surname = speaker.split()[-1]
        found = corpus.quotes(f"speaker:{surname}", limit=50)
        assert found and all(surname.lower() in q["speaker"].lower() for q in found)
        assert corpus.count_quotes(f"speaker:{surname}") >= len(found)
        article = corpus.article(found[0]["article_id"])
        assert any(q["text"] == found[0]["text"] for q in article["quotes"])


def test_article_is_the_whole_record(corpus_path, pages):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        hit = corpus.search("glacier", limit=1)[0]
        record = corpus.article(hit["id"])
        assert record["id"] == hit["id"]
        assert record["title"] == hit["title"]
        assert record["blocks"], "the full record keeps its blocks"
        assert record["version"] >= 1
        page = os.path.join(pages, os.path.basename(record["source"]["path"]))
        extracted = lede.extract(open(page, "rb").read(), analyze=True, path=page)
        assert record["text"] == extracted["text"]
        with pytest.raises(lede.UsageError):
            corpus.article(10**9)


def test_ingesting_again_adds_nothing(corpus_path, pages, tmp_path):
    copy = tmp_path / "again.db"
    shutil.copy(corpus_path, copy)
    with lede.Corpus(copy) as corpus:
        before = corpus.stats()
        counts = corpus.ingest(pages, jobs=1)
        assert counts["added"] == 0 and counts["versions"] == 0
        assert counts["duplicates"] == counts["records"] > 0
        assert corpus.stats() == before


def test_add_takes_records_and_counts_what_is_not_one(tmp_path):
    page = golden_pages()[0]
    record = lede.extract(open(page, "rb").read(), path=page)
    with lede.Corpus(tmp_path / "added.db") as corpus:
        counts = corpus.add([record, json.dumps(record), {"error": {"code": "io"}}])
        assert (counts["added"], counts["duplicates"], counts["errors"]) == (1, 1, 1)
        assert counts["errors_by_code"] == {"not_an_article": 1}
        assert corpus.count("", all_copies=True) == 1


def test_a_file_that_is_not_a_corpus_raises_and_is_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are notes, not a corpus\n" * 100)
    before = path.read_bytes()
    with pytest.raises(lede.UsageError) as raised:
        lede.Corpus(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before


def test_missing_corpus_without_create_and_bad_queries_raise(tmp_path):
    with pytest.raises(lede.IoError):
        lede.Corpus(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()
    with lede.Corpus(tmp_path / "empty.db") as corpus:
        assert corpus.search("anything") == []
        with pytest.raises(lede.UsageError):
            corpus.search('"unclosed phrase')
        with pytest.raises(lede.UsageError):
            corpus.search("x", limit=-1)
    with pytest.raises(lede.UsageError):
        corpus.count("")
    assert corpus.closed


def test_threads_share_a_corpus(corpus_path):
    with lede.Corpus(corpus_path, read_only=True) as corpus:
        expected = corpus.count("river")
        seen, errors = [], []

        def work():
            try:
                for _ in range(20):
                    seen.append(corpus.count("river"))
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and seen == [expected] * 80


def test_help_reads_well():
    doc = lede.Corpus.__doc__
    assert "context manager" in doc and "UsageError" in doc
    for name in ("search", "count", "quotes", "article", "stats", "ingest", "add"):
        assert getattr(lede.Corpus, name).__doc__, name


def test_an_interrupted_ingest_keeps_what_it_added_and_ingesting_again_completes(tmp_path):
    pages = tmp_path / "many"
    pages.mkdir()
    n = 200
    for i in range(n):
        body = "".join(f"<p>Report {i}, part {p}: the ferry timetable for route {i * 7 + p} "
                       f"changes in spring, and the council will publish it soon.</p>"
                       for p in range(5))
        (pages / f"{i:03d}.html").write_text(
            f"<html><head><title>Ferry report {i}</title></head><body><article>"
            f"<h1>Ferry report {i}</h1>{body}</article></body></html>")

    # Ctrl-C is a timer's signal. On a busy machine it may come before the
    # ingest has stored anything, or after it has ended: then the case is
    # tried again with a new corpus and a later signal.
    armed = [False]

    def interrupt(*_):
        if armed[0]:
            armed[0] = False
            raise KeyboardInterrupt
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        for attempt, delay in enumerate((0.001, 0.004, 0.016, 0.064)):
            with lede.Corpus(tmp_path / f"interrupted-{attempt}.db") as corpus:
                interrupted = False
                try:
                    armed[0] = True
                    signal.setitimer(signal.ITIMER_REAL, delay)
                    corpus.ingest(pages, jobs=1, analyze=False)
                except KeyboardInterrupt:
                    interrupted = True
                finally:
                    armed[0] = False
                    signal.setitimer(signal.ITIMER_REAL, 0)
                held = corpus.count("", all_copies=True)
                if not interrupted or not 0 < held < n:
                    continue
                counts = corpus.ingest(pages, jobs=1, analyze=False)
                assert (counts["added"], counts["duplicates"]) == (n - held, held)
                assert corpus.count("", all_copies=True) == n
                return
        pytest.fail("no signal came while the ingest was storing pages")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_other_threads_run_while_the_corpus_works(tmp_path):
    # As test_api's test of the same name: one long ingest (a page of many
    # thousands of paragraphs, extracted and indexed) in a thread, while the
    # main thread notes the time; with the GIL released it runs during the call.
    paragraph = ("<p>The council voted on Tuesday to rebuild the old harbour bridge, which "
                 "has been closed to traffic since the spring floods damaged it.</p>")
    (tmp_path / "long.html").write_text("<html><body><article><h1>Bridge</h1>" +
                                        paragraph * 30000 + "</article></body></html>")
    span = []
    done = threading.Event()
    corpus = lede.Corpus(tmp_path / "long.db")

    def work():
        span.append(time.perf_counter())
        corpus.ingest(tmp_path / "long.html", jobs=1, analyze=False, max_millis=0)
        span.append(time.perf_counter())
        done.set()
    notes = []
    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        notes.append(time.perf_counter())
    thread.join()
    assert corpus.count("", all_copies=True) == 1
    corpus.close()
    start, end = span
    # A note well inside the call shows the main thread ran while lede worked;
    # how many it took depends on what else the machine runs, so one is enough.
    margin = 0.1 * (end - start)
    inside = [t for t in notes if start + margin <= t < end - margin]
    assert inside, f"the main thread did not run during the {end - start:.3f} s ingest"


def test_ingest_counts_bodiless_and_truncated_records_as_the_cli_does(tmp_path):
    page = golden_pages()[0]
    inputs = tmp_path / "in"
    inputs.mkdir()
    with open(page, "rb") as f:
        packed = gzip.compress(f.read(), mtime=0)
    (inputs / "cut.html.gz").write_bytes(packed[:len(packed) * 2 // 3])
    (inputs / "bodiless.html").write_bytes(
        b"<html><head><title>Opening hours of the town library</title></head>"
        b"<body><nav><a href=\"/\">Home</a></nav></body></html>")
    shutil.copy(page, inputs / "whole.html")
    records = [json.loads(line) for line in lede_command("extract", "--quiet",
                                                         str(inputs)).splitlines()]
    with lede.Corpus(tmp_path / "news.db") as corpus:
        counts = corpus.ingest(inputs, jobs=2)
    assert counts["records"] == len(records) == 3
    assert counts["no_content"] == sum(not r["text"] for r in records) == 1
    assert counts["truncated"] == sum(
        any(w.startswith("truncated input") for w in r["warnings"]) for r in records) == 1

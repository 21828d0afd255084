"""lede's Python API: the same records as the lede command, errors as exceptions."""
import gzip
import inspect
import json
import os
import shutil
import threading
import time

import pytest

import lede
from conftest import REPO, golden_pages, http_response, loads, write_warc


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_extract_gives_the_cli_record_byte_for_byte(cli):
    pages = golden_pages()
    assert len(pages) >= 10
    lines = cli(*pages)
    assert len(lines) == len(pages)
    for page, line in zip(pages, lines):
        assert lede.extract_json(read(page), path=page) == line, page
        assert lede.extract(read(page), path=page) == json.loads(line), page


def test_extract_with_url_and_analysis_matches_cli(cli):
    page = golden_pages()[0]
    url = "https://news.example/2024/01/02/story"
    line, = cli("--analyze", "--date", "2024-01-02", "--url", url, page)
    record = lede.extract(read(page), url, analyze=True, date="2024-01-02", path=page)
    assert record == json.loads(line)
    assert record["url"] == url
    assert "quotes" in record and "entities" in record and "times" in record


def test_reused_extractor_gives_the_same_records():
    extractor = lede.Extractor(analyze=True)
    for page in golden_pages()[:8]:
        assert extractor.extract(read(page)) == lede.extract(read(page), analyze=True)
    assert extractor.options["analyze"] is True
    assert extractor.options["max_nodes"] == 2_000_000


def test_page_type_reads_the_page_as_that_kind(cli):
    thread = os.path.join(REPO, "tests", "pages", "forum-thread-pump-hum", "source.html")
    model = lede.extract(read(thread))
    as_article = lede.extract(read(thread), path=thread, page_type="article")
    assert model["page_type"] == "forum" and as_article["page_type"] == "article"
    # Read as an article, the thread keeps its first post; the replies are comments.
    assert "anti-vibration feet" in model["text"]
    assert "anti-vibration feet" not in as_article["text"]
    assert as_article == json.loads(cli("--page-type", "article", thread)[0])
    extractor = lede.Extractor(page_type="forum")
    assert extractor.options["page_type"] == "forum"
    assert extractor.extract(read(thread)) == model
    assert lede.Extractor().options["page_type"] is None
    with pytest.raises(lede.UsageError):
        lede.extract(read(thread), page_type="blog")


def test_str_input_is_read_as_unicode():
    html = ("<html><head><meta charset='windows-1252'><title>Café</title></head><body><article>"
            + "<p>Der Bürgermeister sagte, die Brücke über die Elbe werde im Frühjahr eröffnet, "
              "und alle Anwohner seien eingeladen.</p>" * 4 + "</article></body></html>")
    record = lede.extract(html)
    assert "Bürgermeister" in record["text"]
    assert record["source"]["charset"] == "utf-8"


def test_extract_text_matches_cli_text_mode(cli, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Harbour ferry returns after repairs\n\n"
                     "HAMBURG (dpa) - The ferry across the Elbe is running again after three "
                     "months of repairs, the operator said on Tuesday.\n\n"
                     "Commuters had taken a long detour by bus while the ship was in dock, and "
                     "the operator said the timetable would be the same as before.\n")
    line, = cli("--from", "text", str(story))
    assert lede.extract_text(story.read_bytes(), path=str(story)) == json.loads(line)
    assert lede.Extractor().extract_text(story.read_text(), path=str(story))["text"]


def test_extract_file_reads_a_directory_like_the_cli(cli):
    # The whole folder: pages, their expected records, a README: in the
    # CLI's order, with the CLI's error records for what is not a page.
    directory = os.path.join(REPO, "tests", "pages")
    expected = loads(cli("-j", "2", directory))
    got = list(lede.extract_file(directory, jobs=2))
    assert got == expected
    assert [r for r in got if "error" in r] and [r for r in got if "error" not in r]
    assert list(lede.extract_file(directory, jobs=1, errors="skip")) == \
        [r for r in expected if "error" not in r]


def test_extract_file_reads_gzip_and_warc_like_the_cli(cli, tmp_path):
    pages = golden_pages()[:5]
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(read(pages[0])))
    warc = write_warc(str(tmp_path / "crawl.warc.gz"), pages)
    inputs = [str(gz), warc, pages[1]]
    expected = loads(cli(*inputs))
    got = list(lede.extract_file(inputs, jobs=2))
    assert got == expected
    # The page, five archive records (request, 404 and image passed over), the page.
    assert len(got) == 7
    offsets = [r["source"]["offset"] for r in got[1:6]]
    assert offsets == sorted(offsets)
    assert all(r["source"]["kind"] == "warc" for r in got[1:6])
    assert lede.extract(gz.read_bytes())["text"] == lede.extract(read(pages[0]))["text"]


def truncated_warc(path, page):
    """An archive of one response whose payload the crawler cut (WARC-Truncated)."""
    block = http_response(read(page))
    head = ("WARC/1.1\r\nWARC-Type: response\r\n"
            "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000cut1>\r\n"
            "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: https://news.example/cut\r\n"
            "WARC-Truncated: length\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    with open(path, "wb") as out:
        out.write(gzip.compress(head + block + b"\r\n\r\n", mtime=0))
    return path


def test_truncated_input_gives_the_cli_warning(cli, tmp_path):
    page = golden_pages()[0]
    packed = gzip.compress(read(page), mtime=0)
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(packed[:len(packed) * 2 // 3])
    warc = truncated_warc(str(tmp_path / "cut.warc.gz"), page)
    inputs = [str(cut), warc]
    expected = loads(cli(*inputs))
    got = list(lede.extract_file(inputs))
    assert got == expected
    gz_record, warc_record = got
    assert gz_record["warnings"][0].startswith("truncated input: the gzip data ends early")
    assert ("truncated input: the crawler cut the download (WARC-Truncated: length)"
            in warc_record["warnings"])


def test_an_input_over_the_limit_says_what_was_read_like_the_cli(cli, tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"word " * 100 + b"</p>")
    expected = loads(cli("--max-bytes", "50", str(big)))
    record, = lede.Extractor(max_bytes=50).extract_file(str(big))
    assert record["error"]["code"] == "too_large"
    assert record["source"] == expected[0]["source"]


def test_errors_are_exceptions_with_the_record_codes():
    with pytest.raises(lede.EmptyInputError) as e:
        lede.extract(b"   \n")
    assert e.value.code == "empty_input" and isinstance(e.value, lede.Error)
    with pytest.raises(lede.TooLargeError):
        lede.extract(b"<p>" + b"word " * 100 + b"</p>", max_bytes=50)
    with pytest.raises(lede.NotHtmlError):
        lede.extract(bytes(range(256)) * 8)
    with pytest.raises(lede.UsageError):
        lede.extract(b"<p>x</p>", parser="webkit")
    with pytest.raises(ValueError):  # UsageError is a ValueError too
        lede.Extractor(max_nodes=-1)
    with pytest.raises(TypeError):
        lede.extract(12)


def test_file_errors_are_records_or_exceptions(tmp_path):
    missing = str(tmp_path / "missing.html")
    record, = lede.extract_file(missing)
    assert record["error"]["code"] == "io" and record["source"]["path"] == missing
    assert list(lede.extract_file(missing, errors="skip")) == []
    with pytest.raises(lede.IoError) as e:
        list(lede.extract_file(missing, errors="raise"))
    assert e.value.source["path"] == missing
    with pytest.raises(lede.UsageError):
        lede.extract_file(missing, jobs=0)


def threads():
    """The process's threads, by id: a count can fall when a thread from an
    earlier test ends, so a test asks that no new one is left."""
    return set(os.listdir("/proc/self/task"))


def test_an_abandoned_file_run_stops_its_threads(tmp_path):
    for i, page in enumerate(golden_pages()):
        shutil.copy(page, tmp_path / f"{i:03d}.html")
    before = threads()
    for _ in range(3):
        records = lede.extract_file(str(tmp_path), jobs=2)
        assert "text" in next(records)
        records.close()
    assert threads() - before == set()


def test_a_raised_error_held_by_the_caller_stops_the_run_s_threads(tmp_path):
    missing = str(tmp_path / "missing.html")
    before = threads()
    with pytest.raises(lede.IoError) as e:
        list(lede.extract_file([missing, missing], errors="raise", jobs=2))
    # The traceback keeps the generator's frame, and so the run, alive.
    assert e.value.__traceback__ is not None
    assert threads() - before == set()


def test_threads_give_the_same_records_as_one():
    pages = [read(p) for p in golden_pages()]
    serial = [lede.extract(p) for p in pages]
    results = [None] * len(pages)

    def work(start):
        extractor = lede.Extractor()
        for i in range(start, len(pages), 2):
            results[i] = extractor.extract(pages[i])
    threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_help_reads_well():
    assert lede.__version__
    for f in (lede.extract, lede.extract_text, lede.extract_file, lede.Extractor,
              lede.Extractor.extract, lede.Error):
        assert f.__doc__ and len(f.__doc__) > 40, f
    params = inspect.signature(lede.extract).parameters
    assert list(params)[:2] == ["html", "url"]
    assert params["analyze"].kind is inspect.Parameter.KEYWORD_ONLY


def test_other_threads_run_while_lede_works():
    # One long call: a page of many thousands of paragraphs. While it runs in
    # a thread, the main thread keeps noting the time. Were the GIL held for
    # the call, the main thread could not run between the call's start and
    # its end.
    paragraph = ("<p>The council voted on Tuesday to rebuild the old harbour bridge, which "
                 "has been closed to traffic since the spring floods damaged it.</p>")
    page = ("<html><body><article><h1>Bridge</h1>" + paragraph * 30000 +
            "</article></body></html>").encode()
    span = []
    done = threading.Event()

    def work():
        extractor = lede.Extractor(max_millis=0)
        span.append(time.perf_counter())
        extractor.extract(page)
        span.append(time.perf_counter())
        done.set()
    notes = []
    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        notes.append(time.perf_counter())
    thread.join()
    start, end = span
    # A note well inside the call shows the main thread ran while lede worked;
    # how many it took depends on what else the machine runs, so one is enough.
    margin = 0.1 * (end - start)
    inside = [t for t in notes if start + margin <= t < end - margin]
    assert inside, f"the main thread did not run during the {end - start:.3f} s call"

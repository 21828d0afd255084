"""lede.dask: records as a dask.bag, and the worked example on a LocalCluster."""
import glob
import importlib.util
import json
import os

import pytest

pytest.importorskip("dask.bag", reason="dask is not installed (Debian: python3-dask); "
                                       "the lede.dask tests are skipped")

import lede  # noqa: E402
import lede.dask  # noqa: E402
from conftest import AEB_HTML, REPO, golden_pages, write_warc  # noqa: E402


def test_each_archive_is_a_partition_and_pages_come_in_groups(tmp_path):
    for i in range(5):
        (tmp_path / f"page-{i}.html").write_bytes(b"<p>x</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.warc.gz").write_bytes(b"")
    (tmp_path / "z.warc").write_bytes(b"")
    groups = lede.dask.input_groups(str(tmp_path), pages_per_partition=2)
    names = [[os.path.relpath(p, tmp_path) for p in g] for g in groups]
    assert names == [["page-0.html", "page-1.html"], ["page-2.html", "page-3.html"],
                     ["page-4.html"], ["sub/a.warc.gz"], ["z.warc"]]
    assert lede.dask.input_groups(str(tmp_path / "page-*.html"), pages_per_partition=10) == \
        [[str(tmp_path / f"page-{i}.html") for i in range(5)]]
    with pytest.raises(FileNotFoundError):
        lede.dask.input_groups(str(tmp_path / "nothing-*.warc.gz"))


def test_bag_holds_the_records_extract_file_gives(tmp_path):
    import dask
    pages = golden_pages()[:6]
    warcs = [write_warc(str(tmp_path / f"s{i}.warc.gz"), pages[i::2]) for i in range(2)]
    inputs = warcs + pages[:3]
    bag = lede.dask.extract_bag(inputs, pages_per_partition=2)
    assert bag.npartitions == 4
    with dask.config.set(scheduler="sync"):
        records = bag.compute()
        written = lede.dask.to_jsonl(bag, tmp_path / "out")
    assert records == list(lede.extract_file(inputs))
    assert [os.path.basename(p) for p in written] == [f"part-{i:05d}.jsonl" for i in range(4)]
    lines = [json.loads(line) for p in written for line in open(p, encoding="utf-8")]
    assert lines == records


def test_bag_options_are_checked_when_it_is_made():
    with pytest.raises(lede.UsageError):
        lede.dask.extract_bag(golden_pages(), max_depth=-3)


def _example():
    spec = importlib.util.spec_from_file_location(
        "dask_crawl", os.path.join(REPO, "examples", "dask_crawl.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_crawl_on_a_local_cluster_returns_every_record_once(tmp_path):
    pytest.importorskip("distributed", reason="distributed is not installed (Debian: "
                                              "python3-distributed); the cluster test is skipped")
    # The AEB pages where the shared data is, else the repository's own pages.
    pages = sorted(glob.glob(os.path.join(AEB_HTML, "*.html.gz"))) or golden_pages()
    example = _example()
    result = example.run(pages, shards=3, workers=2, workdir=str(tmp_path / "shards"))
    records = result["records"]
    manifest = result["manifest"]
    assert len(manifest) == 3
    expected = sorted((path, offset) for path, offsets in manifest.items() for offset in offsets)
    got = [(r["source"]["path"], r["source"]["offset"]) for r in records]
    assert got == expected  # every response record of every shard, once, sorted
    assert len(got) == len(pages)
    # The same records, in the same order, as one process reading the shards.
    assert records == list(lede.extract_file(sorted(manifest)))
    assert sum("error" not in r for r in records) >= 0.9 * len(records)

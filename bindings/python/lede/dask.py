"""Whole crawls on a Dask cluster: lede's records as a dask.bag.Bag.

    >>> from dask.distributed import Client
    >>> import lede.dask
    >>> client = Client("tcp://scheduler:8786")          # or a LocalCluster
    >>> bag = lede.dask.extract_bag("s3-mount/CC-NEWS-2024-01-*.warc.gz")
    >>> lede.dask.to_jsonl(bag, "out/")                 # one .jsonl per partition

Each WARC archive is one partition, read by one task from start to end; pages
that are not archives are grouped, ``pages_per_partition`` to a partition,
in the order ``lede extract`` would read them. Records are the dicts
``lede.extract_file`` yields, with their source exactly as the CLI's
(source.path as given here, source.offset and source.target_uri for archive
records). Inputs must be readable at the same paths on every worker.

Importable only where dask is installed (Debian: python3-dask, and
python3-distributed for clusters).
"""
from __future__ import annotations

import glob as _glob
import json as _json
import os as _os
from typing import Any, Dict, Iterable, List, Optional, Union

import dask.bag as _bag

import lede as _lede

__all__ = ["input_groups", "extract_bag", "to_jsonl"]

# Pages per partition when pages come loose: a task of a few seconds of work
# (pages take a few milliseconds), long enough that scheduling costs little.
PAGES_PER_PARTITION = 500

_WARC_SUFFIXES = (".warc", ".warc.gz")


def _is_warc(path: str) -> bool:
    return path.lower().endswith(_WARC_SUFFIXES)


def _walk(directory: str) -> Iterable[str]:
    """Files under `directory`, recursively, each level in sorted order (the CLI's)."""
    try:
        entries = sorted((e.path, e.is_dir()) for e in _os.scandir(directory)
                         if e.is_dir() or e.is_file())
    except OSError:
        # The run reports an unreadable directory as an error record.
        yield directory
        return
    for path, is_dir in entries:
        if is_dir:
            yield from _walk(path)
        else:
            yield path


def _expand(paths_or_globs: Union[str, "_os.PathLike[str]", Iterable[Any]]) -> List[str]:
    if isinstance(paths_or_globs, (str, bytes, _os.PathLike)):
        paths_or_globs = [paths_or_globs]
    files: List[str] = []
    for item in paths_or_globs:
        item = _os.fsdecode(item)
        matches = sorted(_glob.glob(item)) if _glob.has_magic(item) else [item]
        if not matches:
            raise FileNotFoundError(f"no file matches {item!r}")
        for path in matches:
            files.extend(_walk(path) if _os.path.isdir(path) else [path])
    return files


def input_groups(paths_or_globs: Union[str, "_os.PathLike[str]", Iterable[Any]], *,
                 pages_per_partition: int = PAGES_PER_PARTITION) -> List[List[str]]:
    """The partitions extract_bag makes: one list of paths per partition.

    Globs are expanded in sorted order and directories walked as the CLI
    walks them; each WARC archive (.warc, .warc.gz) is a partition of its own,
    and runs of other files are cut into groups of ``pages_per_partition``.
    """
    if pages_per_partition < 1:
        raise _lede.UsageError("pages_per_partition must be at least 1")
    groups: List[List[str]] = []
    pages: List[str] = []
    for path in _expand(paths_or_globs):
        if _is_warc(path):
            if pages:
                groups.append(pages)
                pages = []
            groups.append([path])
        else:
            pages.append(path)
            if len(pages) == pages_per_partition:
                groups.append(pages)
                pages = []
    if pages:
        groups.append(pages)
    return groups


def _extract_partition(groups: List[List[str]], options: Dict[str, Any]) -> List[Dict[str, Any]]:
    records: List[Dict[str, Any]] = []
    for paths in groups:
        records.extend(_lede.extract_file(paths, **options))
    return records


def extract_bag(paths_or_globs: Union[str, "_os.PathLike[str]", Iterable[Any]], *,
                pages_per_partition: int = PAGES_PER_PARTITION, jobs: int = 1,
                errors: str = "record", **options: Any) -> _bag.Bag:
    """A Bag of the records of files, directories, globs and WARC archives.

    One partition per WARC archive, or per group of ``pages_per_partition``
    pages; within a partition records keep input order. ``jobs`` is lede's
    worker threads per task (1 suits a worker process per core); ``errors``
    as in lede.extract_file ("record": error records are in the bag).
    Other options (analyze, date, parser, page_type, max_bytes, max_nodes,
    max_depth, max_millis, input_format) go to lede.extract_file. Nothing is read until
    the bag is computed, and then by the workers.
    """
    # Checks the options here, where a mistake is cheap, not on every worker.
    _lede.Extractor(**{k: v for k, v in options.items() if k != "input_format"})
    groups = input_groups(paths_or_globs, pages_per_partition=pages_per_partition)
    run_options = dict(options, jobs=jobs, errors=errors)
    return _bag.from_sequence(groups, partition_size=1).map_partitions(
        _extract_partition, run_options)


def _to_line(record: Dict[str, Any]) -> str:
    return _json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def to_jsonl(bag: _bag.Bag, outdir: Union[str, "_os.PathLike[str]"], *,
             compute: bool = True) -> Union[List[str], Any]:
    """Writes one JSON Lines file per partition, outdir/part-00000.jsonl on,
    one record a line; returns the paths written (or, with compute=False,
    the delayed writes). The directory is made when missing.
    """
    outdir = _os.fsdecode(outdir)
    _os.makedirs(outdir, exist_ok=True)
    return bag.map(_to_line).to_textfiles(_os.path.join(outdir, "part-*.jsonl"),
                                          name_function=lambda i: f"{i:05d}",
                                          last_endline=True, encoding="utf-8", compute=compute)

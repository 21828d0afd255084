"""lede: news pages in, structured article records out.

    >>> import lede
    >>> record = lede.extract(open("page.html", "rb").read(), "https://example.com/news/1")
    >>> record["title"], record["published"], record["text"][:80]
    >>> for record in lede.extract_file("crawl.warc.gz", jobs=2):
    ...     print(record["source"]["target_uri"], record.get("title"))

A record is a dict holding the same JSON object ``lede extract`` writes
(see the project's DESIGN.md): url, canonical_url, site, language, title,
description, published, modified, authors, section, tags, dateline, images,
text, blocks, quotes, entities, times, warnings and source. Missing values
are None or empty lists, never made up.

lede does its work outside the GIL: threads in Python extract in parallel.
Failures raise :class:`lede.Error` (a subclass per error code); the file
runs can instead yield error records, as the CLI writes them.

Limits (keyword arguments everywhere): ``max_bytes`` (largest input, raw or
inflated), ``max_nodes`` (DOM nodes; more are cut with a warning),
``max_depth`` (DOM nesting; deeper content is flattened with a warning) and
``max_millis`` (CPU time for one page, 0 for none). The defaults are the
CLI's.

A corpus (the SQLite file ``lede ingest`` writes and ``lede search`` reads)
opens as :class:`lede.Corpus`:

    >>> with lede.Corpus("news.db") as corpus:
    ...     corpus.ingest("pages/", jobs=2)
    ...     for hit in corpus.search('"interest rates" since:2024-01-01', limit=5):
    ...         print(hit["id"], hit["title"], hit["snippet"])

``lede.dask`` (where dask is installed) spreads whole crawls over a cluster.
"""
from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from . import _lede

__all__ = [
    "Error", "IoError", "EmptyInputError", "NotHtmlError", "TooLargeError", "LimitExceededError",
    "NoContentError", "BadArchiveError", "UsageError", "InternalError",
    "Extractor", "extract", "extract_text", "extract_json", "extract_file", "Corpus",
    "__version__",
]

__version__: str = _lede.version()

Record = Dict[str, Any]
PathLike = Union[str, "_os.PathLike[str]"]


class Error(Exception):
    """An input lede could not make a record of.

    ``code`` is the stable name error records carry ("no_content", ...),
    ``message`` says what went wrong, and ``source`` is the error record's
    source (path, kind, bytes, and for archives offset and target_uri) when
    the error came from a file run, else None.
    """

    code: str = "internal"

    def __init__(self, message: str, *, source: Optional[Record] = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class IoError(Error):
    """The input could not be read (code "io")."""
    code = "io"


class EmptyInputError(Error):
    """Zero bytes, or nothing but whitespace (code "empty_input")."""
    code = "empty_input"


class NotHtmlError(Error):
    """Binary data or a format lede does not read (code "not_html")."""
    code = "not_html"


class TooLargeError(Error):
    """Input or inflated bytes over max_bytes (code "too_large")."""
    code = "too_large"


class LimitExceededError(Error):
    """A limit (nodes, depth, max_millis) made the page unusable (code "limit_exceeded")."""
    code = "limit_exceeded"


class NoContentError(Error):
    """Parsed, but no article body was found (code "no_content")."""
    code = "no_content"


class BadArchiveError(Error):
    """A WARC or gzip stream is malformed (code "bad_archive")."""
    code = "bad_archive"


class UsageError(Error, ValueError):
    """The call asked for something impossible (code "usage")."""
    code = "usage"


class InternalError(Error):
    """A bug in lede; please report it with the input (code "internal")."""
    code = "internal"


_ERRORS = {cls.code: cls for cls in (IoError, EmptyInputError, NotHtmlError, TooLargeError,
                                     LimitExceededError, NoContentError, BadArchiveError,
                                     UsageError, InternalError)}


def _error(code: str, message: str, source: Optional[Record] = None) -> Error:
    cls = _ERRORS.get(code, Error)
    err = cls(message, source=source)
    if cls is Error:
        err.code = code
    return err


_PARSERS = ("lede", "gumbo")
_PAGE_TYPES = tuple(_lede.page_type_names())
_FROMS = ("auto", "html", "text")
_FILE_FROMS = ("auto", "html", "text", "warc")
_ERROR_MODES = ("record", "raise", "skip")


def _options(analyze: bool, date: Optional[str], parser: str, max_bytes: Optional[int],
             max_nodes: Optional[int], max_depth: Optional[int],
             max_millis: Optional[int], page_type: Optional[str] = None) -> "_lede.Options":
    if parser not in _PARSERS:
        raise UsageError(f"parser must be one of {', '.join(_PARSERS)}, not {parser!r}")
    if page_type is not None and page_type not in _PAGE_TYPES:
        raise UsageError(f"page_type must be None (lede decides) or one of "
                         f"{', '.join(_PAGE_TYPES)}, not {page_type!r}")
    for name, value in (("max_bytes", max_bytes), ("max_nodes", max_nodes),
                        ("max_depth", max_depth), ("max_millis", max_millis)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise UsageError(f"{name} must be a non-negative int, not {value!r}")
    if max_nodes is not None and max_nodes > 0xFFFFFFFF or \
            max_depth is not None and max_depth > 0xFFFFFFFF or \
            max_millis is not None and max_millis > 0xFFFFFFFF:
        raise UsageError("max_nodes, max_depth and max_millis must fit in 32 bits")
    return _lede.Options(analyze=bool(analyze), date=date or "", parser=parser,
                         max_bytes=max_bytes, max_nodes=max_nodes, max_depth=max_depth,
                         max_millis=max_millis, page_type=page_type or "")


def _page_bytes(page: Union[bytes, bytearray, memoryview, str]) -> "tuple[bytes, str]":
    """The bytes to extract and the charset to read them in ("" to detect)."""
    if isinstance(page, str):
        # Python text is Unicode already: its UTF-8 bytes are decoded as
        # UTF-8, whatever charset the page's <meta> once declared.
        return page.encode("utf-8", "surrogatepass"), "utf-8"
    if isinstance(page, bytes):
        return page, ""
    if isinstance(page, (bytearray, memoryview)):
        return bytes(page), ""
    raise TypeError(f"a page is bytes or str, not {type(page).__name__}")


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> "list[str]":
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    return [_os.fsdecode(p) for p in paths]


class Extractor:
    """Reusable extraction with fixed options, for loops over many pages.

    An Extractor keeps the parser's memory between pages, so a loop over
    pages allocates little. It serves one thread at a time: give each thread
    its own (a second thread entering a busy Extractor gets UsageError).
    ``lede.extract`` and friends keep one per thread for you.

    Options: ``analyze`` also finds quotes and their speakers, the people
    named and the days time words mean (records gain quotes, entities,
    times); ``date`` (YYYY-MM-DD) resolves relative time words when the page
    gives no publication date; ``parser`` is "lede" (default) or "gumbo" (the
    reference parser); ``page_type`` reads every page as that kind when the
    caller knows it ("forum", "product", ...; None, the default: lede's model
    decides page by page); and the limits max_bytes, max_nodes, max_depth,
    max_millis (see ``help(lede)``).
    """

    def __init__(self, *, analyze: bool = False, date: Optional[str] = None,
                 parser: str = "lede", max_bytes: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_depth: Optional[int] = None,
                 max_millis: Optional[int] = None, page_type: Optional[str] = None):
        self._options = _options(analyze, date, parser, max_bytes, max_nodes, max_depth,
                                 max_millis, page_type)
        self._extractor = _lede.Extractor()

    @property
    def options(self) -> Record:
        """The options in force, limits included (defaults filled in)."""
        o = self._options
        return {"analyze": o.analyze, "date": o.date or None, "parser": o.parser,
                "page_type": o.page_type or None, "max_bytes": o.max_bytes,
                "max_nodes": o.max_nodes, "max_depth": o.max_depth, "max_millis": o.max_millis}

    def __repr__(self) -> str:
        return f"lede.Extractor({', '.join(f'{k}={v!r}' for k, v in self.options.items())})"

    def extract_json(self, html: Union[bytes, str], url: Optional[str] = None, *,
                     path: Optional[str] = None, input_format: str = "auto") -> str:
        """The record of one page as the CLI's JSON text (one line, no newline).

        Raises lede.Error when the page gives no record.
        """
        if input_format not in _FROMS:
            raise UsageError(f"input_format must be one of {', '.join(_FROMS)}, "
                             f"not {input_format!r}")
        data, charset = _page_bytes(html)
        text, code, message = self._extractor.extract(data, self._options, url or "", path or "",
                                                      charset, input_format)
        if text is None:
            raise _error(code, message)
        return text

    def extract(self, html: Union[bytes, str], url: Optional[str] = None, *,
                path: Optional[str] = None, input_format: str = "auto") -> Record:
        """The record of one page: an HTML page (bytes in any charset, gzip
        too, or str), or scraped text when it holds no markup.

        ``url`` is the page's address (fills record["url"] and helps find the
        site); ``path`` is written as record["source"]["path"];
        ``input_format`` is "auto" (sniff), "html" or "text". Raises
        lede.Error when the page gives no record.
        """
        return _json.loads(self.extract_json(html, url, path=path, input_format=input_format))

    def extract_text(self, text: Union[bytes, str], url: Optional[str] = None, *,
                     path: Optional[str] = None) -> Record:
        """The record of scraped or rendered text (what w3m, lynx or a
        scraper left): the text's own structure gives the body, title and
        dateline. Raises lede.Error when the text gives no record.
        """
        return self.extract(text, url, path=path, input_format="text")

    def extract_file(self, paths: Union[PathLike, Iterable[PathLike]], *, jobs: int = 1,
                     input_format: str = "auto", errors: str = "record") -> Iterator[Record]:
        """Records of files, as ``lede extract`` reads them: pages (gzip
        too), directories (walked recursively, in sorted order) and WARC
        archives (.warc, .warc.gz: every HTML response, with
        source.offset, source.target_uri and source.warc_date).

        ``jobs`` worker threads extract in parallel; records come in input
        order. ``input_format`` is "auto", "html", "text" or "warc".
        ``errors`` says what an input that gives no record yields: "record"
        (default) an error record {"error": {"code", "message"}, "source"},
        as the CLI writes it; "skip" nothing; "raise" lede.Error, which ends
        the iteration. Requests, metadata, non-HTML payloads and non-200
        responses in archives are passed over, as by the CLI. The threads
        stop when the records end, when an error is raised, and when the
        iterator is closed (``close()``) or dropped.
        """
        if input_format not in _FILE_FROMS:
            raise UsageError(f"input_format must be one of {', '.join(_FILE_FROMS)}, "
                             f"not {input_format!r}")
        if errors not in _ERROR_MODES:
            raise UsageError(f"errors must be one of {', '.join(_ERROR_MODES)}, not {errors!r}")
        if not isinstance(jobs, int) or not 1 <= jobs <= 1024:
            raise UsageError(f"jobs must be an int from 1 to 1024, not {jobs!r}")
        return _file_records(_lede.FileRun(_paths(paths), self._options, input_format, jobs),
                             errors)


def _file_records(run: "_lede.FileRun", errors: str) -> Iterator[Record]:
    # The run's threads stop when the records end, when one is raised, and
    # when the generator is closed or collected: an exception held by the
    # caller (its traceback keeps this frame) must not keep them alive.
    try:
        while True:
            outcome = run.next()
            if outcome is None:
                return
            text, code, message = outcome
            if not code:
                yield _json.loads(text)
            elif errors == "record":
                yield _json.loads(text)
            elif errors == "raise":
                raise _error(code, message, _json.loads(text).get("source"))
    finally:
        run.close()


def extract(html: Union[bytes, str], url: Optional[str] = None, *, analyze: bool = False,
            date: Optional[str] = None, parser: str = "lede", path: Optional[str] = None,
            input_format: str = "auto", max_bytes: Optional[int] = None,
            max_nodes: Optional[int] = None, max_depth: Optional[int] = None,
            max_millis: Optional[int] = None, page_type: Optional[str] = None) -> Record:
    """The record of one page: HTML (bytes in any charset, gzip too, or str)
    or, when it holds no markup, scraped text. The same dict ``lede extract``
    writes as JSON.

    ``url`` is the page's address; ``analyze`` adds quotes, entities and
    times; ``date`` (YYYY-MM-DD) resolves relative time words when the page
    has no publication date; ``path`` is written as source.path;
    ``page_type`` reads the page as that kind (see :class:`Extractor`).
    Limits as in ``help(lede)``. Raises lede.Error (a subclass per code) when the page
    gives no record.
    """
    return _json.loads(extract_json(html, url, analyze=analyze, date=date, parser=parser,
                                    path=path, input_format=input_format, max_bytes=max_bytes,
                                    max_nodes=max_nodes, max_depth=max_depth,
                                    max_millis=max_millis, page_type=page_type))


def extract_json(html: Union[bytes, str], url: Optional[str] = None, *, analyze: bool = False,
                 date: Optional[str] = None, parser: str = "lede", path: Optional[str] = None,
                 input_format: str = "auto", max_bytes: Optional[int] = None,
                 max_nodes: Optional[int] = None, max_depth: Optional[int] = None,
                 max_millis: Optional[int] = None, page_type: Optional[str] = None) -> str:
    """As :func:`extract`, but the record as the CLI's JSON text (one line)."""
    if input_format not in _FROMS:
        raise UsageError(f"input_format must be one of {', '.join(_FROMS)}, "
                         f"not {input_format!r}")
    options = _options(analyze, date, parser, max_bytes, max_nodes, max_depth, max_millis,
                       page_type)
    data, charset = _page_bytes(html)
    text, code, message = _lede.extract(data, options, url or "", path or "", charset,
                                        input_format)
    if text is None:
        raise _error(code, message)
    return text


def extract_text(text: Union[bytes, str], url: Optional[str] = None, *, analyze: bool = False,
                 date: Optional[str] = None, path: Optional[str] = None,
                 max_bytes: Optional[int] = None, max_millis: Optional[int] = None) -> Record:
    """The record of scraped or rendered text (text mode): the text's own
    structure gives the body, title and dateline. Options as :func:`extract`.
    """
    return extract(text, url, analyze=analyze, date=date, path=path, input_format="text",
                   max_bytes=max_bytes, max_millis=max_millis)


def extract_file(paths: Union[PathLike, Iterable[PathLike]], *, jobs: int = 1,
                 input_format: str = "auto", errors: str = "record", analyze: bool = False,
                 date: Optional[str] = None, parser: str = "lede",
                 max_bytes: Optional[int] = None, max_nodes: Optional[int] = None,
                 max_depth: Optional[int] = None, max_millis: Optional[int] = None,
                 page_type: Optional[str] = None) -> Iterator[Record]:
    """Records of files, directories and WARC archives, in input order, with
    ``jobs`` worker threads. See :meth:`Extractor.extract_file`.
    """
    extractor = Extractor(analyze=analyze, date=date, parser=parser, max_bytes=max_bytes,
                          max_nodes=max_nodes, max_depth=max_depth, max_millis=max_millis,
                          page_type=page_type)
    return extractor.extract_file(paths, jobs=jobs, input_format=input_format, errors=errors)


def _check(reply: "tuple[Any, str, str]") -> Any:
    value, code, message = reply
    if code:
        raise _error(code, message)
    return value


def _uint32(name: str, value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 0xFFFFFFFF:
        raise UsageError(f"{name} must be an int from 0 to {0xFFFFFFFF}, not {value!r}")
    return value


class Corpus:
    """A corpus of article records: one SQLite file, searchable, the same
    file ``lede ingest`` writes and ``lede search`` reads (see ``lede help
    search`` and the project's DESIGN.md, "The corpus").

    ``Corpus(path)`` opens the corpus at ``path``, creating it unless
    ``create=False``; ``read_only=True`` opens it for queries only (never
    migrated, never written). A file that is not a lede corpus, or one a
    newer lede wrote, raises :class:`UsageError` and is left as it was; a
    database that cannot be read or written raises :class:`IoError`.

    Use it as a context manager, or call :meth:`close`: closing commits what
    was added. Searches and counts take the query language of ``lede
    search`` (words, "phrases", site:, since:, until:, speaker:, ...);
    a query that cannot be parsed raises UsageError saying where. A Corpus
    may be shared by threads (they take turns); the GIL is released while
    SQLite works, so other Python threads run meanwhile.
    """

    def __init__(self, path: PathLike, *, read_only: bool = False, create: bool = True):
        self._path = _os.fsdecode(path)
        self._corpus = _check(_lede.Corpus.open(self._path, bool(read_only), bool(create)))

    @property
    def path(self) -> str:
        """The corpus file."""
        return self._path

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._corpus.closed

    def close(self) -> None:
        """Commits what was added and closes the file (again: a no-op)."""
        _check(self._corpus.close())

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"lede.Corpus({self._path!r}{', closed' if self.closed else ''})"

    def search(self, query: str, limit: int = 20, offset: int = 0,
               all_copies: bool = False) -> "list[Record]":
        """Articles matching ``query``, best first (newest first for a query
        of filters only), ``limit`` of them from ``offset``.

        Each hit is the article's record without ``blocks``, plus ``id``,
        ``score`` (bm25, lower is better), ``snippet`` (the matching words
        marked as **word**) and ``copies`` (articles in its story cluster).
        One article per story unless ``all_copies``.
        """
        lines = _check(self._corpus.search(query, _uint32("limit", limit),
                                           _uint32("offset", offset), bool(all_copies)))
        return [_json.loads(line) for line in lines]

    def count(self, query: str = "", *, all_copies: bool = False) -> int:
        """How many results :meth:`search` would page through: stories, or
        articles with ``all_copies``."""
        return _check(self._corpus.count(query, bool(all_copies), False))

    def quotes(self, query: str = "", limit: int = 20, offset: int = 0,
               all_copies: bool = False) -> "list[Record]":
        """Quotes matching ``query``: its words match the quote's text,
        ``speaker:`` its speaker, other filters apply to its article. Each is
        a dict with text, speaker, cue, kind, article_id, url, site and day;
        one per story unless ``all_copies``. Quotes come from analysed
        records (``ingest(..., analyze=True)``, the default).
        """
        lines = _check(self._corpus.quotes(query, _uint32("limit", limit),
                                           _uint32("offset", offset), bool(all_copies)))
        return [_json.loads(line) for line in lines]

    def count_quotes(self, query: str = "", *, all_copies: bool = False) -> int:
        """How many quotes :meth:`quotes` would page through."""
        return _check(self._corpus.count(query, bool(all_copies), True))

    def article(self, id: int) -> Record:
        """The full record of article ``id`` (as a hit's "id"), with id,
        copies and version added. UsageError when there is none."""
        if not isinstance(id, int) or isinstance(id, bool):
            raise UsageError(f"an article id is an int, not {id!r}")
        return _json.loads(_check(self._corpus.article(id)))

    def stats(self) -> Record:
        """Counts over the corpus: articles (newest versions), versions,
        stories, quotes, people, sites, languages, first_day, last_day and
        schema_version, as ``lede stats`` prints them."""
        return _json.loads(_check(self._corpus.stats()))

    def ingest(self, paths: Union[PathLike, Iterable[PathLike]], *, analyze: bool = True,
               jobs: Optional[int] = None, input_format: str = "auto",
               date: Optional[str] = None, parser: str = "lede",
               max_bytes: Optional[int] = None, max_nodes: Optional[int] = None,
               max_depth: Optional[int] = None, max_millis: Optional[int] = None,
               page_type: Optional[str] = None) -> "dict[str, Any]":
        """Extracts files as :func:`extract_file` does (pages, gzip,
        directories, WARC archives; ``jobs`` threads, default all cores) and
        adds every record, committing in batches as ``lede ingest`` does.

        Records are analysed (quotes, people, time expressions) unless
        ``analyze=False``; the other options are extract_file's. Adding
        what the corpus holds changes nothing, so ingesting the same input
        again completes an interrupted run. Returns counts: records,
        added, versions (same address, new content), duplicates (held
        already), errors with errors_by_code (inputs that gave no record),
        skipped (archive records passed over, by reason), no_content (of
        the records, articles without a body) and truncated (records made
        from input that ends early). A database failure raises lede.Error.
        """
        if input_format not in _FILE_FROMS:
            raise UsageError(f"input_format must be one of {', '.join(_FILE_FROMS)}, "
                             f"not {input_format!r}")
        if jobs is None:
            jobs = max(1, min(1024, _os.cpu_count() or 1))
        if not isinstance(jobs, int) or not 1 <= jobs <= 1024:
            raise UsageError(f"jobs must be an int from 1 to 1024, not {jobs!r}")
        options = _options(analyze, date, parser, max_bytes, max_nodes, max_depth, max_millis,
                           page_type)
        return _check(self._corpus.ingest(_paths(paths), options, input_format, jobs))

    def add(self, records: Iterable[Union[Record, str]]) -> "dict[str, Any]":
        """Adds records (dicts, or JSON text as ``lede extract`` writes it)
        and commits. Returns counts as :meth:`ingest` does; an item that is
        not an article record is counted under errors_by_code
        ["not_an_article"]."""
        lines = [r if isinstance(r, str) else _json.dumps(r, ensure_ascii=False)
                 for r in records]
        return _check(self._corpus.add(lines))

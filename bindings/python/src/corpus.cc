// lede._lede.Corpus: the corpus store (include/lede/store.h) for Python.
// Every call goes through lede::Store, the one place lede's SQL lives; this
// file only moves values across and keeps the GIL released while SQLite (or
// extraction, for ingest) works.
//
// Values cross as the store's own JSON lines, which the Python half parses;
// failures cross as (None, code, message), which it raises as lede.Error.
#include "corpus.h"

#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "file_run.h"
#include "lede/store.h"

namespace lede::python {
namespace {

// Records added between two looks at Python's signal handlers, so Ctrl-C
// ends a long ingest soon without taking the GIL for every record.
constexpr uint64_t kRecordsPerSignalCheck = 64;

// (value or None, error code or "", error message or "").
using Reply = std::tuple<py::object, std::string, std::string>;

Reply failure(const Error& e) {
  return {py::none(), std::string(error_code_name(e.code)), e.message};
}

Reply closed() { return {py::none(), "usage", "the corpus is closed"}; }

SearchOptions search_options(const std::string& query, uint32_t limit, uint32_t offset,
                             bool all_copies) {
  SearchOptions q;
  q.query = query;
  q.limit = limit;
  q.offset = offset;
  q.all_copies = all_copies;
  return q;
}

// Counts over one ingest, returned to Python as a dict.
struct IngestCounts {
  uint64_t records = 0, added = 0, versions = 0, duplicates = 0, errors = 0;
  uint64_t no_content = 0, truncated = 0;  // as lede ingest's summary counts them
  std::map<std::string, uint64_t> errors_by_code, skipped;
};

// One open corpus. Calls from several Python threads take turns (the Store
// is one thread's at a time); each waits for the store with the GIL released.
class PyCorpus {
 public:
  static Reply open(const std::string& path, bool read_only, bool create) {
    StoreOptions options;
    options.read_only = read_only;
    options.create = create;
    std::optional<Result<Store>> store;
    {
      py::gil_scoped_release release;
      store.emplace(Store::open(path, options));
    }
    if (!*store) return failure(store->error());
    return {py::cast(std::make_unique<PyCorpus>(std::move(**store))), "", ""};
  }

  explicit PyCorpus(Store store) : store_(std::move(store)) {}

  ~PyCorpus() {
    py::gil_scoped_release release;
    std::lock_guard lock(mu_);
    store_.reset();
  }

  // Commits the open batch and closes the file; later calls are usage errors.
  Reply close() {
    std::optional<Result<void>> committed;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (store_) {
        committed.emplace(store_->commit());
        store_.reset();
      }
    }
    if (committed && !*committed) return failure(committed->error());
    return {py::none(), "", ""};
  }

  bool is_closed() {
    py::gil_scoped_release release;
    std::lock_guard lock(mu_);
    return !store_;
  }

  Reply search(const std::string& query, uint32_t limit, uint32_t offset, bool all_copies) {
    std::optional<Result<std::vector<ArticleHit>>> hits;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (store_) hits.emplace(store_->search(search_options(query, limit, offset, all_copies)));
    }
    if (!hits) return closed();
    if (!*hits) return failure(hits->error());
    py::list out;
    for (const ArticleHit& hit : **hits) out.append(py::str(hit.json));
    return {out, "", ""};
  }

  Reply quotes(const std::string& query, uint32_t limit, uint32_t offset, bool all_copies) {
    std::optional<Result<std::vector<QuoteHit>>> hits;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (store_) hits.emplace(store_->quotes(search_options(query, limit, offset, all_copies)));
    }
    if (!hits) return closed();
    if (!*hits) return failure(hits->error());
    py::list out;
    for (const QuoteHit& hit : **hits) out.append(py::str(hit.json));
    return {out, "", ""};
  }

  Reply count(const std::string& query, bool all_copies, bool of_quotes) {
    std::optional<Result<uint64_t>> n;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      SearchOptions q = search_options(query, 0, 0, all_copies);
      if (store_) n.emplace(of_quotes ? store_->count_quotes(q) : store_->count(q));
    }
    if (!n) return closed();
    if (!*n) return failure(n->error());
    return {py::int_(**n), "", ""};
  }

  Reply article(int64_t id) {
    std::optional<Result<std::string>> json;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (store_) json.emplace(store_->article_json(id));
    }
    if (!json) return closed();
    if (!*json) return failure(json->error());
    return {py::str(**json), "", ""};
  }

  Reply stats() {
    std::optional<Result<StoreStats>> s;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      if (store_) s.emplace(store_->stats());
    }
    if (!s) return closed();
    if (!*s) return failure(s->error());
    return {py::str((*s)->to_json()), "", ""};
  }

  // Adds records given as JSON text (as `lede extract` writes them), then
  // commits. Lines that are not article records are counted, not fatal.
  Reply add(const std::vector<std::string>& records) {
    IngestCounts counts;
    std::optional<Error> fatal;
    bool open = true;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      open = store_.has_value();
      for (size_t i = 0; open && i < records.size() && !fatal; ++i)
        fatal = add_one(records[i], counts);
      if (open && !fatal) fatal = commit();
    }
    if (!open) return closed();
    if (fatal) return failure(*fatal);
    return {counts_dict(counts), "", ""};
  }

  // Extracts `paths` as extract_file does (pages, gzip, directories, WARC;
  // `jobs` workers) and adds every record, in batches, then commits. Input
  // errors are counted by code; a database error ends the run. Ctrl-C ends
  // it too, after committing what was added (ingesting again completes it).
  Reply ingest(std::vector<std::string> paths, const Options& options, From from, unsigned jobs) {
    IngestCounts counts;
    std::optional<Error> fatal;
    std::optional<py::error_already_set> interrupted;
    bool open = true;
    {
      py::gil_scoped_release release;
      std::lock_guard lock(mu_);
      open = store_.has_value();
      if (open) {
        FileRun run(std::move(paths), options, from, jobs);
        while (!fatal && !interrupted) {
          std::optional<RunRecord> record = run.next();
          if (!record) break;
          if (!record->error_code.empty()) {
            ++counts.errors;
            ++counts.errors_by_code[record->error_code];
          } else {
            fatal = add_one(record->json, counts);
          }
          if ((counts.records + counts.errors) % kRecordsPerSignalCheck == 0) {
            py::gil_scoped_acquire acquire;
            if (PyErr_CheckSignals() != 0) interrupted.emplace();
          }
        }
        counts.skipped = run.skipped();
        counts.no_content = run.no_content();
        counts.truncated = run.truncated();
        std::optional<Error> committed = commit();
        if (!fatal) fatal = committed;
      }
    }
    if (interrupted) throw std::move(*interrupted);
    if (!open) return closed();
    if (fatal) return failure(*fatal);
    return {counts_dict(counts), "", ""};
  }

 private:
  // Adds one record; an error only when the database failed.
  std::optional<Error> add_one(std::string_view json, IngestCounts& counts) {
    Result<AddOutcome> r = store_->add(json);
    if (!r) {
      if (r.error().code != ErrorCode::kUsage) return r.error();
      ++counts.errors;
      ++counts.errors_by_code["not_an_article"];
      return std::nullopt;
    }
    ++counts.records;
    if (*r == AddOutcome::kAdded) ++counts.added;
    if (*r == AddOutcome::kNewVersion) ++counts.versions;
    if (*r == AddOutcome::kDuplicate) ++counts.duplicates;
    return std::nullopt;
  }

  std::optional<Error> commit() {
    Result<void> r = store_->commit();
    if (!r) return r.error();
    return std::nullopt;
  }

  static py::dict counts_dict(const IngestCounts& c) {
    py::dict d;
    d["records"] = c.records;
    d["added"] = c.added;
    d["versions"] = c.versions;
    d["duplicates"] = c.duplicates;
    d["errors"] = c.errors;
    d["errors_by_code"] = c.errors_by_code;
    d["skipped"] = c.skipped;
    d["no_content"] = c.no_content;
    d["truncated"] = c.truncated;
    return d;
  }

  std::mutex mu_;
  std::optional<Store> store_;
};

}  // namespace

void bind_corpus(py::module_& m) {
  py::class_<PyCorpus>(m, "Corpus")
      .def_static("open", &PyCorpus::open, py::arg("path"), py::arg("read_only"), py::arg("create"))
      .def("close", &PyCorpus::close)
      .def_property_readonly("closed", &PyCorpus::is_closed)
      .def("search", &PyCorpus::search, py::arg("query"), py::arg("limit"), py::arg("offset"),
           py::arg("all_copies"))
      .def("quotes", &PyCorpus::quotes, py::arg("query"), py::arg("limit"), py::arg("offset"),
           py::arg("all_copies"))
      .def("count", &PyCorpus::count, py::arg("query"), py::arg("all_copies"), py::arg("of_quotes"))
      .def("article", &PyCorpus::article, py::arg("id"))
      .def("stats", &PyCorpus::stats)
      .def("add", &PyCorpus::add, py::arg("records"))
      .def(
          "ingest",
          [](PyCorpus& c, std::vector<std::string> paths, const Options& options,
             const std::string& from, unsigned jobs) {
            From f = from == "html"   ? From::kHtml
                     : from == "text" ? From::kText
                     : from == "warc" ? From::kWarc
                                      : From::kAuto;
            return c.ingest(std::move(paths), options, f, jobs);
          },
          py::arg("paths"), py::arg("options"), py::arg("from_"), py::arg("jobs"));
}

}  // namespace lede::python

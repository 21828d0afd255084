// lede._lede: the compiled half of the Python package. The Python half
// (bindings/python/lede/__init__.py) holds the public API, its docstrings and
// its exceptions; this module does the work with the GIL released.
//
// Records cross as the library's own JSON (lede/output.h), the exact bytes
// the CLI writes, which Python's json module turns into dicts; so a record
// from Python equals the CLI's record by construction. Failures cross as
// (None, code, message), which the Python half raises as lede.Error.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <optional>
#include <string>
#include <tuple>

#include "corpus.h"
#include "file_run.h"
#include "lede/lede.h"
#include "lede/output.h"

namespace py = pybind11;

namespace lede::python {
namespace {

// (record JSON or None, error code or "", error message or "").
using Outcome = std::tuple<std::optional<std::string>, std::string, std::string>;

Outcome outcome(Result<Article> article) {
  if (article) return {to_json(*article), "", ""};
  return {std::nullopt, std::string(error_code_name(article.error().code)),
          article.error().message};
}

InputFormat input_format(const std::string& from) {
  if (from == "html") return InputFormat::kHtml;
  if (from == "text") return InputFormat::kText;
  return InputFormat::kAuto;
}

From run_from(const std::string& from) {
  if (from == "html") return From::kHtml;
  if (from == "text") return From::kText;
  if (from == "warc") return From::kWarc;
  return From::kAuto;
}

// The options of one call: the shared ones, then what belongs to this page.
Options call_options(const Options& base, const std::string& url, const std::string& path,
                     const std::string& http_charset, const std::string& from) {
  Options options = base;
  options.url = url;
  options.path = path;
  options.http_charset = http_charset;
  options.from = input_format(from);
  return options;
}

std::string_view bytes_view(const py::bytes& data) {
  return std::string_view(PyBytes_AS_STRING(data.ptr()),
                          static_cast<size_t>(PyBytes_GET_SIZE(data.ptr())));
}

// One lede::Extractor; refuses a second thread rather than race (the
// library's Extractor is one thread's at a time).
class PyExtractor {
 public:
  Outcome extract(const py::bytes& data, const Options& base, const std::string& url,
                  const std::string& path, const std::string& http_charset,
                  const std::string& from) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true))
      return {std::nullopt, "usage",
              "this Extractor is in use by another thread; give each thread its own Extractor"};
    std::string_view bytes = bytes_view(data);  // `data` is immutable and held by the caller
    Options options = call_options(base, url, path, http_charset, from);
    Outcome result;
    {
      py::gil_scoped_release release;
      result = outcome(extractor_.extract(bytes, options));
    }
    busy_ = false;
    return result;
  }

 private:
  Extractor extractor_;
  std::atomic<bool> busy_{false};
};

// lede.extract() and friends: one Extractor per thread, made on first use.
Outcome extract_once(const py::bytes& data, const Options& base, const std::string& url,
                     const std::string& path, const std::string& http_charset,
                     const std::string& from) {
  std::string_view bytes = bytes_view(data);
  Options options = call_options(base, url, path, http_charset, from);
  py::gil_scoped_release release;
  thread_local Extractor extractor;
  return outcome(extractor.extract(bytes, options));
}

}  // namespace
}  // namespace lede::python

PYBIND11_MODULE(_lede, m) {
  using namespace lede;
  using namespace lede::python;
  m.doc() = "lede's compiled core; use the lede package, not this module.";
  m.def("version", [] { return std::string(lede::version()); });
  m.def("page_type_names", [] {
    return std::vector<std::string>(lede::page_type_names().begin(), lede::page_type_names().end());
  });

  py::class_<Options>(m, "Options")
      .def(py::init([](bool analyze, const std::string& date, const std::string& parser,
                       std::optional<uint64_t> max_bytes, std::optional<uint32_t> max_nodes,
                       std::optional<uint32_t> max_depth, std::optional<uint32_t> max_millis,
                       const std::string& page_type) {
             Options o;
             o.analyze = analyze;
             o.reference_date = date;
             o.parser = parser == "gumbo" ? Parser::kGumbo : Parser::kLede;
             if (max_bytes) o.limits.max_input_bytes = *max_bytes;
             if (max_nodes) o.limits.max_nodes = *max_nodes;
             if (max_depth) o.limits.max_depth = *max_depth;
             if (max_millis) o.limits.max_millis = *max_millis;
             o.page_type = page_type;
             return o;
           }),
           py::arg("analyze") = false, py::arg("date") = "", py::arg("parser") = "lede",
           py::arg("max_bytes") = py::none(), py::arg("max_nodes") = py::none(),
           py::arg("max_depth") = py::none(), py::arg("max_millis") = py::none(),
           py::arg("page_type") = "")
      .def_property_readonly("analyze", [](const Options& o) { return o.analyze; })
      .def_property_readonly("date", [](const Options& o) { return o.reference_date; })
      .def_property_readonly("page_type", [](const Options& o) { return o.page_type; })
      .def_property_readonly(
          "parser", [](const Options& o) { return o.parser == Parser::kGumbo ? "gumbo" : "lede"; })
      .def_property_readonly("max_bytes", [](const Options& o) { return o.limits.max_input_bytes; })
      .def_property_readonly("max_nodes", [](const Options& o) { return o.limits.max_nodes; })
      .def_property_readonly("max_depth", [](const Options& o) { return o.limits.max_depth; })
      .def_property_readonly("max_millis", [](const Options& o) { return o.limits.max_millis; });

  py::class_<PyExtractor>(m, "Extractor")
      .def(py::init<>())
      .def("extract", &PyExtractor::extract, py::arg("data"), py::arg("options"), py::arg("url"),
           py::arg("path"), py::arg("http_charset"), py::arg("from_"));

  m.def("extract", &extract_once, py::arg("data"), py::arg("options"), py::arg("url"),
        py::arg("path"), py::arg("http_charset"), py::arg("from_"));

  py::class_<FileRun>(m, "FileRun")
      .def(py::init([](std::vector<std::string> paths, const Options& options,
                       const std::string& from, unsigned jobs) {
             return std::make_unique<FileRun>(std::move(paths), options, run_from(from), jobs);
           }),
           py::arg("paths"), py::arg("options"), py::arg("from_"), py::arg("jobs"))
      .def("next",
           [](FileRun& run) -> std::optional<Outcome> {
             std::optional<RunRecord> record;
             {
               py::gil_scoped_release release;
               record = run.next();
             }
             if (!record) return std::nullopt;
             return Outcome{std::move(record->json), std::move(record->error_code),
                            std::move(record->error_message)};
           })
      .def("skipped",
           [](FileRun& run) {
             py::gil_scoped_release release;
             return run.skipped();
           })
      .def("close", [](FileRun& run) {
        py::gil_scoped_release release;
        run.close();
      });

  bind_corpus(m);
}

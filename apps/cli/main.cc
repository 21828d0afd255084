// The lede command: a thin shell over the public API (include/lede/).
//
// Flags are parsed into one Config, then run_extract() does the work.
// Exit codes: 0 all inputs gave records, 1 some inputs failed, 2 usage or
// fatal error. A closed output pipe (`lede extract ... | head`) ends the
// run quietly with 0.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "inputs.h"
#include "lede/lede.h"
#include "lede/output.h"

namespace {

using Clock = std::chrono::steady_clock;

enum class Format { kJsonl, kJson, kText, kMarkdown };

struct Config {
  std::vector<std::string> inputs;
  lede::Options options;
  Format format = Format::kJsonl;
  std::string output;  // "" is stdout
  unsigned jobs = 0;   // 0: all cores
  bool quiet = false;
};

// Inputs taken from the walker at a time: enough to keep every worker busy,
// few enough that memory stays flat on endless input.
constexpr size_t kBatchPerJob = 16;
// How often the progress line is redrawn.
constexpr auto kProgressInterval = std::chrono::milliseconds(250);

struct Outcome {
  std::string rendered;  // the record (or error record) as written
  std::string error_code;  // empty on success
  std::string error_message;
  uint64_t bytes = 0;
};

class Output {
 public:
  explicit Output(FILE* f) : f_(f) {}
  // False once the reader has gone away (EPIPE); the run then stops.
  bool write(std::string_view s) {
    if (closed_) return false;
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) {
      if (errno == EPIPE) closed_ = true;
      else failed_ = true;
      return false;
    }
    return true;
  }
  bool closed() const { return closed_; }
  bool failed() const { return failed_; }
  bool flush() {
    if (std::fflush(f_) != 0) {
      if (errno == EPIPE) closed_ = true;
      else failed_ = true;
    }
    return !closed_ && !failed_;
  }

 private:
  FILE* f_;
  bool closed_ = false;
  bool failed_ = false;
};

std::string render(const lede::Article& a, Format format) {
  switch (format) {
    case Format::kJsonl: return lede::to_json(a) + "\n";
    case Format::kJson: return lede::to_json(a, 2);
    case Format::kText: return lede::to_text(a);
    case Format::kMarkdown: return lede::to_markdown(a);
  }
  return "";
}

Outcome process(lede::Extractor& extractor, const lede::cli::Input& input, const Config& config) {
  Outcome out;
  lede::Options options = config.options;
  options.path = input.path;
  lede::Source source;
  source.path = input.path;
  std::string read_error = input.error;
  std::optional<std::string> bytes;
  if (read_error.empty())
    bytes = lede::cli::read_input(input.path, options.limits.max_input_bytes, read_error);
  lede::Result<lede::Article> result =
      bytes ? extractor.extract(*bytes, options)
            : lede::Result<lede::Article>(lede::make_error(lede::ErrorCode::kIo, read_error));
  if (bytes) out.bytes = bytes->size();
  if (result) {
    out.rendered = render(*result, config.format);
    return out;
  }
  source.bytes = out.bytes;
  out.error_code = lede::error_code_name(result.error().code);
  out.error_message = result.error().message;
  if (config.format == Format::kJsonl)
    out.rendered = lede::error_to_json(result.error(), source) + "\n";
  else if (config.format == Format::kJson)
    out.rendered = lede::error_to_json(result.error(), source, 2);
  return out;
}

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
  void update(size_t done, uint64_t bytes, size_t errors, bool force = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!force && now - last_ < kProgressInterval) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\rlede: %zu inputs, %.1f MB, %.0f pages/s, %zu errors   ", done,
                 static_cast<double>(bytes) / 1e6, secs > 0 ? done / secs : 0.0, errors);
    std::fflush(stderr);
  }
  void finish() {
    if (enabled_) std::fputs("\n", stderr);
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  bool enabled_;
  Clock::time_point start_, last_;
};

int run_extract(Config& config) {
  if (config.inputs.empty()) config.inputs.push_back("-");
  unsigned jobs = config.jobs ? config.jobs : std::max(1u, std::thread::hardware_concurrency());
  FILE* out_file = stdout;
  if (!config.output.empty()) {
    out_file = std::fopen(config.output.c_str(), "wb");
    if (!out_file) {
      std::fprintf(stderr, "lede: cannot write %s: %s\n", config.output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  Output output(out_file);
  Progress progress(!config.quiet && isatty(STDERR_FILENO));
  std::vector<lede::Extractor> extractors(jobs);
  lede::cli::InputWalker walker(config.inputs);
  size_t done = 0, records = 0;
  uint64_t bytes_read = 0;
  std::map<std::string, size_t> errors;
  size_t error_count = 0;
  bool first_record = true;
  if (config.format == Format::kJson) output.write("[\n");

  std::vector<lede::cli::Input> batch;
  std::vector<Outcome> outcomes;
  while (!output.closed() && !output.failed()) {
    batch.clear();
    while (batch.size() < jobs * kBatchPerJob) {
      auto in = walker.next();
      if (!in) break;
      batch.push_back(std::move(*in));
    }
    if (batch.empty()) break;
    outcomes.assign(batch.size(), Outcome{});
    std::atomic<size_t> next{0};
    auto work = [&](unsigned w) {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();)
        outcomes[i] = process(extractors[w], batch[i], config);
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < jobs && w < batch.size(); ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads) t.join();

    for (size_t i = 0; i < batch.size(); ++i) {
      Outcome& o = outcomes[i];
      ++done;
      bytes_read += o.bytes;
      if (!o.error_code.empty()) {
        ++errors[o.error_code];
        ++error_count;
        if (config.format == Format::kText || config.format == Format::kMarkdown)
          std::fprintf(stderr, "lede: %s: %s\n", batch[i].path.c_str(), o.error_message.c_str());
      } else {
        ++records;
      }
      if (o.rendered.empty()) continue;
      if (!first_record) {
        if (config.format == Format::kJson) output.write(",\n");
        else if (config.format == Format::kText) output.write("\n* * *\n\n");
        else if (config.format == Format::kMarkdown) output.write("\n---\n\n");
      }
      first_record = false;
      if (!output.write(o.rendered)) break;
    }
    progress.update(done, bytes_read, error_count);
  }
  if (config.format == Format::kJson && !output.closed()) output.write("\n]\n");
  output.flush();
  if (out_file != stdout) std::fclose(out_file);
  progress.update(done, bytes_read, error_count, true);
  progress.finish();
  if (output.closed()) return 0;
  if (output.failed()) {
    std::fprintf(stderr, "lede: writing the output failed: %s\n", std::strerror(errno));
    return 2;
  }
  if (!config.quiet) {
    std::string summary;
    for (auto& [code, n] : errors) summary += " " + code + "=" + std::to_string(n);
    std::fprintf(stderr, "lede: %zu records, %zu errors%s%s in %.2f s\n", records, error_count,
                 summary.empty() ? "" : " (", summary.empty() ? "" : (summary.substr(1) + ")").c_str(),
                 progress.seconds());
  }
  return error_count > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"lede: news pages in, structured articles out."};
  app.set_version_flag("--version", std::string("lede ") + std::string(lede::version()));
  app.require_subcommand(0, 1);
  Config config;

  CLI::App* extract = app.add_subcommand(
      "extract",
      "Extract article records from pages.\n"
      "INPUT is a file (gzip-compressed or not), a directory (walked recursively) or '-' for "
      "stdin (the default). Writes one record per input; inputs that fail give an error "
      "record and exit code 1.");
  extract->add_option("INPUT", config.inputs, "Files, directories, or '-' for stdin");
  std::string from = "auto";
  extract->add_option("--from", from, "What the input is: auto (sniff), html, text")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->group("Input");
  extract->add_option("--url", config.options.url, "The page's address (for a single page)")
      ->group("Input");
  std::string format = "jsonl";
  extract->add_option("--format", format, "Output: jsonl (one record a line), json, text, markdown")
      ->check(CLI::IsMember({"jsonl", "json", "text", "markdown"}))
      ->capture_default_str()
      ->group("Output");
  extract->add_option("-o,--output", config.output, "Write here instead of stdout")
      ->group("Output");
  extract->add_flag("-q,--quiet", config.quiet, "No progress line and no summary")
      ->group("Output");
  extract->add_option("-j,--jobs", config.jobs, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u))
      ->group("Performance");
  extract
      ->add_option("--max-bytes", config.options.limits.max_input_bytes,
                   "Largest input, raw or inflated, in bytes")
      ->capture_default_str()
      ->group("Limits");
  extract
      ->add_option("--max-nodes", config.options.limits.max_nodes,
                   "Most DOM nodes built for one page; the rest is cut with a warning")
      ->capture_default_str()
      ->group("Limits");
  extract
      ->add_option("--max-depth", config.options.limits.max_depth,
                   "Deepest DOM nesting; deeper content is flattened with a warning")
      ->capture_default_str()
      ->group("Limits");

  CLI::App* help = app.add_subcommand("help", "Show help for a command: lede help extract");
  std::string help_topic;
  help->add_option("COMMAND", help_topic, "The command to explain");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (*help) {
    if (help_topic == "extract") std::fputs(extract->help().c_str(), stdout);
    else std::fputs(app.help().c_str(), stdout);
    return help_topic.empty() || help_topic == "extract" ? 0 : 2;
  }
  if (!*extract) {
    std::fputs(app.help().c_str(), stderr);
    return 2;
  }
  config.options.from = from == "html"   ? lede::InputFormat::kHtml
                        : from == "text" ? lede::InputFormat::kText
                                         : lede::InputFormat::kAuto;
  config.format = format == "json"       ? Format::kJson
                  : format == "text"     ? Format::kText
                  : format == "markdown" ? Format::kMarkdown
                                         : Format::kJsonl;
  return run_extract(config);
}

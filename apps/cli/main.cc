// The lede command: a thin shell over the public API (include/lede/).
//
// Flags are parsed into one configuration, then the command runs (see
// extract_command.h for the streaming run). Exit codes: 0 all inputs gave
// records, 1 some inputs failed, 2 usage or fatal error. A closed output
// pipe (`lede extract ... | head`) ends the run quietly with 0.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>

#include "extract_command.h"
#include "lede/lede.h"
#include "store_commands.h"

namespace {

constexpr const char* kExtractDescription =
    "Extract article records from pages and web archives.\n"
    "\n"
    "INPUT is a page file (gzip-compressed or not), a directory (walked "
    "recursively, in sorted\n"
    "order), a WARC archive (.warc or .warc.gz, recognised by name or content) "
    "or '-' for\n"
    "stdin (the default). More paths can come from --files-from, one a line.\n"
    "\n"
    "Every page, and every response or resource record of an archive, gives "
    "one article\n"
    "record or one error record ({\"error\": {\"code\", \"message\"}, "
    "\"source\": {...}}), in input\n"
    "order; records of archives carry source.offset, source.target_uri and "
    "source.warc_date.\n"
    "Requests, metadata, non-HTML payloads and non-200 responses are skipped "
    "and counted.\n"
    "On a terminal a progress line runs on stderr; a summary ends the run "
    "unless --quiet.\n"
    "\n"
    "Exit status: 0 all inputs gave records, 1 some failed, 2 usage or fatal "
    "error.\n"
    "A closed output pipe (| head) ends the run quietly with 0.\n"
    "\n"
    "Examples:\n"
    "  lede extract page.html\n"
    "  lede extract -j 8 CC-NEWS-20240101.warc.gz -o news.jsonl\n"
    "  find pages -name '*.html' | lede extract --files-from - --format text\n";

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"lede: news pages in, structured articles out."};
  app.set_version_flag("--version", std::string("lede ") + std::string(lede::version()));
  app.require_subcommand(0, 1);
  lede::cli::ExtractConfig config;

  CLI::App* extract = app.add_subcommand("extract", kExtractDescription);
  extract->add_option("INPUT", config.inputs, "Files, directories, archives, or '-' for stdin");
  extract
      ->add_option("--files-from", config.files_from,
                   "Read more input paths from FILE, one a line ('-' for stdin)")
      ->group("Input");
  std::string from = "auto";
  extract
      ->add_option("--from", from, "What the input is: auto (sniff each input), html, text, warc")
      ->check(CLI::IsMember({"auto", "html", "text", "warc"}))
      ->capture_default_str()
      ->group("Input");
  extract
      ->add_option("--url", config.options.url,
                   "The page's address (for single pages; archive records use "
                   "WARC-Target-URI)")
      ->group("Input");
  std::string format = "jsonl";
  extract->add_option("--format", format, "Output: jsonl (one record a line), json, text, markdown")
      ->check(CLI::IsMember({"jsonl", "json", "text", "markdown"}))
      ->capture_default_str()
      ->group("Output");
  extract->add_option("-o,--output", config.output, "Write here instead of stdout")
      ->group("Output");
  extract->add_flag("-q,--quiet", config.quiet, "No progress line and no summary")->group("Output");
  extract
      ->add_option("-j,--jobs", config.jobs,
                   "Worker threads (default: all cores); output keeps input order")
      ->check(CLI::Range(1u, 1024u))
      ->group("Performance");
  extract
      ->add_option("--max-bytes", config.options.limits.max_input_bytes,
                   "Largest input or archive record, raw or inflated, in bytes")
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
  extract
      ->add_option("--max-millis", config.options.limits.max_millis,
                   "Time budget for one page in milliseconds (0: none); a page over it "
                   "gets an error record")
      ->capture_default_str()
      ->group("Limits");

  extract
      ->add_flag("--analyze", config.options.analyze,
                 "Also find quotes and their speakers, the people named and the days time "
                 "words mean (quotes, entities, times)")
      ->group("Extraction");
  extract
      ->add_option("--date", config.options.reference_date,
                   "Resolve relative time words against this date (YYYY-MM-DD) when the page "
                   "gives no publication date")
      ->group("Extraction");
  std::string parser = "lede";
  extract->add_option("--parser", parser, "HTML parser: lede (default) or gumbo (the reference)")
      ->check(CLI::IsMember({"lede", "gumbo"}))
      ->group("Extraction");

  lede::cli::StoreCommands store_commands;
  lede::cli::add_store_commands(app, store_commands);

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
    std::string store_help = lede::cli::store_command_help(store_commands, help_topic);
    if (!store_help.empty()) {
      std::fputs(store_help.c_str(), stdout);
      return 0;
    }
    if (help_topic == "extract")
      std::fputs(extract->help().c_str(), stdout);
    else
      std::fputs(app.help().c_str(), stdout);
    return help_topic.empty() || help_topic == "extract" ? 0 : 2;
  }
  if (std::optional<int> rc = lede::cli::run_store_command(store_commands)) return *rc;
  if (!*extract) {
    std::fputs(app.help().c_str(), stderr);
    return 2;
  }
  if (config.files_from == "-") {
    for (const std::string& input : config.inputs) {
      if (input == "-") {
        std::fputs("lede: stdin cannot be both an input and the --files-from list\n", stderr);
        return 2;
      }
    }
  }
  config.options.parser = parser == "gumbo" ? lede::Parser::kGumbo : lede::Parser::kLede;
  config.from = from == "html"   ? lede::cli::From::kHtml
                : from == "text" ? lede::cli::From::kText
                : from == "warc" ? lede::cli::From::kWarc
                                 : lede::cli::From::kAuto;
  config.format = format == "json"       ? lede::cli::Format::kJson
                  : format == "text"     ? lede::cli::Format::kText
                  : format == "markdown" ? lede::cli::Format::kMarkdown
                                         : lede::cli::Format::kJsonl;
  return lede::cli::run_extract(std::move(config));
}

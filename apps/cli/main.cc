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
#include <vector>

#include "extract_command.h"
#include "fetch_command.h"
#include "lede/lede.h"
#include "serve_command.h"
#include "store_commands.h"

namespace {

constexpr const char* kExtractDescription =
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
    "A directory walk does not enter symbolic links to directories unless "
    "--follow is given;\n"
    "either way each directory is walked once, and a link loop is reported as "
    "a warning.\n"
    "The output file is never read as an input: naming it as an input is "
    "refused, and a walk\n"
    "passes over it.\n"
    "\n"
    "Interrupting (Ctrl-C, SIGTERM) stops reading, finishes the records under "
    "way, writes whole\n"
    "records only and prints the summary (exit 130 or 143). --resume goes on "
    "with such a run,\n"
    "or one that was killed: with the same INPUTs and -o, it drops a last "
    "partial line, finds\n"
    "the input (and archive record) the output ends with, and appends what "
    "follows it; the\n"
    "file then holds what one uninterrupted run writes.\n"
    "\n"
    "Exit status: 0 all inputs gave records, 1 some failed, 2 usage or fatal "
    "error,\n"
    "130/143 interrupted. A closed output pipe (| head) ends the run quietly "
    "with 0.\n"
    "\n"
    "Examples:\n"
    "  lede extract page.html\n"
    "  lede extract -j 8 CC-NEWS-20240101.warc.gz -o news.jsonl\n"
    "  find pages -name '*.html' | lede extract --files-from - --format text\n"
    "  lede extract --resume -o news.jsonl CC-NEWS-*.warc.gz   # after an interruption\n";

constexpr const char* kCommands =
    "\nCommands:\n"
    "  extract   Extract article records from pages and web archives\n"
    "  help      Show help for a command: lede help extract\n";

// Days in `month` of `year` in the proleptic Gregorian calendar.
int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// True when `date` is a real day written YYYY-MM-DD.
bool is_iso_date(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return false;
  int year = std::stoi(date.substr(0, 4));
  int month = std::stoi(date.substr(5, 2));
  int day = std::stoi(date.substr(8, 2));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// What --page-type takes: auto (lede's model decides), then every kind.
std::vector<std::string> page_type_choices() {
  std::vector<std::string> choices{"auto"};
  for (std::string_view name : lede::page_type_names()) choices.emplace_back(name);
  return choices;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App app{"lede: news pages in, structured articles out."};
  app.set_version_flag("--version", std::string("lede ") + std::string(lede::version()));
  app.require_subcommand(0, 1);
  lede::cli::ExtractConfig config;

  CLI::App* extract =
      app.add_subcommand("extract", "Extract article records from pages and web archives");
  extract->footer(kExtractDescription);
  extract->add_option("INPUT", config.inputs, "Files, directories, archives, or '-' for stdin");
  extract
      ->add_option("--files-from", config.files_from,
                   "Read more input paths from FILE, one a line ('-' for stdin)")
      ->group("Input");
  extract
      ->add_flag("--follow", config.follow,
                 "Enter symbolic links to directories when walking (each directory once)")
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
  extract
      ->add_flag("--resume", config.resume,
                 "Go on with an interrupted run: keep the records already in -o FILE and "
                 "append those that follow them (JSON lines only; same INPUTs)")
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
  extract
      ->add_flag("--explain", config.explain,
                 "Before each record, write how its body was found: the page type, the "
                 "evidence for it and its lead over the model's second choice (read as that "
                 "when the model was unsure and little was found); the container chosen (its "
                 "prose and boilerplate weight, how it was named) and the runners-up; then "
                 "every text block in page order with its type, length, share of link text and "
                 "weight per character (+ prose, - boilerplate), and the rule that kept or "
                 "dropped it")
      ->group("Extraction");
  std::string page_type = "auto";
  extract
      ->add_option("--page-type", page_type,
                   "Read every page as this kind, when you know it (a crawl of one forum, a "
                   "shop's product pages); auto: lede's model decides page by page. The "
                   "record's page_type says it")
      ->check(CLI::IsMember(page_type_choices()))
      ->capture_default_str()
      ->group("Extraction");
  std::string parser = "lede";
  extract->add_option("--parser", parser, "HTML parser: lede (default) or gumbo (the reference)")
      ->check(CLI::IsMember({"lede", "gumbo"}))
      ->group("Extraction");

  lede::cli::StoreCommands store_commands;
  lede::cli::add_store_commands(app, store_commands);
  lede::cli::FetchCommand fetch(app);
  lede::cli::ServeCommand serve(app);

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
    if (help_topic == "serve") {
      std::fputs(serve.help().c_str(), stdout);
      return 0;
    }
    if (help_topic == "fetch") {
      std::fputs(fetch.help().c_str(), stdout);
      return 0;
    }
    if (help_topic == "extract") {
      std::fputs(extract->help().c_str(), stdout);
      return 0;
    }
    bool known = help_topic.empty() || help_topic == "help";
    if (!known) std::fprintf(stderr, "lede: no command named %s\n", help_topic.c_str());
    // app.help() would show the help command's own help once it was parsed.
    std::string text = app.get_formatter()->make_help(&app, "lede", CLI::AppFormatMode::Normal);
    if (text.find("extract") == std::string::npos) text += kCommands;
    std::fputs(text.c_str(), known ? stdout : stderr);
    return known ? 0 : 2;
  }
  if (std::optional<int> rc = lede::cli::run_store_command(store_commands)) return *rc;
  if (fetch.chosen()) return fetch.run();
  if (serve.chosen()) return serve.run();
  if (!*extract) {
    std::string text = app.help();
    if (text.find("extract") == std::string::npos) text += kCommands;
    std::fputs(text.c_str(), stderr);
    return 2;
  }
  if (!config.options.reference_date.empty() && !is_iso_date(config.options.reference_date)) {
    std::fprintf(stderr,
                 "lede: --date %s is not a date; give a day as YYYY-MM-DD, e.g. 2019-12-31\n",
                 config.options.reference_date.c_str());
    return 2;
  }
  if (config.resume) {
    if (config.output.empty()) {
      std::fputs("lede: --resume needs the output file of the run to go on with (-o FILE)\n",
                 stderr);
      return 2;
    }
    if (format != "jsonl") {
      std::fputs("lede: --resume works on JSON lines output only (--format jsonl)\n", stderr);
      return 2;
    }
    for (const std::string& input : config.inputs) {
      if (input == "-") {
        std::fputs("lede: --resume cannot go on reading stdin; name the inputs\n", stderr);
        return 2;
      }
    }
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
  if (page_type != "auto") config.options.page_type = page_type;
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

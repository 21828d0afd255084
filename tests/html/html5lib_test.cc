// Runs the html5lib conformance suites (tokenizer/*.test,
// tree-construction/*.dat) against lede's parser, prints the pass rate of every
// file and fails below the floors. Cases that need scripting on are counted
// apart, as are tokenizer cases whose input is not valid UTF-8 (lone
// surrogates), which lede's parser never receives, and the XML-coercion cases
// of xmlViolation.test. Set HTML5LIB_VERBOSE=1 to print each failure.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "html/lede_parser.h"
#include "html/tokenizer.h"
#include "tree_dump.h"

namespace lede::html {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Floors the suites must stay above; KNOWN_FAILURES.md lists what is missing.
constexpr double kTokenizerFloor = 0.995;
constexpr double kTreeConstructionFloor = 0.99;

fs::path data_dir() {
  const char *d = std::getenv("LEDE_DATA_DIR");
  return d != nullptr ? fs::path(d) / "html5lib-tests" : fs::path();
}

bool verbose() { return std::getenv("HTML5LIB_VERBOSE") != nullptr; }

std::string read_file(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> files_with_extension(const fs::path &dir, std::string_view ext) {
  std::vector<fs::path> out;
  for (const auto &e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct Tally {
  int passed = 0;
  int failed = 0;
  int apart = 0;  // not run: needs scripting, or input not representable
};

// --- Tokenizer
// ---------------------------------------------------------------------

// Undoes the "doubleEscaped" \uXXXX escaping; false when a lone surrogate
// makes the string invalid UTF-8.
bool unescape(const std::string &in, std::string &out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\' && i + 5 < in.size() + 0 && in[i + 1] == 'u') {
      uint32_t cp = static_cast<uint32_t>(std::stoul(in.substr(i + 2, 4), nullptr, 16));
      i += 5;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < in.size() && in[i + 1] == '\\' &&
          in[i + 2] == 'u') {
        uint32_t lo = static_cast<uint32_t>(std::stoul(in.substr(i + 3, 4), nullptr, 16));
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) return false;
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
    } else {
      out.push_back(in[i]);
    }
  }
  return true;
}

bool valid_utf8_json_string(const std::string &s) {
  // nlohmann decodes lone surrogates in JSON into CESU-style bytes; reject
  // those.
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xED &&
        (static_cast<unsigned char>(s[i + 1]) & 0xE0) == 0xA0)
      return false;
  return true;
}

bool unescape_json(json &j) {
  if (j.is_string()) {
    std::string out;
    if (!unescape(j.get<std::string>(), out)) return false;
    j = out;
    return true;
  }
  if (j.is_array() || j.is_object()) {
    if (j.is_object()) {
      json copy = json::object();
      for (auto &[k, v] : j.items()) {
        std::string key;
        if (!unescape(k, key)) return false;
        json val = v;
        if (!unescape_json(val)) return false;
        copy[key] = val;
      }
      j = copy;
      return true;
    }
    for (auto &v : j)
      if (!unescape_json(v)) return false;
  }
  return true;
}

json tokenize(const std::string &input, TokenizerState state, const std::string &last_tag) {
  Tokenizer tok;
  tok.reset(input);
  tok.set_state(state);
  if (!last_tag.empty()) tok.set_last_start_tag(last_tag);
  json out = json::array();
  std::string text;
  auto flush = [&] {
    if (!text.empty()) out.push_back(json::array({"Character", text}));
    text.clear();
  };
  for (;;) {
    const Token &t = tok.next();
    if (t.kind == TokenKind::kEof) break;
    if (t.kind == TokenKind::kCharacters) {
      text.append(t.data);
      continue;
    }
    flush();
    switch (t.kind) {
      case TokenKind::kStartTag: {
        json attrs = json::object();
        for (const TokenAttribute &a : t.attributes)
          attrs[std::string(t.attr_name(a))] = std::string(t.attr_value(a));
        json tag = json::array({"StartTag", std::string(t.data), attrs});
        if (t.self_closing) tag.push_back(true);
        out.push_back(tag);
        break;
      }
      case TokenKind::kEndTag:
        out.push_back(json::array({"EndTag", std::string(t.data)}));
        break;
      case TokenKind::kComment:
        out.push_back(json::array({"Comment", std::string(t.data)}));
        break;
      case TokenKind::kDoctype:
        out.push_back(json::array(
            {"DOCTYPE", t.has_name ? json(std::string(t.data)) : json(nullptr),
             t.has_public_id ? json(std::string(t.public_id)) : json(nullptr),
             t.has_system_id ? json(std::string(t.system_id)) : json(nullptr), !t.force_quirks}));
        break;
      default:
        break;
    }
  }
  flush();
  return out;
}

// Expected output with adjacent Character tokens merged.
json normalize_expected(const json &output) {
  json out = json::array();
  for (const json &tok : output) {
    if (tok[0] == "Character" && !out.empty() && out.back()[0] == "Character") {
      out.back()[1] = out.back()[1].get<std::string>() + tok[1].get<std::string>();
    } else {
      out.push_back(tok);
    }
  }
  return out;
}

TokenizerState state_named(const std::string &name) {
  if (name == "PLAINTEXT state") return TokenizerState::kPlaintext;
  if (name == "RCDATA state") return TokenizerState::kRcdata;
  if (name == "RAWTEXT state") return TokenizerState::kRawtext;
  if (name == "Script data state") return TokenizerState::kScriptData;
  if (name == "CDATA section state") return TokenizerState::kCdataSection;
  return TokenizerState::kData;
}

Tally run_tokenizer_file(const fs::path &file) {
  Tally tally;
  json doc = json::parse(read_file(file));
  if (!doc.contains("tests")) {
    // xmlViolation.test checks a mode that coerces output to XML; HTML parsers
    // skip it.
    tally.apart += static_cast<int>(doc["xmlViolationTests"].size());
    return tally;
  }
  for (json test : doc["tests"]) {
    bool double_escaped = test.value("doubleEscaped", false);
    std::string input = test["input"].get<std::string>();
    json expected = test["output"];
    if (double_escaped) {
      std::string raw;
      if (!unescape(input, raw) || !unescape_json(expected)) {
        ++tally.apart;
        continue;
      }
      input = raw;
    } else if (!valid_utf8_json_string(input)) {
      ++tally.apart;
      continue;
    }
    expected = normalize_expected(expected);
    std::vector<std::string> states = {"Data state"};
    if (test.contains("initialStates"))
      states = test["initialStates"].get<std::vector<std::string>>();
    std::string last_tag = test.value("lastStartTag", "");
    for (const std::string &state : states) {
      json got = tokenize(input, state_named(state), last_tag);
      if (got == expected) {
        ++tally.passed;
      } else {
        ++tally.failed;
        if (verbose()) {
          std::printf("FAIL %s [%s] %s\n  input: %s\n  want: %s\n  got:  %s\n",
                      file.filename().c_str(), state.c_str(), test.value("description", "").c_str(),
                      json(input).dump().c_str(), expected.dump().c_str(), got.dump().c_str());
        }
      }
    }
  }
  return tally;
}

// --- Tree construction
// -------------------------------------------------------------

struct TreeTest {
  std::map<std::string, std::string> sections;
};

std::vector<TreeTest> read_dat(const fs::path &file) {
  static const char *kHeaders[] = {"#data",       "#errors",    "#new-errors", "#document-fragment",
                                   "#script-off", "#script-on", "#document"};
  std::vector<TreeTest> tests;
  std::istringstream in(read_file(file));
  std::string line;
  std::string section;
  while (std::getline(in, line)) {
    bool header = false;
    for (const char *h : kHeaders) header = header || line == h;
    if (header) {
      if (line == "#data" && (tests.empty() || tests.back().sections.count("#document") > 0))
        tests.emplace_back();
      section = line;
      if (!tests.empty()) tests.back().sections[section];
      continue;
    }
    if (!tests.empty()) tests.back().sections[section] += line + "\n";
  }
  for (TreeTest &t : tests) {
    std::string &data = t.sections["#data"];
    if (!data.empty() && data.back() == '\n') data.pop_back();
    std::string &want = t.sections["#document"];
    while (!want.empty() && want.back() == '\n') want.pop_back();
    want += '\n';
    auto ctx = t.sections.find("#document-fragment");
    if (ctx != t.sections.end()) {
      while (!ctx->second.empty() && ctx->second.back() == '\n') ctx->second.pop_back();
    }
  }
  return tests;
}

Tally run_tree_file(const fs::path &file, Parser &parser) {
  Tally tally;
  Document doc;
  for (TreeTest &test : read_dat(file)) {
    if (test.sections.count("#script-on") > 0) {
      ++tally.apart;
      continue;
    }
    const std::string &data = test.sections["#data"];
    const bool fragment = test.sections.count("#document-fragment") > 0;
    const std::string ctx = fragment ? test.sections["#document-fragment"] : "";
    std::string got;
    if (fragment) {
      Namespace ns = Namespace::kHtml;
      std::string name = ctx;
      if (ctx.rfind("svg ", 0) == 0) {
        ns = Namespace::kSvg;
        name = ctx.substr(4);
      } else if (ctx.rfind("math ", 0) == 0) {
        ns = Namespace::kMathMl;
        name = ctx.substr(5);
      }
      parser.parse_fragment(data, name, ns, doc, DomLimits{});
      NodeId html = doc.first_child(doc.root());
      got = html == kNoNode ? "" : testing::dump_children(doc, html);
    } else {
      parser.parse(data, doc, DomLimits{});
      got = testing::dump_document(doc, &parser.doctype());
    }
    const std::string &want = test.sections["#document"];
    if (got == want || (got.empty() && want == "\n")) {
      ++tally.passed;
    } else {
      ++tally.failed;
      if (verbose()) {
        std::printf("FAIL %s%s\n#data\n%s\n#want\n%s#got\n%s\n", file.filename().c_str(),
                    ctx.empty() ? "" : (" (fragment " + ctx + ")").c_str(), data.c_str(),
                    want.c_str(), got.c_str());
      }
    }
  }
  return tally;
}

void report(const char *suite, const std::map<std::string, Tally> &files, double floor) {
  Tally total;
  for (const auto &[name, t] : files) {
    int run = t.passed + t.failed;
    std::printf("  %-48s %5d/%-5d %6.2f%%%s\n", name.c_str(), t.passed, run,
                run > 0 ? 100.0 * t.passed / run : 100.0,
                t.apart > 0 ? (" (" + std::to_string(t.apart) + " counted apart)").c_str() : "");
    total.passed += t.passed;
    total.failed += t.failed;
    total.apart += t.apart;
  }
  int run = total.passed + total.failed;
  double rate = run > 0 ? static_cast<double>(total.passed) / run : 0.0;
  std::printf("%s: %d/%d passed (%.2f%%), %d counted apart\n", suite, total.passed, run,
              100.0 * rate, total.apart);
  EXPECT_GT(run, 0);
  EXPECT_GE(rate, floor) << suite << " pass rate below its floor";
}

TEST(Html5lib, TokenizerSuitePassesAboveFloor) {
  fs::path dir = data_dir() / "tokenizer";
  if (data_dir().empty() || !fs::exists(dir)) GTEST_SKIP() << "LEDE_DATA_DIR/html5lib-tests absent";
  std::map<std::string, Tally> files;
  for (const fs::path &f : files_with_extension(dir, ".test"))
    files[f.filename().string()] = run_tokenizer_file(f);
  report("tokenizer", files, kTokenizerFloor);
}

TEST(Html5lib, TreeConstructionSuitePassesAboveFloor) {
  fs::path dir = data_dir() / "tree-construction";
  if (data_dir().empty() || !fs::exists(dir)) GTEST_SKIP() << "LEDE_DATA_DIR/html5lib-tests absent";
  Parser parser;
  std::map<std::string, Tally> files;
  for (const fs::path &f : files_with_extension(dir, ".dat"))
    files[f.filename().string()] = run_tree_file(f, parser);
  for (const fs::path &f : files_with_extension(dir / "scripted", ".dat"))
    files["scripted/" + f.filename().string()] = run_tree_file(f, parser);
  report("tree construction", files, kTreeConstructionFloor);
}

}  // namespace
}  // namespace lede::html

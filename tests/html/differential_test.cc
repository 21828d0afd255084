// Differential test: every AEB page (LEDE_DATA_DIR/aeb/html/*.html.gz) and
// every readability page (readability-pages/*/source.html) is parsed by gumbo
// and by lede's parser, and the two trees must match: element names and
// namespaces, attributes, text, comments, order. Pages where gumbo departs
// from the current HTML standard are listed, with the reason, in
// differential_allowlist.txt next to this file.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "html/parse.h"

namespace lede::html {
namespace {

namespace fs = std::filesystem;

std::string read_gzip(const fs::path &p) {
  std::string out;
  gzFile f = gzopen(p.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

std::string read_plain(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Both parsers take valid UTF-8 only; malformed bytes become U+FFFD first.
std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = core::next_code_point(s, i);
    bool real_fffd = i - start == 3 && static_cast<unsigned char>(s[start]) == 0xEF;
    if (cp == 0xFFFD && !real_fffd)
      core::append_utf8(out, 0xFFFD);
    else if (cp >= 0xD800 && cp <= 0xDFFF)
      core::append_utf8(out, 0xFFFD);
    else
      out.append(s, start, i - start);
  }
  return out;
}

std::string describe(const Document &d, NodeId n) {
  switch (d.kind(n)) {
    case NodeKind::kText: {
      std::string t(d.text(n).substr(0, 60));
      return "text \"" + t + (d.text(n).size() > 60 ? "...\"" : "\"");
    }
    case NodeKind::kComment:
      return "comment";
    case NodeKind::kDocument:
      return "document";
    case NodeKind::kElement:
      break;
  }
  std::string s = "<";
  if (d.ns(n) == Namespace::kSvg) s += "svg:";
  if (d.ns(n) == Namespace::kMathMl) s += "math:";
  s += d.name(n);
  std::vector<std::string> attrs;
  for (const Attribute &a : d.attributes(n)) {
    std::string_view name = d.view(a.name);
    // gumbo's adapter keeps only the local name of namespaced foreign
    // attributes ("href" for xlink:href, "xlink" for xmlns:xlink); lede keeps
    // the adjusted name the DOM contract asks for. Compare local names.
    if (d.ns(n) != Namespace::kHtml) {
      for (std::string_view prefix : {"xlink:", "xml:", "xmlns:"})
        if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
    }
    attrs.push_back(std::string(name) + "=\"" + std::string(d.view(a.value)) + "\"");
  }
  std::sort(attrs.begin(), attrs.end());
  for (const std::string &a : attrs) s += " " + a.substr(0, 80);
  return s + ">";
}

std::string path_of(const Document &d, NodeId n) {
  std::vector<std::string> parts;
  for (NodeId p = d.parent(n); p != kNoNode && p != d.root(); p = d.parent(p))
    parts.push_back(std::string(d.name(p)));
  std::string s;
  for (size_t i = parts.size(); i-- > 0;) s += "/" + parts[i];
  return s;
}

bool is_last_text_of_form(const Document &d, NodeId n) {
  NodeId p = d.parent(n);
  return d.kind(n) == NodeKind::kText && d.next_sibling(n) == kNoNode && p != kNoNode &&
         d.is(p, Tag::k_form);
}

// The first difference between lede's tree `a` and gumbo's tree `b`, or ""
// when they match. One gumbo bug is allowed for: text right before </form>
// lands after the form in gumbo (the standard keeps it as the form's last
// child, see tests1.dat "<form>a</form>"-style cases); `form_text_moves`
// counts those.
std::string first_difference(const Document &a, const Document &b, int &form_text_moves) {
  NodeId x = a.root(), y = b.root();
  std::string carried;  // form text gumbo will show after the form
  while (x != kNoNode || y != kNoNode) {
    if (x != kNoNode && is_last_text_of_form(a, x) &&
        (y == kNoNode || b.kind(y) != NodeKind::kText || b.parent(y) == kNoNode ||
         !b.is(b.parent(y), Tag::k_form))) {
      carried += a.text(x);
      ++form_text_moves;
      x = a.next_in(x, a.root());
      continue;
    }
    if (!carried.empty() && y != kNoNode && b.kind(y) == NodeKind::kText) {
      std::string_view gt = b.text(y);
      if (gt.substr(0, carried.size()) != carried)
        return "at " + path_of(b, y) + ": gumbo text does not start with the form's text";
      gt.remove_prefix(carried.size());
      carried.clear();
      if (gt.empty()) {
        y = b.next_in(y, b.root());
        continue;
      }
      if (x == kNoNode || a.kind(x) != NodeKind::kText || a.text(x) != gt)
        return "at " + path_of(b, y) + ": text after a form differs";
      x = a.next_in(x, a.root());
      y = b.next_in(y, b.root());
      continue;
    }
    if (!carried.empty()) {
      // Gumbo shows the carried text as its own node only when no text followed
      // the form.
      return "at " + (x != kNoNode ? path_of(a, x) : std::string("end")) +
             ": form text missing from gumbo's tree";
    }
    if (x == kNoNode || y == kNoNode) {
      return x == kNoNode ? "gumbo has extra " + describe(b, y) + " at " + path_of(b, y)
                          : "lede has extra " + describe(a, x) + " at " + path_of(a, x);
    }
    std::string dx = describe(a, x), dy = describe(b, y);
    bool same = dx == dy && (a.kind(x) != NodeKind::kText || a.text(x) == b.text(y)) &&
                (a.kind(x) != NodeKind::kComment || a.text(x) == b.text(y));
    if (!same) return "at " + path_of(a, x) + ": lede " + dx + " vs gumbo " + dy;
    x = a.next_in(x, a.root());
    y = b.next_in(y, b.root());
  }
  return "";
}

std::map<std::string, std::string> read_allowlist() {
  std::map<std::string, std::string> out;
  std::ifstream in(fs::path(LEDE_HTML_TEST_DIR) / "differential_allowlist.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find(' ');
    out[line.substr(0, sp)] = sp == std::string::npos ? "" : line.substr(sp + 1);
  }
  return out;
}

TEST(Differential, LedeParserMatchesGumboOnRealPages) {
  const char *dir = std::getenv("LEDE_DATA_DIR");
  if (dir == nullptr || !fs::exists(fs::path(dir) / "aeb" / "html"))
    GTEST_SKIP() << "LEDE_DATA_DIR/aeb/html absent";
  std::vector<std::pair<std::string, fs::path>> pages;
  for (const auto &e : fs::directory_iterator(fs::path(dir) / "aeb" / "html"))
    pages.emplace_back("aeb/" + e.path().filename().string(), e.path());
  fs::path rp = fs::path(dir) / "readability-pages";
  if (fs::exists(rp)) {
    for (const auto &e : fs::directory_iterator(rp))
      if (fs::exists(e.path() / "source.html"))
        pages.emplace_back("readability/" + e.path().filename().string(), e.path() / "source.html");
  }
  std::sort(pages.begin(), pages.end());
  auto allow = read_allowlist();
  Document gumbo, lede;
  int same = 0, allowed = 0, differ = 0, form_text_moves = 0;
  for (const auto &[id, path] : pages) {
    std::string raw = path.extension() == ".gz" ? read_gzip(path) : read_plain(path);
    std::string html = to_valid_utf8(raw);
    parse(html, gumbo, DomLimits{}, ParserKind::kGumbo);
    parse(html, lede, DomLimits{}, ParserKind::kLede);
    std::string diff = first_difference(lede, gumbo, form_text_moves);
    if (diff.empty()) {
      ++same;
      EXPECT_EQ(allow.count(id), 0u) << id << " matches gumbo now: drop it from the allow-list";
    } else if (allow.count(id) > 0) {
      ++allowed;
    } else {
      ++differ;
      ADD_FAILURE() << id << ": " << diff;
    }
  }
  std::printf(
      "differential: %zu pages, %d identical (%d texts before </form> "
      "placed after the form "
      "by gumbo), %d allow-listed, %d differing\n",
      pages.size(), same, form_text_moves, allowed, differ);
  EXPECT_GT(same, 0);
}

}  // namespace
}  // namespace lede::html

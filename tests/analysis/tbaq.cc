#include "tbaq.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lede::analysis_test {

std::string tbaq_dir() {
  const char* env = std::getenv("LEDE_DATA_DIR");
  std::string base = env && *env ? env : LEDE_DEFAULT_DATA_DIR;
  auto dir = std::filesystem::path(base) / "tbaq";
  return std::filesystem::is_directory(dir) ? dir.string() : "";
}

MeantimeArticle read_tbaq_article(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  MeantimeArticle a;
  a.id = std::filesystem::path(path).stem().string();
  a.topic = std::filesystem::path(path).parent_path().filename().string();
  const size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    const size_t tag = xml.find("<TIMEX3", dct);
    a.creation_time = xml_attr(xml.substr(tag, xml.find('>', tag) - tag), "value");
  }
  size_t p = xml.find("<TEXT>");
  const size_t end = xml.find("</TEXT>");
  if (p == std::string::npos || end == std::string::npos) return a;
  p += 6;
  std::vector<GoldSpan> open;  // TIMEX3s begun and not yet closed
  while (p < end) {
    const size_t lt = std::min(xml.find('<', p), end);
    a.text += xml_unescape(std::string_view(xml).substr(p, lt - p));
    if (lt >= end) break;
    const size_t gt = xml.find('>', lt);
    const std::string_view tag = std::string_view(xml).substr(lt, gt - lt);
    const auto offset = static_cast<uint32_t>(a.text.size());
    if (tag.starts_with("<TIMEX3")) {
      GoldSpan g;
      g.start = offset;
      g.type = xml_attr(tag, "type");
      g.value = xml_attr(tag, "value");
      open.push_back(g);
    } else if (tag.starts_with("</TIMEX3") && !open.empty()) {
      open.back().end = offset;
      a.times.push_back(open.back());
      open.pop_back();
    }
    p = gt + 1;
  }
  // The text starts and ends with the line breaks around <TEXT>; offsets stay
  // as they are, the analysis trims white space itself.
  std::sort(a.times.begin(), a.times.end(),
            [](const GoldSpan& x, const GoldSpan& y) { return x.start < y.start; });
  a.annotated_end = static_cast<uint32_t>(a.text.size());
  return a;
}

std::vector<MeantimeArticle> read_tbaq_half(const std::string& half) {
  std::vector<MeantimeArticle> out;
  const std::string base = tbaq_dir();
  if (base.empty()) return out;
  const auto dir = std::filesystem::path(base) / half;
  if (!std::filesystem::is_directory(dir)) return out;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out.push_back(read_tbaq_article(f));
  return out;
}

}  // namespace lede::analysis_test

#include "progress.h"

#include <cstdio>

namespace lede::cli {
namespace {

// Often enough to look alive, rarely enough to cost nothing.
constexpr auto kInterval = std::chrono::milliseconds(250);

std::string counts(const std::map<std::string, uint64_t>& by_name) {
  std::string out;
  for (const auto& [name, n] : by_name) {
    if (!out.empty()) out += ", ";
    out += name + "=" + std::to_string(n);
  }
  return out;
}

// "1 record", "2 records".
std::string count_of(uint64_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string clock_time(double seconds) {
  auto s = static_cast<uint64_t>(seconds);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60),
                  static_cast<unsigned long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%llu:%02llu", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  return buf;
}

}  // namespace

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_bytes_(total_bytes), start_(Clock::now()) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void Progress::update(const Tally& tally, uint64_t bytes_read, bool force) {
  if (!enabled_) return;
  auto now = Clock::now();
  if (!force && now - last_ < kInterval) return;
  last_ = now;
  double secs = seconds();
  std::string line = "lede: " + std::to_string(tally.records()) + " done";
  char buf[96];
  std::snprintf(buf, sizeof buf, ", %.1f MB, %.0f pages/s, ", static_cast<double>(bytes_read) / 1e6,
                secs > 0 ? static_cast<double>(tally.records()) / secs : 0.0);
  line += buf + count_of(tally.errors, "error");
  if (tally.skipped) line += ", " + std::to_string(tally.skipped) + " skipped";
  if (total_bytes_ > 0 && bytes_read > 0 && bytes_read <= total_bytes_) {
    double left =
        secs * static_cast<double>(total_bytes_ - bytes_read) / static_cast<double>(bytes_read);
    line += ", ETA " + clock_time(left);
  }
  // Carriage return, the line, then erase what an older, longer line left.
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (enabled_ && drawn_) {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
  }
}

std::string summary(const Tally& tally, uint64_t bytes_read, double seconds) {
  std::string out = "lede: " + count_of(tally.records(), "record") + " (" +
                    count_of(tally.articles, "article") + ", ";
  if (tally.no_content) out += std::to_string(tally.no_content) + " without a body, ";
  out += count_of(tally.errors, "error");
  if (tally.errors) out += ": " + counts(tally.errors_by_code);
  out += ")";
  if (tally.truncated) out += "; " + std::to_string(tally.truncated) + " from truncated input";
  if (tally.skipped)
    out +=
        "; skipped " + std::to_string(tally.skipped) + " (" + counts(tally.skipped_by_reason) + ")";
  if (tally.links_not_followed)
    out += "; " + count_of(tally.links_not_followed, "directory link") + " not followed (--follow)";
  char buf[64];
  std::snprintf(buf, sizeof buf, "; %.1f MB in %.2f s", static_cast<double>(bytes_read) / 1e6,
                seconds);
  return out + buf;
}

}  // namespace lede::cli

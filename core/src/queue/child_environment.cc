#include "child_environment.h"

#include <string_view>

namespace docpipe::queue {
namespace {

constexpr std::string_view kTunables = "GLIBC_TUNABLES=";
constexpr std::string_view kHugePages = "glibc.malloc.hugetlb=1";

// Whether a GLIBC_TUNABLES value ("name=value:name=value...") sets glibc.malloc.hugetlb.
bool sets_huge_pages(std::string_view value) {
  constexpr std::string_view kName = "glibc.malloc.hugetlb=";
  for (std::size_t start = 0; start <= value.size();) {
    std::size_t end = value.find(':', start);
    if (end == std::string_view::npos) end = value.size();
    if (value.substr(start, end - start).starts_with(kName)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> child_environment(const char* const* parent) {
  std::vector<std::string> env;
  bool tunables_seen = false;
  for (const char* const* p = parent; p != nullptr && *p != nullptr; ++p) {
    std::string entry = *p;
    if (!tunables_seen && entry.starts_with(kTunables)) {
      tunables_seen = true;
      const std::string_view value = std::string_view(entry).substr(kTunables.size());
      if (value.empty()) {
        entry += kHugePages;
      } else if (!sets_huge_pages(value)) {
        entry += ':';
        entry += kHugePages;
      }
    }
    env.push_back(std::move(entry));
  }
  if (!tunables_seen) env.push_back(std::string(kTunables) + std::string(kHugePages));
  return env;
}

}  // namespace docpipe::queue

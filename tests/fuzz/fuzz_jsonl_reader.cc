// Fuzz target: the line reader over arbitrary bytes (long lines, CR, blank lines, no final
// newline) with a small size limit: every record comes out once, none larger than allowed.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::engine;
  int fd = ::memfd_create("fuzz", 0);
  if (fd < 0) return 0;
  if (::write(fd, data, size) != static_cast<ssize_t>(size)) {
    ::close(fd);
    return 0;
  }
  const std::string path = "/proc/self/fd/" + std::to_string(fd);
  {
    RecordReader reader({{InputSource::Kind::kJsonlFile, path}}, 64);
    RawRecord rec;
    std::uint64_t last_line = 0;
    while (reader.next(&rec)) {
      if (rec.line <= last_line) __builtin_trap();  // lines only move forward
      last_line = rec.line;
      if (rec.kind == RawRecord::Kind::kJsonLine && rec.data.size() > 64 + 32 + 65536) __builtin_trap();
    }
  }
  ::close(fd);
  return 0;
}

#include "input.h"

#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace docpipe::engine {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadSize = 1 << 20;

bool is_jsonl_name(const std::string& path) {
  auto ends = [&](std::string_view suf) {
    return path.size() >= suf.size() && path.compare(path.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends(".jsonl") || ends(".ndjson") || ends(".JSONL");
}

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

void add_file(const std::string& path, std::vector<InputSource>* out) {
  out->push_back({is_jsonl_name(path) ? InputSource::Kind::kJsonlFile : InputSource::Kind::kTextFile,
                  path});
}

void add_folder(const fs::path& dir, std::vector<InputSource>* out, std::string* errors) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    *errors += "\n  " + dir.string() + ": cannot list: " + ec.message();
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) add_file(f.string(), out);
}

std::string errno_text() { return std::strerror(errno); }

}  // namespace

Result<std::vector<InputSource>> expand_inputs(const std::vector<std::string>& args,
                                               StdinFormat stdin_format) {
  std::vector<InputSource> out;
  std::string errors;
  for (const auto& arg : args) {
    if (arg == "-") {
      out.push_back({stdin_format == StdinFormat::kText ? InputSource::Kind::kStdinText
                                                        : InputSource::Kind::kStdinJsonl,
                     "-"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (fs::is_directory(st)) {
      add_folder(arg, &out, &errors);
      continue;
    }
    if (fs::exists(st)) {
      add_file(arg, &out);
      continue;
    }
    if (has_glob_chars(arg)) {
      glob_t g{};
      int rc = ::glob(arg.c_str(), GLOB_BRACE | GLOB_TILDE, nullptr, &g);
      if (rc == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
          std::string p = g.gl_pathv[i];
          if (fs::is_directory(p, ec)) add_folder(p, &out, &errors);
          else add_file(p, &out);
        }
        ::globfree(&g);
        continue;
      }
      ::globfree(&g);
      errors += "\n  " + arg + ": the pattern matches no file";
      continue;
    }
    errors += "\n  " + arg + ": no such file or folder";
  }
  if (!errors.empty()) return Status::NotFound("cannot read the inputs:" + errors);
  return out;
}

RecordReader::RecordReader(std::vector<InputSource> sources, std::uint64_t max_record_bytes)
    : sources_(std::move(sources)),
      max_bytes_(max_record_bytes),
      max_line_bytes_(max_record_bytes == 0 ? 0 : max_record_bytes + max_record_bytes / 2 + (64u << 10)) {}

RecordReader::~RecordReader() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

bool RecordReader::ready() const { return wait_ready(0); }

bool RecordReader::wait_ready(int timeout_ms) const {
  if (fd_ < 0) return true;  // between sources: opening the next one does not wait on a pipe
  if (std::memchr(buf_.data() + pos_, '\n', buf_.size() - pos_) != nullptr) return true;
  if (eof_) return true;
  struct pollfd p{fd_, POLLIN, 0};
  int n;
  do {
    n = ::poll(&p, 1, timeout_ms);
  } while (n < 0 && errno == EINTR);
  return n != 0;
}

bool RecordReader::fill() {
  if (eof_) return false;
  // Keep unread bytes, drop consumed ones.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kReadSize);
  ssize_t n;
  do {
    n = ::read(fd_, buf_.data() + old, kReadSize);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    buf_.resize(old);
    eof_ = true;
    return false;
  }
  buf_.resize(old + static_cast<std::size_t>(n));
  bytes_read_ += static_cast<std::uint64_t>(n);
  return true;
}

bool RecordReader::next_line(RawRecord* out) {
  std::size_t scan = pos_;
  for (;;) {
    const char* nl =
        static_cast<const char*>(std::memchr(buf_.data() + scan, '\n', buf_.size() - scan));
    std::size_t end;
    if (nl != nullptr) {
      end = static_cast<std::size_t>(nl - buf_.data());
    } else {
      const std::size_t pending = buf_.size() - pos_;
      if (max_line_bytes_ != 0 && pending > max_line_bytes_) {
        // Too long: skip to the end of the line without keeping it.
        ++line_no_;
        std::uint64_t skipped = pending;
        for (;;) {
          buf_.clear();
          pos_ = 0;
          if (!fill()) break;
          const char* nl2 = static_cast<const char*>(std::memchr(buf_.data(), '\n', buf_.size()));
          if (nl2 != nullptr) {
            skipped += static_cast<std::uint64_t>(nl2 - buf_.data());
            pos_ = static_cast<std::size_t>(nl2 - buf_.data()) + 1;
            break;
          }
          skipped += buf_.size();
        }
        out->kind = RawRecord::Kind::kError;
        out->data.clear();
        out->id.clear();
        out->line = line_no_;
        out->source = display_ + ":" + std::to_string(line_no_);
        out->error = "line " + std::to_string(line_no_) + " is " + std::to_string(skipped) +
                     " bytes, more than a document may take (limits.max_document_bytes = " +
                     std::to_string(max_bytes_) + "); skipped unread";
        return true;
      }
      const std::size_t consumed = pos_;
      const std::size_t scanned = buf_.size();
      if (fill()) {
        scan = scanned - consumed;  // fill() moved the unread bytes to the front
        continue;
      }
      if (pos_ >= buf_.size()) return false;
      end = buf_.size();  // the last line has no newline
    }
    ++line_no_;
    const std::size_t start = pos_;
    std::size_t len = end - start;
    if (len > 0 && buf_[start + len - 1] == '\r') --len;
    pos_ = end < buf_.size() ? end + 1 : end;
    scan = pos_;
    bool blank = true;
    for (std::size_t i = start; i < start + len && blank; ++i) {
      blank = buf_[i] == ' ' || buf_[i] == '\t';
    }
    if (blank) continue;  // blank lines are not documents
    out->kind = RawRecord::Kind::kJsonLine;
    out->data.assign(buf_, start, len);
    out->line = line_no_;
    out->source = display_ + ":" + std::to_string(line_no_);
    out->id.clear();
    out->error.clear();
    return true;
  }
}

bool RecordReader::open_next_source() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
  fd_ = -1;
  owns_fd_ = false;
  buf_.clear();
  pos_ = 0;
  eof_ = false;
  line_no_ = 0;
  return next_source_ < sources_.size();
}

bool RecordReader::next(RawRecord* out) {
  for (;;) {
    if (fd_ >= 0) {
      if (next_line(out)) return true;
      if (!open_next_source()) return false;
    }
    if (next_source_ >= sources_.size()) return false;
    const InputSource& src = sources_[next_source_++];
    out->line = 0;
    out->error.clear();
    switch (src.kind) {
      case InputSource::Kind::kJsonlFile:
      case InputSource::Kind::kStdinJsonl: {
        open_next_source();
        if (src.kind == InputSource::Kind::kStdinJsonl) {
          fd_ = STDIN_FILENO;
          display_ = "stdin";
        } else {
          fd_ = ::open(src.path.c_str(), O_RDONLY | O_CLOEXEC);
          display_ = src.path;
          owns_fd_ = true;
          if (fd_ < 0) {
            out->kind = RawRecord::Kind::kError;
            out->data.clear();
            out->id = src.path;
            out->source = src.path;
            out->error = src.path + ": cannot open: " + errno_text();
            return true;
          }
        }
        continue;  // read its first line
      }
      case InputSource::Kind::kTextFile:
      case InputSource::Kind::kStdinText: {
        const bool is_stdin = src.kind == InputSource::Kind::kStdinText;
        out->id = is_stdin ? "stdin" : src.path;
        out->source = is_stdin ? "stdin" : src.path;
        out->data.clear();
        int fd = is_stdin ? STDIN_FILENO : ::open(src.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
          out->kind = RawRecord::Kind::kError;
          out->error = src.path + ": cannot open: " + errno_text();
          return true;
        }
        struct stat st {};
        const bool regular = !is_stdin && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        if (regular && max_bytes_ != 0 &&
            static_cast<std::uint64_t>(st.st_size) > max_bytes_) {
          ::close(fd);
          out->kind = RawRecord::Kind::kError;
          out->error = src.path + ": the document is " + std::to_string(st.st_size) +
                       " bytes, more than limits.max_document_bytes (" +
                       std::to_string(max_bytes_) + "); not read";
          return true;
        }
        // Read through a scratch buffer allocated once per reader (uninitialised), so a small
        // file costs its own size, not a zero-filled read-size block.
        if (!scratch_) scratch_ = std::make_unique_for_overwrite<char[]>(kReadSize);
        std::string data;
        if (regular && st.st_size > 0) {
          data.reserve(static_cast<std::size_t>(st.st_size));
        }
        bool too_big = false;
        std::string read_error;
        for (;;) {
          ssize_t n = ::read(fd, scratch_.get(), kReadSize);
          if (n < 0 && errno == EINTR) continue;
          if (n < 0) {
            read_error = errno_text();
            break;
          }
          if (n == 0) break;
          data.append(scratch_.get(), static_cast<std::size_t>(n));
          bytes_read_ += static_cast<std::uint64_t>(n);
          if (max_bytes_ != 0 && data.size() > max_bytes_) {
            too_big = true;
            break;
          }
        }
        if (!is_stdin) ::close(fd);
        if (!read_error.empty()) {
          out->kind = RawRecord::Kind::kError;
          out->error = out->source + ": cannot read: " + read_error;
          return true;
        }
        if (too_big) {
          out->kind = RawRecord::Kind::kError;
          out->error = out->source + ": the document is more than limits.max_document_bytes (" +
                       std::to_string(max_bytes_) + ") bytes; not processed";
          return true;
        }
        out->kind = RawRecord::Kind::kText;
        out->data = std::move(data);
        return true;
      }
    }
  }
}

}  // namespace docpipe::engine

#include "output_sink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace docpipe::engine {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

// A file name from a document id: path separators and odd bytes become '_'.
std::string safe_file_name(std::string_view id) {
  std::string out;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    out.push_back(ok ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

}  // namespace

OutputSink::OutputSink(std::string path, bool per_document, std::string suffix)
    : path_(std::move(path)), per_document_(per_document), suffix_(std::move(suffix)) {}

OutputSink::~OutputSink() {
  std::lock_guard<std::mutex> lock(mu_);
  if (file_ != nullptr) {
    std::fflush(file_);
    if (owns_) std::fclose(file_);
  }
}

Status OutputSink::open_locked() {
  if (file_ != nullptr) return Status::OK();
  if (path_ == "-") {
    file_ = stdout;
  } else if (path_ == "<stderr>") {
    file_ = stderr;
  } else {
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) {
      return Status::Unavailable(path_ + ": cannot open for writing: " + std::strerror(errno));
    }
    owns_ = true;
  }
  if (file_ != stderr) {
    buffer_ = std::make_unique<char[]>(kBufferSize);
    std::setvbuf(file_, buffer_.get(), _IOFBF, kBufferSize);
  }
  return Status::OK();
}

Status OutputSink::write(std::string_view document_id, std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  if (per_document_) {
    std::error_code ec;
    std::filesystem::create_directories(path_, ec);
    const std::string file = (std::filesystem::path(path_) / (safe_file_name(document_id) + suffix_)).string();
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (f == nullptr) return Status::Unavailable(file + ": cannot open for writing: " + std::strerror(errno));
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) return Status::Unavailable(file + ": write failed: " + std::strerror(errno));
    bytes_ += data.size();
    return Status::OK();
  }
  if (Status s = open_locked(); !s.ok()) return s;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    return Status::Unavailable((path_ == "-" ? std::string("standard output") : path_) +
                               ": write failed: " + std::strerror(errno));
  }
  bytes_ += data.size();
  return Status::OK();
}

Status OutputSink::flush() {
  std::lock_guard<std::mutex> lock(mu_);
  if (file_ != nullptr && std::fflush(file_) != 0) {
    return Status::Unavailable((path_ == "-" ? std::string("standard output") : path_) +
                               ": write failed: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace docpipe::engine

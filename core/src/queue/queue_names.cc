#include "queue_names.h"

#include <cstdint>

namespace docpipe::queue {

Result<QueueNames> queue_names(std::string_view stream) {
  bool ok = !stream.empty() && stream.size() <= 64;
  for (char c : stream) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '-';
    ok = ok && allowed;
  }
  if (!ok) {
    return Status::InvalidArgument("stream name '" + std::string(stream) +
                                   "' must be 1 to 64 characters of letters, digits, '_' or '-'");
  }
  const std::string s(stream);
  QueueNames n;
  n.input_stream = s;
  n.input_subject = s + ".in";
  n.output_stream = s + "-out";
  n.output_subjects = s + ".out.>";
  n.result_subject = s + ".out.result";
  n.dead_subject = s + ".out.dead";
  n.durable = s + "-workers";
  return n;
}

std::string content_hash(std::string_view data) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // the FNV-1a 64-bit offset basis
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 15];
  return out;
}

std::string document_key(std::string_view document_id, std::string_view payload) {
  bool plain = !document_id.empty() && document_id.size() <= 128;
  for (unsigned char c : document_id) plain = plain && c > 0x20 && c < 0x7f;
  std::string key = plain ? std::string(document_id) : "~" + content_hash(document_id);
  key += '#';
  key += content_hash(payload);
  return key;
}

std::string result_message_id(std::string_view key, std::string_view pipeline_fingerprint) {
  return std::string(key) + "#" + std::string(pipeline_fingerprint) + "#result";
}

std::string dead_letter_message_id(std::string_view key, std::string_view pipeline_fingerprint) {
  return std::string(key) + "#" + std::string(pipeline_fingerprint) + "#dead";
}

}  // namespace docpipe::queue

#include "submitter.h"

#include <chrono>
#include <thread>

#include "connection.h"
#include "document_maker.h"
#include "queue_names.h"
#include "record_writer.h"

namespace docpipe::queue {
namespace {

// Room for the subject, headers and protocol around a payload.
constexpr std::int64_t kEnvelopeBytes = 1024;

std::string document_line(const Document& doc) {
  std::string line = "{\"id\":";
  append_json_string(line, doc.id());
  line += ",\"text\":";
  append_json_string(line, doc.text());
  line += ",\"meta\":";
  append_json(line, Value(doc.meta()));
  line += '}';
  return line;
}

Status publish_patiently(Connection& conn, const std::string& subject, const std::string& data,
                         const std::string& msg_id, const std::string& key, bool* duplicate) {
  Status s;
  for (int attempt = 0; attempt < 5; ++attempt) {
    s = conn.publish(subject, data, msg_id, {{kKeyHeader, key}}, duplicate);
    if (s.ok()) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return s;
}

}  // namespace

Result<SubmitSummary> submit(const SubmitOptions& options, engine::RecordReader& reader) {
  auto names = queue_names(options.stream);
  if (!names.ok()) return names.status();
  auto conn = Connection::open(options.url, 5000);
  if (!conn.ok()) return conn.status();
  StreamSettings settings;
  settings.duplicate_window_ms = options.duplicate_window_ms;
  Status s = (*conn)->ensure_streams(*names, settings);
  if (!s.ok()) return s;
  const std::int64_t max_payload = (*conn)->max_payload();

  SubmitSummary summary;
  engine::RawRecord raw;
  while (reader.next(&raw)) {
    const std::string source = raw.source;
    const std::string raw_line = raw.kind == engine::RawRecord::Kind::kJsonLine ? raw.data : "";
    const std::string fallback_id = raw.id.empty() ? raw.source : raw.id;
    Result<Document> doc = engine::make_document(raw, 0);
    std::string subject, data, key, msg_id, name;
    if (doc.ok()) {
      data = document_line(*doc);
      key = document_key(doc->id(), data);
      msg_id = key;
      subject = names->input_subject;
      name = "document '" + doc->id() + "' (" + source + ")";
    } else {
      engine::DeadLetter d;
      d.id = fallback_id;
      d.source = source;
      d.line = raw.line;
      d.reason = doc.status().message();
      if (static_cast<std::int64_t>(raw_line.size()) + kEnvelopeBytes * 2 < max_payload) {
        d.raw = raw_line;
      }
      engine::write_dead_letter(data, d);
      if (!data.empty() && data.back() == '\n') data.pop_back();
      key = document_key(fallback_id, data);
      msg_id = dead_letter_message_id(key, "submit");
      subject = names->dead_subject;
      name = "record " + source;
    }
    raw = engine::RawRecord();
    if (static_cast<std::int64_t>(data.size()) + kEnvelopeBytes > max_payload) {
      ++summary.failed;
      summary.errors.push_back(name + " is " + std::to_string(data.size()) +
                               " bytes as a message, more than the server's max_payload (" +
                               std::to_string(max_payload) +
                               " bytes); raise max_payload in the server's configuration or "
                               "split the document");
      continue;
    }
    bool duplicate = false;
    s = publish_patiently(**conn, subject, data, msg_id, key, &duplicate);
    if (!s.ok()) {
      ++summary.failed;
      summary.errors.push_back(name + ": " + s.message());
      continue;
    }
    if (!doc.ok()) {
      ++summary.unreadable;
    } else if (duplicate) {
      ++summary.duplicates;
    } else {
      ++summary.submitted;
    }
  }
  return summary;
}

}  // namespace docpipe::queue

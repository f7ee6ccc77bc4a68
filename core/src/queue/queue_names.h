// Names on the NATS server for one docpipe queue, all derived from the stream name the user
// gives (--stream NAME):
//   input stream  NAME        subject NAME.in          work-queue retention: one message per
//                                                      document, removed once acknowledged
//   output stream NAME-out    subjects NAME.out.result output records (schema v1)
//                                      NAME.out.dead   dead letters (schema v1)
//   durable pull consumer NAME-workers on the input stream, shared by every worker.
// And the keys that make resubmits and reprocessing idempotent (see document_key()).
#ifndef DOCPIPE_QUEUE_QUEUE_NAMES_H_
#define DOCPIPE_QUEUE_QUEUE_NAMES_H_

#include <string>
#include <string_view>

#include "docpipe/status.h"

namespace docpipe::queue {

struct QueueNames {
  std::string input_stream;
  std::string input_subject;
  std::string output_stream;
  std::string output_subjects;  // the wildcard the output stream binds
  std::string result_subject;
  std::string dead_subject;
  std::string durable;
};

// Fails unless `stream` is 1..64 characters of [A-Za-z0-9_-] (what stream names and subject
// tokens both accept).
Result<QueueNames> queue_names(std::string_view stream);

// The header that carries a document's key on input, result and dead-letter messages.
inline constexpr const char* kKeyHeader = "Docpipe-Key";
// On dead letters: the stage the document failed in (may be empty) and why.
inline constexpr const char* kStageHeader = "Docpipe-Stage";

// 64-bit FNV-1a of `data`, as 16 lowercase hex digits. Stable across machines and versions.
std::string content_hash(std::string_view data);

// The key of a document: its id and the hash of its payload, "ID#HASH". Ids that are long
// (over 128 bytes) or hold bytes outside printable ASCII are replaced by "~" + their hash, so
// the key is always a valid header value. Used as the input's Nats-Msg-Id: submitting the same
// document twice within the stream's duplicate window stores it once.
std::string document_key(std::string_view document_id, std::string_view payload);

// Message ids for what a worker publishes about a document: one result per key and pipeline
// fingerprint, one dead letter likewise; a document processed twice publishes the same id twice
// and the server keeps one.
std::string result_message_id(std::string_view key, std::string_view pipeline_fingerprint);
std::string dead_letter_message_id(std::string_view key, std::string_view pipeline_fingerprint);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_QUEUE_NAMES_H_

// `docpipe submit`: one message per document on the queue's input stream.
//
// Inputs are read like `docpipe run` reads them (files, folders, JSONL, standard input). Each
// readable document is sent as one JSON line {"id", "text", "meta"} with Nats-Msg-Id and the
// Docpipe-Key header set to its key (id + content hash, see document_key()), so submitting the
// same document again within the duplicate window stores nothing new. Records that cannot be
// read become dead letters on NAME.out.dead right away (collect shows them). A document larger
// than the server's max_payload is not sent: the error names it, and it counts as failed.
#ifndef DOCPIPE_QUEUE_SUBMITTER_H_
#define DOCPIPE_QUEUE_SUBMITTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "docpipe/status.h"
#include "input.h"

namespace docpipe::queue {

struct SubmitOptions {
  std::string url;
  std::string stream;
  std::int64_t duplicate_window_ms = 60 * 60 * 1000;  // for streams this call creates
};

struct SubmitSummary {
  std::uint64_t submitted = 0;      // stored by the server
  std::uint64_t duplicates = 0;     // the server already had them
  std::uint64_t unreadable = 0;     // sent as dead letters
  std::uint64_t failed = 0;         // too large, or could not be sent
  std::vector<std::string> errors;  // one per failed document, naming it
};

// Fails only when the server or the streams cannot be reached; per-document failures are in
// the summary.
Result<SubmitSummary> submit(const SubmitOptions& options, engine::RecordReader& reader);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_SUBMITTER_H_

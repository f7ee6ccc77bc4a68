// A queue worker: pulls documents from the input stream through the shared durable consumer,
// runs the pipeline on each in a child process (see pipeline_child.h), publishes the output
// record (or dead letter) to the output stream under an idempotent message id, waits for the
// server's acknowledgment, and only then acknowledges the input.
//
// Failure model:
//  - a document the pipeline answers with a dead letter (on_error: drop, unreadable input) is
//    published to NAME.out.dead and acknowledged: it is an answer, not a failure;
//  - when the child dies on a document (crash, on_error: fail, time limit) the document is
//    handed back (nak) for another attempt, and a fresh child is started; once the server's
//    delivery count reaches max_attempts it is published to NAME.out.dead with the stage and
//    reason and terminated. Other documents are never in that child, so they are not affected;
//  - when publishing fails (server away) the input is not acknowledged: the server delivers it
//    again and the republished record is deduplicated by its message id;
//  - a worker killed outright leaves its in-flight documents unacknowledged: the server
//    redelivers them after the consumer's ack wait.
// While a document is being worked on, "in progress" is sent every ack_wait / 3.
// request_stop() (SIGTERM) finishes the documents in flight and returns.
#ifndef DOCPIPE_QUEUE_WORKER_H_
#define DOCPIPE_QUEUE_WORKER_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "docpipe/status.h"

namespace docpipe::queue {

struct WorkerOptions {
  std::string url;
  std::string stream;
  // The pipeline child's command line (see child_protocol.h). The first child is started before
  // anything else: a pipeline that cannot be built stops the worker (kInvalidArgument).
  std::vector<std::string> child_argv;
  int max_attempts = 3;              // deliveries before a crashing document is dead
  int jobs = 1;                      // documents in flight (one child each)
  std::int64_t ack_wait_ms = 30000;  // when this worker creates the consumer
  bool until_empty = false;          // return once the input stream is empty
};

struct WorkerSummary {
  std::uint64_t results = 0;
  std::uint64_t dead_letters = 0;
  std::uint64_t retried = 0;  // handed back after the child died
  std::uint64_t publish_failures = 0;
};

// Runs until `stop` becomes true (then drains) or, with until_empty, until nothing is left.
// Fails only when it cannot start (pipeline, server, streams, consumer, child).
Result<WorkerSummary> run_worker(const WorkerOptions& options, const std::atomic<bool>& stop);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_WORKER_H_

// Stage: the interface every pipeline stage implements.
//
// Life cycle, as the engine drives it:
//   1. The engine creates an instance through the plugin's factory.
//   2. configure() is called once, with parameters already validated against the plugin's
//      declared schema (every declared name present, defaults filled in, types checked).
//      A non-OK status stops the pipeline before any document is read.
//   3. process() is called for each document (or process_batch() for several).
//   4. The instance is destroyed; the plugin library stays loaded until then.
//
// Threading: when the plugin declares `thread_safe = true`, one configured instance is shared
// by all worker threads and process() may run concurrently on different documents. Otherwise
// the engine creates and configures one instance per worker thread, and each instance sees one
// document at a time.
//
// Errors: return a non-OK Status; the stage's `on_error` policy decides what happens to the
// document. Exceptions are caught inside the plugin library by the DOCPIPE_PLUGIN wrapper and
// turned into Status::Internal; they never cross into the host.
#ifndef DOCPIPE_STAGE_H_
#define DOCPIPE_STAGE_H_

#include <span>

#include "docpipe/document.h"
#include "docpipe/params.h"
#include "docpipe/status.h"

namespace docpipe {

class Stage {
 public:
  virtual ~Stage();

  // Called once before any document. The default accepts any (validated) parameters.
  virtual Status configure(const Params& params);

  // Processes one document in place: adds views, layers, metadata, summary.
  virtual Status process(Document& doc) = 0;

  // Processes several documents; statuses[i] receives the result for docs[i].
  // REQUIRES: statuses.size() == docs.size(). The default calls process() for each.
  // Override when a stage can share work across documents.
  virtual void process_batch(std::span<Document* const> docs, std::span<Status> statuses);
};

}  // namespace docpipe

#endif  // DOCPIPE_STAGE_H_

#include "docpipe/stage.h"

namespace docpipe {

Stage::~Stage() = default;

Status Stage::configure(const Params&) { return Status::OK(); }

void Stage::process_batch(std::span<Document* const> docs, std::span<Status> statuses) {
  for (std::size_t i = 0; i < docs.size() && i < statuses.size(); ++i) {
    statuses[i] = process(*docs[i]);
  }
}

}  // namespace docpipe

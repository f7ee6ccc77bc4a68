// A pipeline child reads its documents from standard input, so the dead letters it writes name
// "-" (and a line number within the child's life) as their source. The worker knows where each
// document really came from (its queue position, "STREAM:SEQUENCE") and puts that in instead.
#ifndef DOCPIPE_QUEUE_DEAD_LETTER_SOURCE_H_
#define DOCPIPE_QUEUE_DEAD_LETTER_SOURCE_H_

#include <string>
#include <string_view>

namespace docpipe::queue {

// Returns `dead_letter` (one dead-letter record, output schema v1, as the engine writes it:
// "schema_version", "kind", "id", "source", optional "line", then the rest) with its "source"
// set to `source` and its "line" removed. A line not in that shape is returned unchanged.
std::string with_dead_letter_source(std::string_view dead_letter, std::string_view source);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_DEAD_LETTER_SOURCE_H_

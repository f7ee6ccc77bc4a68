// The environment a worker starts its pipeline children with: its own, plus transparent huge
// pages for the child's heap (`glibc.malloc.hugetlb=1` added to GLIBC_TUNABLES).
//
// Why: a pipeline child holds its own copy of the models (the entity tagger's weights and its
// hash tables, tens of MB read at random), and two pipeline processes on one machine compete
// for the address-translation caches of its cores, where two threads of one `docpipe run`
// share one copy. Measured on the two-core development VM (docs/queue.md): two single-threaded
// `docpipe run` processes used about 7% more CPU than one with two threads for the same 8,000
// news articles, and about the same (+0.5%) with huge pages (medians of four interleaved runs
// each); two workers through a local server were faster with them in six of eight interleaved
// runs on 4,000 articles, by a median of 3.8%. The C library reads the tunable when a process
// starts, so it is set in the child's environment.
//
// A GLIBC_TUNABLES that already sets glibc.malloc.hugetlb is left as it is (the user's choice,
// `glibc.malloc.hugetlb=0` turns this off); other tunables in it are kept. C libraries other
// than glibc, and AddressSanitizer's allocator, ignore the variable.
#ifndef DOCPIPE_QUEUE_CHILD_ENVIRONMENT_H_
#define DOCPIPE_QUEUE_CHILD_ENVIRONMENT_H_

#include <string>
#include <vector>

namespace docpipe::queue {

// `parent` is a NULL-terminated "NAME=value" list (like `environ`); the result keeps its order.
std::vector<std::string> child_environment(const char* const* parent);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_CHILD_ENVIRONMENT_H_

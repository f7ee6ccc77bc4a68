// A small stopword list for tests that build analyses directly (the stage loads the shipped one).
#ifndef DOCPIPE_SUMMARIZE_TEST_WORDS_H_
#define DOCPIPE_SUMMARIZE_TEST_WORDS_H_

#include "word_lists.h"

namespace docpipe::summarize {

inline WordSet test_stopwords() {
  return WordSet{"a", "an", "the", "of", "in", "on", "and", "to", "was", "is", "it", "said", "for"};
}

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_TEST_WORDS_H_

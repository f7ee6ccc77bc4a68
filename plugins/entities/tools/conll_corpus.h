// Reading CoNLL NER files (token first, tag last; IOB1 or IOB2) into documents whose text is
// built exactly as ../shared/tools/conll2jsonl.py builds it: tokens joined by one space,
// sentences by a newline, documents split at -DOCSTART- (a file without them: one document per
// 50 sentences). Gold entities carry UTF-8 byte offsets into that text.
#ifndef DOCPIPE_ENTITIES_TOOLS_CONLL_CORPUS_H_
#define DOCPIPE_ENTITIES_TOOLS_CONLL_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "docpipe/status.h"

namespace docpipe::entities {

struct GoldEntity {
  std::uint32_t begin;  // byte offsets into ConllDocument::text, half-open
  std::uint32_t end;
  std::string label;  // as in the file: PER, ORG, LOC, MISC (WNUT: person, location, ...)
};

struct ConllDocument {
  std::string text;
  std::vector<GoldEntity> entities;
};

// Reads the file; an error names the file and line.
Result<std::vector<ConllDocument>> read_conll(const std::string& path);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_TOOLS_CONLL_CORPUS_H_

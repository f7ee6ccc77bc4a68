// Paragraphs of the clean text: stretches separated by blank lines, and the choice of the lead.
#ifndef DOCPIPE_CLEAN_PARAGRAPHS_H_
#define DOCPIPE_CLEAN_PARAGRAPHS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace docpipe::clean {

struct ParagraphSpan {
  std::size_t begin;  // byte offsets into the text, white space at both ends excluded
  std::size_t end;
};

// The paragraphs of `text`, in order: maximal stretches with no blank line (a line holding only
// spaces and tabs) inside, trimmed. Empty paragraphs are not reported.
// With `tidy` (the layout pass collapsed spaces and blank lines, so every paragraph break is
// exactly "\n\n") the search is for that pair alone.
std::vector<ParagraphSpan> find_paragraphs(std::string_view text, bool tidy = false);

// The index of the first paragraph that reads like prose (at least `min_words` words and a
// sentence-final mark), or of the first paragraph when none does; -1 when there are none.
int first_prose_paragraph(std::string_view text, const std::vector<ParagraphSpan>& paragraphs,
                          std::size_t min_words = 8);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_PARAGRAPHS_H_

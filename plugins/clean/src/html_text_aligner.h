// Aligning a stretch of HTML source with the text the parser decoded from it.
//
// libxml2 reports decoded text and how far it has read, not where each character came from.
// Between the two, the parser decodes character references ("&amp;" -> "&", "&#8217;" -> "’"),
// turns CR LF and CR into LF, and may drop or keep odd bytes. align_decoded_text() recovers a
// fine alignment: equal bytes are exact pieces; each reference is one replaced piece (its
// decoded form is found by checking which one- or two-character reading lets the source and
// the decoded text agree again afterwards); CR LF is a replaced piece; anything else is
// resynchronised by the shortest edit that makes the two agree for the next 8 bytes, and past
// a budget of such edits the rest becomes one replaced piece. The pieces always cover both
// texts exactly, so the alignment is valid whatever the parser did.
#ifndef DOCPIPE_CLEAN_HTML_TEXT_ALIGNER_H_
#define DOCPIPE_CLEAN_HTML_TEXT_ALIGNER_H_

#include <cstddef>
#include <string_view>

namespace docpipe::clean {

// Receives pieces in source order; together they cover the source and the decoded text.
class AlignedPieceSink {
 public:
  virtual ~AlignedPieceSink() = default;
  // Source [begin, begin+n) is copied unchanged.
  virtual void exact(std::size_t begin, std::size_t n) = 0;
  // Source [begin, begin+n) became `text` (either may be empty).
  virtual void replaced(std::size_t begin, std::size_t n, std::string_view text) = 0;
};

// Aligns `source` (which starts at absolute offset `offset`) with `decoded`.
void align_decoded_text(std::string_view source, std::size_t offset, std::string_view decoded,
                        AlignedPieceSink& sink);

// Length of the character reference at source[i] ("&amp;", "&#38;", "&#x26;", "&amp" without
// the semicolon), 0 when there is none. REQUIRES: source[i] == '&'.
std::size_t reference_length(std::string_view source, std::size_t i);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_HTML_TEXT_ALIGNER_H_

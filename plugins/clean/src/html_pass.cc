#include "html_pass.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstring>
#include <mutex>
#include <vector>

#include "ascii_scan.h"
#include "html_elements.h"
#include "html_text_aligner.h"

namespace docpipe::clean {
namespace {

// <meta> names and properties kept in HtmlResult::meta_tags.
constexpr std::array<std::string_view, 18> kMetaKeys = {"description",
                                                        "author",
                                                        "keywords",
                                                        "news_keywords",
                                                        "og:title",
                                                        "og:description",
                                                        "og:site_name",
                                                        "article:section",
                                                        "article:published_time",
                                                        "article:modified_time",
                                                        "date",
                                                        "pubdate",
                                                        "publish-date",
                                                        "publishdate",
                                                        "dc.date",
                                                        "dc.date.issued",
                                                        "dcterms.created",
                                                        "dcterms.date"};

// Separators between pieces of text, weakest first.
enum Separator : int { kNoSeparator = 0, kSpace = 1, kLine = 2, kParagraph = 3 };

std::string_view as_view(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Flags controls (tab, line breaks) and a space followed by a space.
std::uint64_t ws_to_rewrite_mask(std::uint64_t w) {
  const std::uint64_t spaces = swar::bytes_equal(w, ' ');
  return swar::bytes_below(w, 0x20) | (spaces & (spaces >> 8)) | (spaces & (1ULL << 63));
}

// Collapses white space runs to single spaces.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Frame {
  std::string name;
  bool skip = false;
  bool link = false;
  bool pre = false;
  bool title = false;
  bool head = false;
  bool content_root = false;
  bool block = false;
};

// Text seen since the last block boundary, waiting for the keep-or-drop decision.
struct PendingRun {
  std::size_t source_begin;
  std::size_t source_end;
  std::size_t decoded_begin;  // into HtmlExtractor::block_text_
  std::size_t decoded_end;
  bool pre;
  int separator_before;
};

class HtmlExtractor final : public AlignedPieceSink {
 public:
  HtmlExtractor(std::string_view html, const HtmlOptions& options, CleanCounts& counts)
      : html_(html), options_(options), counts_(counts), builder_(html) {
    builder_.reserve(html.size() / 3 + 64);
  }

  HtmlResult run() && {
    htmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.startElement = &HtmlExtractor::on_start;
    sax.endElement = &HtmlExtractor::on_end;
    sax.characters = &HtmlExtractor::on_characters;
    sax.ignorableWhitespace = &HtmlExtractor::on_characters;
    sax.cdataBlock = &HtmlExtractor::on_raw_text;
    sax.comment = &HtmlExtractor::on_comment;
    sax.processingInstruction = &HtmlExtractor::on_processing_instruction;
    sax.internalSubset = &HtmlExtractor::on_internal_subset;

    ctxt_ = htmlCreateMemoryParserCtxt(html_.data(), static_cast<int>(html_.size()));
    if (ctxt_ != nullptr) {
      htmlCtxtUseOptions(ctxt_, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                    HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
      xmlSwitchEncoding(ctxt_, XML_CHAR_ENCODING_UTF8);
      std::memcpy(ctxt_->sax, &sax, sizeof sax);
      ctxt_->userData = this;
      htmlParseDocument(ctxt_);
      if (ctxt_->myDoc != nullptr) xmlFreeDoc(ctxt_->myDoc);
      htmlFreeParserCtxt(ctxt_);
      ctxt_ = nullptr;
    }
    finish_block();
    HtmlResult result{std::move(builder_).finish(), collapse_spaces(title_), std::move(meta_)};
    return result;
  }

  // AlignedPieceSink: pieces of one run, white space collapsed outside <pre>.
  void exact(std::size_t begin, std::size_t n) override {
    if (current_pre_) {
      builder_.copy(begin, n);
      return;
    }
    const std::size_t end = begin + n;
    std::size_t copied = begin;
    std::size_t i = begin;
    const std::string_view piece = html_.substr(0, end);
    while (i < end) {
      // Jump to the next tab, line break or pair of spaces: the white space to rewrite.
      i = swar::find_first(piece, i, ws_to_rewrite_mask,
                           [&](unsigned char c) { return c < 0x20 || c == ' '; });
      if (i >= end) break;
      if (!is_space(html_[i])) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < end && is_space(html_[j])) ++j;
      if (!(j == i + 1 && html_[i] == ' ')) {
        if (i > copied) builder_.copy(copied, i - copied);
        builder_.replace(i, j - i, " ");
        copied = j;
      }
      i = j;
    }
    if (end > copied) builder_.copy(copied, end - copied);
  }

  void replaced(std::size_t begin, std::size_t n, std::string_view text) override {
    if (!current_pre_ && text.find_first_of("\t\n\r\f") != std::string_view::npos) {
      std::string collapsed;
      bool space = false;
      for (char c : text) {
        if (is_space(c)) {
          space = true;
          continue;
        }
        if (space) collapsed.push_back(' ');
        space = false;
        collapsed.push_back(c);
      }
      if (space) collapsed.push_back(' ');
      builder_.replace(begin, n, collapsed);
      return;
    }
    builder_.replace(begin, n, text);
  }

 private:
  static HtmlExtractor& self(void* ctx) { return *static_cast<HtmlExtractor*>(ctx); }

  static void on_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
    self(ctx).start(as_view(name), attrs);
  }
  static void on_end(void* ctx, const xmlChar* name) { self(ctx).end(as_view(name)); }
  static void on_characters(void* ctx, const xmlChar* ch, int len) {
    self(ctx).text(
        std::string_view(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len)));
  }
  static void on_raw_text(void* ctx, const xmlChar*, int) { self(ctx).other_event(); }
  static void on_comment(void* ctx, const xmlChar*) { self(ctx).other_event(); }
  static void on_processing_instruction(void* ctx, const xmlChar*, const xmlChar*) {
    self(ctx).other_event();
  }
  static void on_internal_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    self(ctx).other_event();
  }

  // How far the parser has read, kept monotonic and inside the source.
  std::size_t consumed() const {
    const long c = ctxt_ != nullptr ? xmlByteConsumed(ctxt_) : -1;
    if (c < 0) return last_end_;
    return std::clamp(static_cast<std::size_t>(c), last_end_, html_.size());
  }

  void other_event() {
    in_text_ = false;
    last_end_ = consumed();
  }

  void text(std::string_view decoded) {
    const std::size_t begin = last_end_;
    const std::size_t end = consumed();
    last_end_ = end;
    if (title_depth_ > 0 && !title_done_ && (skip_depth_ == 0 || head_depth_ > 0)) {
      title_.append(decoded);
      in_text_ = false;
      return;
    }
    if (skip_depth_ > 0 || head_depth_ > 0) {
      in_text_ = false;
      return;
    }
    if (in_text_ && !runs_.empty() && runs_.back().source_end == begin) {
      runs_.back().source_end = end;
      block_text_.append(decoded);
      runs_.back().decoded_end = block_text_.size();
    } else {
      const std::size_t d = block_text_.size();
      block_text_.append(decoded);
      runs_.push_back({begin, end, d, block_text_.size(), pre_depth_ > 0, pending_separator_});
      pending_separator_ = kNoSeparator;
    }
    in_text_ = true;
    const std::size_t visible = decoded.size() - count_blank_bytes(decoded);
    block_visible_ += visible;
    if (link_depth_ > 0) block_link_ += visible;
  }

  // Bytes <= 0x20 (white space and controls), eight at a time.
  static std::size_t count_blank_bytes(std::string_view s) {
    std::size_t count = 0, i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      count += static_cast<std::size_t>(
          std::popcount(swar::bytes_below(swar::load(s.data() + i), 0x21)));
    }
    for (; i < s.size(); ++i) count += static_cast<unsigned char>(s[i]) <= 0x20;
    return count;
  }

  void separate(int s) { pending_separator_ = std::max(pending_separator_, s); }

  void start(std::string_view name, const xmlChar** attrs) {
    in_text_ = false;
    const ElementRole role = element_role(name);
    Frame f;
    f.name = std::string(name);
    bool hidden = false;
    bool boilerplate = false;
    std::string_view meta_key, meta_content;
    for (const xmlChar** a = attrs; a != nullptr && a[0] != nullptr; a += 2) {
      const std::string_view key = as_view(a[0]);
      const std::string_view value = as_view(a[1]);
      if (key == "hidden") hidden = true;
      if (key == "aria-hidden" && value == "true") hidden = true;
      if (key == "style" && (value.find("display:none") != std::string_view::npos ||
                             value.find("display: none") != std::string_view::npos)) {
        hidden = true;
      }
      if (options_.boilerplate && role != ElementRole::kContentRoot && name != "body" &&
          name != "html") {
        if (key == "role" && is_boilerplate_aria_role(value)) boilerplate = true;
        if ((key == "class" || key == "id") && names_boilerplate(value)) boilerplate = true;
      }
      if (name == "meta") {
        if (key == "name" || key == "property" || key == "itemprop") meta_key = value;
        if (key == "content") meta_content = value;
      }
    }
    if (name == "meta" && !meta_key.empty() && !meta_content.empty())
      keep_meta(meta_key, meta_content);
    if (options_.boilerplate && (role == ElementRole::kBoilerplate ||
                                 (role == ElementRole::kPageHeader && content_depth_ == 0))) {
      boilerplate = true;
    }
    f.block = role == ElementRole::kBlock || role == ElementRole::kBoilerplate ||
              role == ElementRole::kPageHeader || role == ElementRole::kContentRoot ||
              role == ElementRole::kPre || boilerplate;
    if (f.block) block_boundary();
    if (role == ElementRole::kLineBreak) separate(kLine);
    if (role == ElementRole::kCell) separate(kSpace);
    if (role == ElementRole::kNonContent || hidden || boilerplate) {
      f.skip = true;
      if (boilerplate && skip_depth_ == 0) ++counts_.html_dropped;
      ++skip_depth_;
    }
    if (role == ElementRole::kLink) f.link = true, ++link_depth_;
    if (role == ElementRole::kPre) f.pre = true, ++pre_depth_;
    if (role == ElementRole::kTitle) f.title = true, ++title_depth_;
    if (role == ElementRole::kHead) f.head = true, ++head_depth_;
    if (role == ElementRole::kContentRoot) f.content_root = true, ++content_depth_;
    stack_.push_back(std::move(f));
    // A start tag is reported before its '>' is read.
    last_end_ = consumed();
    if (last_end_ < html_.size() && html_[last_end_] == '>') {
      ++last_end_;
    } else if (html_.substr(last_end_, 2) == "/>") {
      last_end_ += 2;
    }
  }

  void end(std::string_view name) {
    in_text_ = false;
    last_end_ = consumed();
    auto it = std::find_if(stack_.rbegin(), stack_.rend(),
                           [&](const Frame& f) { return f.name == name; });
    if (it == stack_.rend()) return;
    const std::size_t keep = static_cast<std::size_t>(stack_.rend() - it) - 1;
    while (stack_.size() > keep) {
      const Frame& f = stack_.back();
      if (f.skip) --skip_depth_;
      if (f.link) --link_depth_;
      if (f.pre) --pre_depth_;
      if (f.title) {
        --title_depth_;
        if (!title_.empty()) title_done_ = true;
      }
      if (f.head) --head_depth_;
      if (f.content_root) --content_depth_;
      const bool block = f.block;
      stack_.pop_back();
      if (block) block_boundary();
    }
  }

  void keep_meta(std::string_view key, std::string_view content) {
    const std::string k = lowercase(key);
    if (std::find(kMetaKeys.begin(), kMetaKeys.end(), k) == kMetaKeys.end()) return;
    if (meta_.contains(k)) return;
    meta_.set(k, collapse_spaces(content));
  }

  void block_boundary() {
    finish_block();
    separate(kParagraph);
  }

  // Keeps or drops the text gathered since the last boundary.
  void finish_block() {
    const bool has_text = block_visible_ > 0;
    const bool link_dense = options_.boilerplate && block_link_ > 0 &&
                            static_cast<double>(block_link_) >=
                                options_.link_density * static_cast<double>(block_visible_);
    if (has_text && link_dense) ++counts_.html_dropped;
    if (has_text && !link_dense) {
      for (const PendingRun& r : runs_) emit(r);
    } else if (!runs_.empty()) {
      // A dropped block's separator still separates what comes before from what follows.
      separate(runs_.front().separator_before);
    }
    runs_.clear();
    block_text_.clear();
    block_visible_ = 0;
    block_link_ = 0;
  }

  void emit(const PendingRun& r) {
    const std::size_t here = builder_.source_position();
    const std::size_t begin = std::max(r.source_begin, here);
    const std::size_t end = std::max(r.source_end, begin);
    if (has_output_ && r.separator_before != kNoSeparator) {
      const std::string_view sep = r.separator_before == kParagraph ? "\n\n"
                                   : r.separator_before == kLine    ? "\n"
                                                                    : " ";
      builder_.replace(here, begin - here, sep);  // the break stands for the markup it replaces
    }
    current_pre_ = r.pre;
    const std::string_view decoded =
        std::string_view(block_text_).substr(r.decoded_begin, r.decoded_end - r.decoded_begin);
    align_decoded_text(html_.substr(begin, end - begin), begin, decoded, *this);
    has_output_ = true;
  }

  std::string_view html_;
  const HtmlOptions& options_;
  CleanCounts& counts_;
  AlignedTextBuilder builder_;
  htmlParserCtxtPtr ctxt_ = nullptr;

  std::size_t last_end_ = 0;
  bool in_text_ = false;
  std::vector<Frame> stack_;
  std::size_t skip_depth_ = 0, link_depth_ = 0, pre_depth_ = 0, title_depth_ = 0, head_depth_ = 0,
              content_depth_ = 0;

  std::vector<PendingRun> runs_;
  std::string block_text_;
  std::size_t block_visible_ = 0;
  std::size_t block_link_ = 0;
  int pending_separator_ = kNoSeparator;
  bool has_output_ = false;
  bool current_pre_ = false;

  std::string title_;
  bool title_done_ = false;
  Value::Object meta_;
};

}  // namespace

void init_html_parser() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

HtmlResult html_pass(std::string_view html, const HtmlOptions& options, CleanCounts& counts) {
  init_html_parser();
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    // libxml2 takes an int size: hand such a text through unchanged.
    AlignedTextBuilder b(html);
    b.copy_rest();
    return HtmlResult{std::move(b).finish(), {}, {}};
  }
  return HtmlExtractor(html, options, counts).run();
}

}  // namespace docpipe::clean

// The `summarize` stage: an extractive summary (doc.summary()) and keyphrases (layer
// `keyphrase`, meta.keyphrases) of the current view. See summarizer.h and README.md.
#include <memory>
#include <string>

#include "docpipe/docpipe.h"
#include "docpipe/resources.h"
#include "summarizer.h"

namespace docpipe::summarize {
namespace {

Result<std::string> data_file(const std::string& given, const char* shipped) {
  if (!given.empty()) return given;
  return DOCPIPE_PLUGIN_DATA("summarize", shipped);
}

class SummarizeStage final : public Stage {
 public:
  Status configure(const Params& params) override {
    Options o;
    o.method = params.get_string("method") == "lead" ? Method::kLead : Method::kModel;
    o.headline = params.get_string("mode") == "headline";
    if (o.headline && params.is_set("sentences") && params.get_int("sentences") != 1) {
      return Status::InvalidArgument(
          "mode 'headline' picks one sentence: leave 'sentences' unset (or 1)");
    }
    o.budget.sentences = static_cast<std::uint32_t>(params.get_int("sentences"));
    o.budget.words = static_cast<std::uint32_t>(params.get_int("words"));
    o.budget.ratio = params.get_number("ratio");
    o.block_trigrams = params.get_bool("block_trigrams");
    o.strip_dateline = params.get_bool("strip_dateline");
    o.keyphrases = static_cast<std::uint32_t>(params.get_int("keyphrases"));

    auto model_path = data_file(params.get_string("model"), "summarize.model");
    if (!model_path.ok()) return model_path.status();
    auto model_text = read_file(*model_path);
    if (!model_text.ok()) return model_text.status();
    auto model = parse_model(*model_text, *model_path);
    if (!model.ok()) return model.status();

    auto stop_path = DOCPIPE_PLUGIN_DATA("summarize", "stopwords.txt");
    if (!stop_path.ok()) return stop_path.status();
    auto stop_text = read_file(*stop_path);
    if (!stop_text.ok()) return stop_text.status();
    auto stopwords = parse_word_list(*stop_text, *stop_path);
    if (!stopwords.ok()) return stopwords.status();

    summarizer_ = std::make_unique<Summarizer>(o, *model, std::move(*stopwords));
    return Status::OK();
  }

  Status process(Document& doc) override { return summarizer_->summarize(doc); }

 private:
  std::unique_ptr<Summarizer> summarizer_;
};

}  // namespace
}  // namespace docpipe::summarize

DOCPIPE_PLUGIN(
    docpipe::summarize::SummarizeStage,
    (docpipe::PluginSpec{
        .name = "summarize",
        .version = "1.0.0",
        .description = "Extractive news summary (lead-aware learned sentence scores, trigram "
                       "blocking) and PositionRank keyphrases",
        .params =
            {
                docpipe::param::choice("method", "model", {"model", "lead"},
                                       "model: sentences scored by the learned model; lead: the "
                                       "first sentences of the document (the Lead-N baseline)."),
                docpipe::param::choice("mode", "summary", {"summary", "headline"},
                                       "headline: the one best sentence."),
                docpipe::param::integer("sentences", 3, "At most this many sentences.")
                    .range(1, 1000),
                docpipe::param::integer("words", 0,
                                        "At most this many words (0: no limit); a sentence that "
                                        "would pass it is skipped.")
                    .range(0, 1000000),
                docpipe::param::number("ratio", 0.0,
                                       "At most this share of the document's words (0: no "
                                       "limit).")
                    .range(0.0, 1.0),
                docpipe::param::boolean("block_trigrams", true,
                                        "Skip a sentence that repeats a word trigram of one "
                                        "already chosen (method model)."),
                docpipe::param::boolean("strip_dateline", true,
                                        "Start a summary sentence after the dateline that opens "
                                        "it (\"WASHINGTON —\", \"(CNN) --\")."),
                docpipe::param::integer("keyphrases", 10, "Keyphrases to extract (0: none).")
                    .range(0, 100),
                docpipe::param::path("model", "",
                                     "Sentence model file; empty: summarize.model shipped with "
                                     "the plugin."),
            },
        .produced_layers = {"keyphrase"},
        .optional_layers = {"paragraph", "dateline", "entity", "timex"},
        .thread_safe = true,
    }))

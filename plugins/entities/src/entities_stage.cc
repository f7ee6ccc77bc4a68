// The `entities` stage: tags PERSON, ORG, LOC and MISC mentions on the current view with the
// two-pass model (tagger.h), adds subtypes, links mentions within the document (linker.h) and
// summarizes the entities in meta.entities.
#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "docpipe/docpipe.h"
#include "docpipe/resources.h"
#include "docpipe/text/segmenter.h"
#include "linker.h"
#include "mention_rules.h"
#include "ner_model.h"
#include "subtype.h"
#include "tagger.h"
#include "word_form.h"

namespace docpipe::entities {
namespace {

class EntitiesStage final : public Stage {
 public:
  Status configure(const Params& params) override {
    std::string path = params.get_string("model");
    if (path.empty()) {
      auto found = DOCPIPE_PLUGIN_DATA("entities", "ner.model");
      if (!found.ok()) return found.status();
      path = *found;
    }
    auto model = load_model(path);
    if (!model.ok()) return model.status();
    model_ = std::shared_ptr<const NerModel>(std::move(*model));
    tagger_ = std::make_unique<Tagger>(*model_);
    subtypes_ = std::make_unique<SubtypeFinder>(model_->gazetteer);
    rules_ = std::make_unique<MentionRules>(model_->gazetteer);
    min_confidence_ = static_cast<float>(params.get_number("min_confidence"));
    link_ = params.get_bool("link");
    consistent_labels_ = params.get_bool("consistent_labels");
    return Status::OK();
  }

  Status process(Document& doc) override {
    const Segmentation& seg = segment(doc);
    const TextView& view = doc.view();
    DocumentTokens scratch;
    std::vector<FoundMention> mentions = rules_->apply(seg, scratch, tagger_->tag(seg, scratch));
    std::erase_if(mentions, [&](const FoundMention& m) { return m.confidence < min_confidence_; });

    std::vector<LinkInput> inputs;
    inputs.reserve(mentions.size());
    for (const FoundMention& m : mentions) {
      LinkInput in;
      in.words = m.words;
      in.text = seg.text().substr(m.begin, m.end - m.begin);
      in.type = m.type;
      in.confidence = m.confidence;
      in.person_shape = rules_->person_shaped(in.words);
      inputs.push_back(std::move(in));
    }
    LinkResult links;
    if (link_) {
      links = link_mentions(inputs);
    } else {
      for (std::uint32_t i = 0; i < inputs.size(); ++i) {
        links.cluster_of.push_back(i);
        links.clusters.push_back(EntityCluster{std::string(inputs[i].text), inputs[i].type, 1, i});
      }
    }

    doc.layer("entity");  // present (possibly empty) once the stage ran
    std::vector<std::string> lowered;
    std::string form_buffer;
    // Final labels counted per cluster, for the summary's label.
    std::vector<std::array<std::uint32_t, kTypeCount>> label_counts(links.clusters.size());
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const FoundMention& m = mentions[i];
      const EntityCluster& cluster = links.clusters[links.cluster_of[i]];
      lowered.clear();
      // Written the way the gazetteer is matched (typographic apostrophes as ASCII).
      for (auto w : inputs[i].words) lowered.push_back(to_lower(model_form(w, form_buffer)));
      Value::Object attrs;
      // A person's full name takes the label of the short mentions linked to it ("Kim Jong Un"
      // read as ORG, "Kim" as PERSON 20 times); with consistent_labels every mention does.
      const bool person_name = cluster.linked_by_name_part && cluster.type == EntityType::kPerson;
      EntityType type = (consistent_labels_ || person_name) ? cluster.type : m.type;
      if (link_ && links.relabel[i] >= 0) type = static_cast<EntityType>(links.relabel[i]);
      if (subtypes_->listed_person(lowered)) type = EntityType::kPerson;
      ++label_counts[links.cluster_of[i]][static_cast<int>(type)];
      attrs.append_unchecked("label", std::string(label_of(type)));
      const std::string_view subtype =
          (m.facility && type == EntityType::kLoc) ? "FAC"
          : (m.event && type == EntityType::kMisc) ? "EVENT"
                                                    : subtypes_->find(type, lowered);
      if (!subtype.empty()) attrs.append_unchecked("subtype", std::string(subtype));
      attrs.append_unchecked("confidence", std::round(m.confidence * 1000.0) / 1000.0);
      attrs.append_unchecked("cluster", static_cast<std::int64_t>(links.cluster_of[i]));
      attrs.append_unchecked("canonical", cluster.canonical);
      doc.annotate("entity", view, Span{m.begin, m.end}, std::move(attrs));
    }
    Value::Array summary;
    for (std::uint32_t c = 0; c < links.clusters.size(); ++c) {
      const EntityCluster& cluster = links.clusters[c];
      Value::Object entry;
      entry.append_unchecked("cluster", static_cast<std::int64_t>(c));
      entry.append_unchecked("canonical", cluster.canonical);
      const auto& counts = label_counts[c];
      // The label most of its mentions carry (ties: the linker's confidence-weighted choice).
      EntityType label = cluster.type;
      for (int t = 0; t < kTypeCount; ++t) {
        if (counts[t] > counts[static_cast<int>(label)]) label = static_cast<EntityType>(t);
      }
      entry.append_unchecked("label", std::string(label_of(label)));
      entry.append_unchecked("mentions", static_cast<std::int64_t>(cluster.mentions));
      summary.push_back(Value(std::move(entry)));
    }
    doc.meta().set("entities", Value(std::move(summary)));
    return Status::OK();
  }

 private:
  std::shared_ptr<const NerModel> model_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<SubtypeFinder> subtypes_;
  std::unique_ptr<MentionRules> rules_;
  float min_confidence_ = 0;
  bool link_ = true;
  bool consistent_labels_ = false;
};

}  // namespace
}  // namespace docpipe::entities

DOCPIPE_PLUGIN(docpipe::entities::EntitiesStage,
               (docpipe::PluginSpec{
                   .name = "entities",
                   .version = "1.0.0",
                   .description = "Named entities (PERSON, ORG, LOC, MISC) with subtypes, "
                                  "confidences and within-document links",
                   .params =
                       {
                           docpipe::param::path("model", "",
                                                "Entity model file; empty: the ner.model "
                                                "shipped with the plugin."),
                           docpipe::param::number("min_confidence", 0.0,
                                                  "Drop mentions whose confidence is lower."),
                           docpipe::param::boolean("link", true,
                                                   "Link mentions of one entity (attrs "
                                                   "cluster, canonical); off: each mention is "
                                                   "its own cluster."),
                           docpipe::param::boolean("consistent_labels", false,
                                                   "Give every mention of a linked entity the "
                                                   "entity's majority label (off: only the full "
                                                   "names of people linked by surname)."),
                       },
                   .produced_layers = {"entity"},
                   .thread_safe = true,
               }))

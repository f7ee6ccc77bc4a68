// The human-facing formats: `--format text` (a report a person reads) and `--format timeml`
// (TimeML for the TempEval-3 tools).
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "record_writer.h"

namespace docpipe::engine {
namespace {

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string value_text(const Value* v) {
  if (v == nullptr || v->is_null()) return {};
  if (v->is_string()) return v->as_string();
  return to_json(*v);
}

void row(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  out += "  ";
  out += label;
  out.append(label.size() < 14 ? 14 - label.size() : 1, ' ');
  out += value;
  out += '\n';
}

struct EntityCount {
  std::string name;
  std::size_t count = 0;
  std::size_t first = 0;  // first mention offset, to break ties
};

std::string entity_list(const std::vector<EntityCount>& items) {
  std::string out;
  for (const auto& e : items) {
    if (!out.empty()) out += ", ";
    out += e.name;
    if (e.count > 1) out += " (" + std::to_string(e.count) + ")";
  }
  return out;
}

std::string label_group(std::string_view label) {
  if (label == "PERSON" || label == "PER") return "People";
  if (label == "ORG") return "Organizations";
  if (label == "LOC" || label == "GPE" || label == "FAC") return "Places";
  return "Other names";
}

}  // namespace

void write_text_report(std::string& out, const Document& doc, const RunInfo& run) {
  out += "== " + doc.id();
  if (!doc.source().empty() && doc.source() != doc.id()) out += "  (" + doc.source() + ")";
  out += " ==\n";
  const Value::Object& meta = doc.meta();
  row(out, "Title", one_line(value_text(meta.find("title"))));
  std::string date = value_text(meta.find("dct"));
  if (!date.empty()) {
    std::string src = value_text(meta.find("dct_source"));
    if (!src.empty()) date += "  (from " + src + ")";
  }
  row(out, "Date", date);
  if (const Value* dl = meta.find("dateline")) {
    std::string d;
    if (dl->is_object()) {
      d = value_text(dl->find("place"));
      std::string when = value_text(dl->find("date"));
      if (!when.empty()) d += ", " + when;
      std::string agency = value_text(dl->find("agency"));
      if (!agency.empty()) d += " (" + agency + ")";
    } else {
      d = value_text(dl);
    }
    row(out, "Dateline", one_line(d));
  }

  // Entities by group, most mentioned first.
  if (const Layer* ents = doc.find_layer("entity")) {
    std::map<std::string, std::map<std::string, EntityCount>> groups;
    for (const auto& a : *ents) {
      const std::string label = value_text(a.attrs.find("label"));
      std::string name = value_text(a.attrs.find("canonical"));
      if (name.empty()) name = std::string(doc.text_of(a));
      name = one_line(name);
      EntityCount& e = groups[label_group(label)][name];
      if (e.count == 0) {
        e.name = name;
        e.first = a.begin;
      }
      ++e.count;
      e.first = std::min(e.first, a.begin);
    }
    for (const char* g : {"People", "Organizations", "Places", "Other names"}) {
      auto it = groups.find(g);
      if (it == groups.end()) continue;
      std::vector<EntityCount> items;
      for (auto& [k, v] : it->second) items.push_back(v);
      std::sort(items.begin(), items.end(), [](const EntityCount& a, const EntityCount& b) {
        return a.count != b.count ? a.count > b.count : a.first < b.first;
      });
      row(out, g, entity_list(items));
    }
  }

  // Dates in time order.
  if (const Layer* tx = doc.find_layer("timex"); tx && !tx->empty()) {
    struct Item {
      std::string value, type, mod, text;
      std::size_t begin;
    };
    std::vector<Item> items;
    for (const auto& a : *tx) {
      items.push_back({value_text(a.attrs.find("value")), value_text(a.attrs.find("type")),
                       value_text(a.attrs.find("mod")), one_line(doc.text_of(a)), a.begin});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      const bool ad = !a.value.empty() && a.value[0] >= '0' && a.value[0] <= '9';
      const bool bd = !b.value.empty() && b.value[0] >= '0' && b.value[0] <= '9';
      if (ad != bd) return ad;  // calendar values first, then durations, sets, references
      return a.value != b.value ? a.value < b.value : a.begin < b.begin;
    });
    out += "  Dates\n";
    for (const auto& i : items) {
      std::string line = "    " + i.value;
      line.append(i.value.size() < 14 ? 14 - i.value.size() : 1, ' ');
      line += "\"" + i.text + "\"";
      if (i.type != "DATE" && !i.type.empty()) line += "  " + i.type;
      if (!i.mod.empty()) line += "  " + i.mod;
      out += line + "\n";
    }
  }

  // Summary.
  const Value::Object& summary = doc.summary();
  if (const Value* sents = summary.find("sentences"); sents && sents->is_array() && !sents->as_array().empty()) {
    out += "  Summary\n";
    for (const auto& s : sents->as_array()) {
      std::string t = value_text(s.find("text"));
      if (t.empty()) t = value_text(&s);
      out += "    - " + one_line(t) + "\n";
    }
  } else if (const Value* t = summary.find("text"); t && t->is_string()) {
    out += "  Summary\n    " + one_line(t->as_string()) + "\n";
  }
  if (const Value* kp = meta.find("keyphrases"); kp && kp->is_array()) {
    std::string list;
    for (const auto& k : kp->as_array()) {
      std::string t = k.is_string() ? k.as_string() : value_text(k.find("text"));
      if (t.empty()) continue;
      if (!list.empty()) list += ", ";
      list += t;
    }
    row(out, "Keyphrases", list);
  }
  for (const auto& e : run.errors) {
    row(out, "Error", e.stage + ": " + e.message);
  }
  std::string stages;
  for (const auto& s : run.stages) {
    if (!stages.empty()) stages += " | ";
    stages += std::string(s.name) + " " + std::to_string(s.micros) + " us";
  }
  row(out, "Stages", stages);
  out += '\n';
}

namespace {

void append_xml_escaped(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) out += "&quot;";
        else out.push_back(c);
        break;
      default: out.push_back(c);
    }
  }
}

// TIMEX3 attributes docpipe writes, in TimeML's order, from the annotation's attrs.
constexpr const char* kTimexAttrs[] = {"type", "value", "mod", "quant", "freq",
                                       "beginPoint", "endPoint", "anchorTimeID",
                                       "temporalFunction"};

}  // namespace

void write_timeml(std::string& out, const Document& doc) {
  out += "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n";
  out += "<DOCID>";
  append_xml_escaped(out, doc.id(), false);
  out += "</DOCID>\n\n<DCT>";
  const std::string dct = value_text(doc.meta().find("dct"));
  if (!dct.empty()) {
    // A creation time with a clock time ("2024-01-02T09:30") is a TIME in TimeML.
    out += dct.find('T') != std::string::npos ? "<TIMEX3 tid=\"t0\" type=\"TIME\" value=\""
                                              : "<TIMEX3 tid=\"t0\" type=\"DATE\" value=\"";
    append_xml_escaped(out, dct, true);
    out += "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">";
    append_xml_escaped(out, dct, false);
    out += "</TIMEX3>";
  }
  out += "</DCT>\n\n<TEXT>";
  const std::string_view text = doc.text();
  std::vector<const Annotation*> timexes;
  if (const Layer* tx = doc.find_layer("timex")) {
    for (const auto& a : *tx) timexes.push_back(&a);
  }
  std::stable_sort(timexes.begin(), timexes.end(), [](const Annotation* a, const Annotation* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end > b->end;
  });
  std::size_t pos = 0;
  int tid = 1;
  for (const Annotation* a : timexes) {
    if (a->begin < pos || a->end > text.size() || a->begin >= a->end) continue;  // overlaps
    append_xml_escaped(out, text.substr(pos, a->begin - pos), false);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\"";
    for (const char* key : kTimexAttrs) {
      const Value* v = a->attrs.find(key);
      if (v == nullptr || v->is_null()) continue;
      out += " ";
      out += key;
      out += "=\"";
      append_xml_escaped(out, value_text(v), true);
      out += "\"";
    }
    out += ">";
    append_xml_escaped(out, text.substr(a->begin, a->end - a->begin), false);
    out += "</TIMEX3>";
    pos = a->end;
  }
  append_xml_escaped(out, text.substr(pos), false);
  out += "</TEXT>\n\n</TimeML>\n";
}

}  // namespace docpipe::engine

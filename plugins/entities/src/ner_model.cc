#include "ner_model.h"

#include <cmath>
#include <cstring>
#include <fstream>

#include "docpipe/resources.h"
#include "hashing.h"

namespace docpipe::entities {
namespace {

class Writer {
 public:
  template <typename T>
  void pod(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void str(std::string_view s) {
    pod<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool pod(T& v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool str(std::string& s) {
    std::uint32_t n = 0;
    if (!pod(n) || in_.size() - pos_ < n) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

void write_tagger(Writer& w, const LinearModel& m) {
  float max_abs = 0;
  for (float x : m.weights) max_abs = std::max(max_abs, std::fabs(x));
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w.pod(scale);
  for (auto& row : m.transition) {
    for (float x : row) w.pod(x);
  }
  for (float x : m.start) w.pod(x);
  for (float x : m.end) w.pod(x);
  const std::vector<std::uint64_t> keys = m.index.keys_by_row();
  std::string rows;
  Writer body;
  std::uint32_t kept = 0;
  for (std::uint32_t r = 0; r < keys.size(); ++r) {
    std::int16_t q[kTagCount];
    std::uint8_t n = 0;
    for (int t = 0; t < kTagCount; ++t) {
      q[t] = static_cast<std::int16_t>(
          std::lround(m.weights[static_cast<std::size_t>(r) * kTagCount + t] / scale));
      if (q[t] != 0) ++n;
    }
    if (n == 0) continue;
    ++kept;
    body.pod(keys[r]);
    body.pod(n);
    for (int t = 0; t < kTagCount; ++t) {
      if (q[t] == 0) continue;
      body.pod(static_cast<std::uint8_t>(t));
      body.pod(q[t]);
    }
  }
  w.pod(kept);
  w.out().append(body.out());
}

bool read_tagger(Reader& r, LinearModel& m) {
  float scale = 0;
  if (!r.pod(scale)) return false;
  for (auto& row : m.transition) {
    for (float& x : row) {
      if (!r.pod(x)) return false;
    }
  }
  for (float& x : m.start) {
    if (!r.pod(x)) return false;
  }
  for (float& x : m.end) {
    if (!r.pod(x)) return false;
  }
  std::uint32_t rows = 0;
  if (!r.pod(rows)) return false;
  m.index = FeatureIndex();
  m.index.reserve(rows);
  m.weights.assign(static_cast<std::size_t>(rows) * kTagCount, 0.0f);
  for (std::uint32_t i = 0; i < rows; ++i) {
    std::uint64_t key = 0;
    std::uint8_t n = 0;
    if (!r.pod(key) || !r.pod(n)) return false;
    const std::uint32_t row = m.index.insert(key);
    for (std::uint8_t k = 0; k < n; ++k) {
      std::uint8_t tag = 0;
      std::int16_t q = 0;
      if (!r.pod(tag) || !r.pod(q) || tag >= kTagCount) return false;
      m.weights[static_cast<std::size_t>(row) * kTagCount + tag] = q * scale;
    }
  }
  return true;
}

}  // namespace

Status NerModel::finish() {
  auto g = Gazetteer::parse(gazetteer_tsv);
  if (!g.ok()) return g.status();
  gazetteer = std::move(*g);
  auto c = WordClasses::parse(classes_tsv);
  if (!c.ok()) return c.status();
  classes = std::move(*c);
  return Status::OK();
}

std::string serialize_model(const NerModel& model) {
  Writer payload;
  payload.str(model.description);
  payload.pod(model.temperature);
  payload.pod(model.first_pass_temperature);
  payload.str(model.gazetteer_tsv);
  payload.str(model.classes_tsv);
  write_tagger(payload, model.first_pass);
  write_tagger(payload, model.second_pass);
  Writer file;
  file.out().append(kModelMagic);
  file.pod(kModelVersion);
  file.pod(std::uint32_t{0});
  file.pod(static_cast<std::uint64_t>(payload.out().size()));
  file.pod(hash_bytes(payload.out()));
  file.out().append(payload.out());
  return std::move(file.out());
}

Status save_model(const NerModel& model, const std::string& path) {
  const std::string bytes = serialize_model(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::Unavailable("cannot write model file " + path);
  return Status::OK();
}

Result<std::unique_ptr<NerModel>> parse_model(std::string_view bytes, std::string_view origin) {
  const std::string where(origin);
  constexpr std::size_t kHeader = 8 + 4 + 4 + 8 + 8;
  if (bytes.size() < kHeader || bytes.substr(0, kModelMagic.size()) != kModelMagic) {
    return Status::DataError(where + " is not a docpipe entity model (no DOCPNER magic number)");
  }
  Reader header(bytes.substr(kModelMagic.size(), kHeader - kModelMagic.size()));
  std::uint32_t version = 0, reserved = 0;
  std::uint64_t size = 0, checksum = 0;
  header.pod(version);
  header.pod(reserved);
  header.pod(size);
  header.pod(checksum);
  if (version != kModelVersion) {
    return Status::DataError(where + ": entity model version " + std::to_string(version) +
                             ", this plugin reads version " + std::to_string(kModelVersion) +
                             "; retrain it with train_ner or use the model shipped with the "
                             "plugin");
  }
  const std::string_view payload = bytes.substr(kHeader);
  if (payload.size() != size) {
    return Status::DataError(where + ": entity model is truncated or has trailing bytes (" +
                             std::to_string(payload.size()) + " payload bytes, header says " +
                             std::to_string(size) + ")");
  }
  if (hash_bytes(payload) != checksum) {
    return Status::DataError(where +
                             ": entity model checksum mismatch: the file is corrupt; "
                             "reinstall or retrain it");
  }
  auto model = std::make_unique<NerModel>();
  Reader r(payload);
  if (!r.str(model->description) || !r.pod(model->temperature) ||
      !r.pod(model->first_pass_temperature) || !r.str(model->gazetteer_tsv) ||
      !r.str(model->classes_tsv) || !read_tagger(r, model->first_pass) ||
      !read_tagger(r, model->second_pass) || !r.done()) {
    return Status::DataError(where + ": entity model payload is malformed");
  }
  Status s = model->finish();
  if (!s.ok()) return Status::DataError(where + ": " + s.message());
  return model;
}

Result<std::unique_ptr<NerModel>> load_model(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return bytes.status();
  return parse_model(*bytes, path);
}

}  // namespace docpipe::entities

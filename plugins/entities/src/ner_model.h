// The trained entity model: two linear BILOU taggers (the first pass and the second pass that
// sees the first pass's document-level decisions), the gazetteer and word classes they were
// trained with, and the temperatures that turn scores into probabilities.
//
// File format (little-endian), version 1:
//   "DOCPNER\n"  magic (8 bytes)
//   u32 version, u32 reserved (0)
//   u64 payload size, u64 checksum of the payload (hash_bytes in hashing.h)
//   payload: string description, f32 temperature, f32 first-pass temperature,
//            string gazetteer TSV, string word classes TSV, then each tagger (pass 1, pass 2):
//            f32 scale, transitions (17x17), start (17), end (17) as f32, u32 rows, each row:
//            u64 feature hash, u8 n, n x (u8 tag, i16 weight / scale)
//   (a string is u32 length + bytes).
// load_model() rejects a wrong magic, another version, a truncated file or a checksum
// mismatch with a message naming the file and what to do.
#ifndef DOCPIPE_ENTITIES_NER_MODEL_H_
#define DOCPIPE_ENTITIES_NER_MODEL_H_

#include <memory>
#include <string>
#include <string_view>

#include "docpipe/status.h"
#include "gazetteer.h"
#include "linear_model.h"
#include "word_classes.h"

namespace docpipe::entities {

inline constexpr std::string_view kModelMagic = "DOCPNER\n";
inline constexpr std::uint32_t kModelVersion = 1;

struct NerModel {
  std::string description;              // how it was trained (command, data, scores)
  float temperature = 1.0f;             // pass 2, for mention confidences
  float first_pass_temperature = 1.0f;  // pass 1, for the type probabilities pass 2 reads
  std::string gazetteer_tsv;
  std::string classes_tsv;
  LinearModel first_pass;
  LinearModel second_pass;
  // Parsed from the TSVs above by parse_model / finish().
  Gazetteer gazetteer;
  WordClasses classes;

  // Parses gazetteer_tsv and classes_tsv into gazetteer and classes.
  Status finish();
};

// Serializes the model (weights quantized to 16 bits).
std::string serialize_model(const NerModel& model);
Status save_model(const NerModel& model, const std::string& path);
// `origin` names the source in error messages.
Result<std::unique_ptr<NerModel>> parse_model(std::string_view bytes, std::string_view origin);
Result<std::unique_ptr<NerModel>> load_model(const std::string& path);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_NER_MODEL_H_

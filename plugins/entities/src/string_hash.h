// A transparent string hash, so unordered maps keyed by std::string can be searched with a
// std::string_view without building a string.
#ifndef DOCPIPE_ENTITIES_STRING_HASH_H_
#define DOCPIPE_ENTITIES_STRING_HASH_H_

#include <string>
#include <string_view>

#include "hashing.h"

namespace docpipe::entities {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return hash_bytes(s); }
  std::size_t operator()(const std::string& s) const noexcept { return hash_bytes(s); }
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_STRING_HASH_H_

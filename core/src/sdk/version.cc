#include "docpipe/version.h"

namespace docpipe {

// The values of the library itself, not of a plugin's headers: they are compiled here without
// any override of DOCPIPE_ABI_MINOR.
const char* sdk_version() noexcept { return DOCPIPE_SDK_VERSION_STRING; }
int abi_major() noexcept { return DOCPIPE_ABI_MAJOR; }
int abi_minor() noexcept { return DOCPIPE_ABI_MINOR; }

}  // namespace docpipe

// docpipe SDK version and plugin ABI version.
//
// Two numbers are independent of each other:
//
//  * The SDK version (DOCPIPE_SDK_VERSION_*) is the people-facing release of the headers and
//    of libdocpipe_sdk. It follows semantic versioning of the source API.
//
//  * The plugin ABI version (DOCPIPE_ABI_MAJOR / DOCPIPE_ABI_MINOR) is what the loader checks
//    before it touches anything else a plugin exports.
//
// ABI version rule (applied on every change to core/include/docpipe/):
//
//  * MAJOR is bumped when a plugin built against the old headers could misbehave with the new
//    host: any change to the layout of a class or struct that crosses the boundary (Document,
//    TextView, Annotation, Layer, Value, Status, Params, ParamSpec, PluginSpec, the entry
//    struct past its first two fields), any change to a virtual function of Stage (added,
//    removed, reordered, signature changed), a removed or changed exported SDK function, or a
//    changed meaning of an existing field. The loader refuses a plugin whose major differs.
//
//  * MINOR is bumped when something is only added and old plugins cannot notice: a new
//    non-virtual SDK function, a new class that old plugins do not use, a new param type
//    value appended at the end of an enum the host never receives from old plugins. A host
//    loads plugins built against its own or any older minor; a plugin built against a newer
//    minor than the host is refused, because it may call functions the host lacks.
//
// The first two fields of the entry struct (abi_major, abi_minor) never move, so the check
// itself is stable across every version.
//
// ABI history:
//   1.0  Document, TextView, Annotation, Layer, Value, Status, Params, Stage, PluginSpec, the
//        entry struct; segmenter, utf8, log, testing.
//   1.1  Added find_plugin_data and read_file (resources.h) and Document::views().
#ifndef DOCPIPE_VERSION_H_
#define DOCPIPE_VERSION_H_

#define DOCPIPE_SDK_VERSION_MAJOR 1
#define DOCPIPE_SDK_VERSION_MINOR 0
#define DOCPIPE_SDK_VERSION_PATCH 0
#define DOCPIPE_SDK_VERSION_STRING "1.0.0"

// A plugin may define these before including any docpipe header to declare that it was
// written against an older minor (the fixture tests do that to exercise the rule).
#ifndef DOCPIPE_ABI_MAJOR
#define DOCPIPE_ABI_MAJOR 1
#endif
#ifndef DOCPIPE_ABI_MINOR
#define DOCPIPE_ABI_MINOR 1
#endif

// The C++ standard-library ABI the headers were compiled with. Host and plugin must agree:
// the boundary passes std::string and std::vector, whose layout depends on these.
#if defined(_LIBCPP_VERSION)
#define DOCPIPE_STDLIB_TAG "libc++"
#elif defined(__GLIBCXX__)
#if defined(_GLIBCXX_USE_CXX11_ABI) && _GLIBCXX_USE_CXX11_ABI
#define DOCPIPE_STDLIB_TAG "libstdc++/cxx11"
#else
#define DOCPIPE_STDLIB_TAG "libstdc++/cow"
#endif
#else
#define DOCPIPE_STDLIB_TAG "unknown-stdlib"
#endif

#if defined(_GLIBCXX_DEBUG) || defined(_LIBCPP_DEBUG)
#define DOCPIPE_DEBUG_CONTAINERS_TAG "/debug-containers"
#else
#define DOCPIPE_DEBUG_CONTAINERS_TAG ""
#endif

// Compared byte for byte by the loader.
#define DOCPIPE_TOOLCHAIN_TAG DOCPIPE_STDLIB_TAG DOCPIPE_DEBUG_CONTAINERS_TAG

namespace docpipe {

// Version of the SDK library actually loaded in this process (may be newer than the headers
// a plugin was compiled with).
const char* sdk_version() noexcept;
int abi_major() noexcept;
int abi_minor() noexcept;

}  // namespace docpipe

#endif  // DOCPIPE_VERSION_H_

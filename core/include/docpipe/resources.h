// Finding data files a plugin ships (word lists, models), in the build tree and once installed.
//
// docpipe_add_plugin(... DATA files) puts them in <root>/share/docpipe/<plugin>/, where <root>
// is the build folder or the install prefix; plugins live in <root>/<libdir>/docpipe/plugins/
// and test programs in <root>/bin/. find_plugin_data looks, in order, in
//   $DOCPIPE_DATA_DIR/<plugin>/<file>
//   <root>/share/docpipe/<plugin>/<file>, with <root> found from the file that holds `anchor`.
//
//   auto path = DOCPIPE_PLUGIN_DATA("dating", "lexicon.tsv");
//   if (!path.ok()) return path.status();
#ifndef DOCPIPE_RESOURCES_H_
#define DOCPIPE_RESOURCES_H_

#include <string>
#include <string_view>

#include "docpipe/status.h"

namespace docpipe {

// `anchor` is any address inside the calling plugin (or program). NotFound lists the places
// searched.
Result<std::string> find_plugin_data(const void* anchor, std::string_view plugin,
                                     std::string_view file);

// Reads a whole file; the error names the file.
Result<std::string> read_file(const std::string& path);

}  // namespace docpipe

// find_plugin_data anchored in the calling library.
#define DOCPIPE_PLUGIN_DATA(plugin, file)                                                 \
  ::docpipe::find_plugin_data(                                                            \
      [] {                                                                                \
        static const char docpipe_data_anchor = 0;                                        \
        return static_cast<const void*>(&docpipe_data_anchor);                            \
      }(),                                                                                \
      plugin, file)

#endif  // DOCPIPE_RESOURCES_H_

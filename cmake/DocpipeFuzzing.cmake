# docpipe_add_fuzzer(<name> SOURCES <files...> [LIBRARIES <targets...>] [CORPUS <dir>])
# A libFuzzer target fuzz_<name> (the `fuzz` preset, clang) and a CTest smoke run of
# DOCPIPE_FUZZ_SMOKE_SECONDS (default 20) starting from the committed seed corpus (default:
# tests/fuzz/corpus/<name>). Longer runs, one target after another: scripts/fuzz-long [SECONDS] [NAME...]
include_guard(GLOBAL)
set(DOCPIPE_FUZZ_SMOKE_SECONDS 20 CACHE STRING "Seconds per fuzz target in the CTest smoke run")

function(docpipe_add_fuzzer name)
  cmake_parse_arguments(ARG "" "CORPUS" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_CORPUS)
    set(ARG_CORPUS "${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${name}")
  endif()
  add_executable(fuzz_${name} ${ARG_SOURCES})
  target_link_libraries(fuzz_${name} PRIVATE ${ARG_LIBRARIES})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  add_test(NAME fuzz_smoke_${name}
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
            sh -c "d=$(mktemp -d) && trap 'rm -rf $d' EXIT && \"$0\" -max_total_time=${DOCPIPE_FUZZ_SMOKE_SECONDS} -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \"$d\" \"$1\""
            $<TARGET_FILE:fuzz_${name}> ${ARG_CORPUS})
  set_tests_properties(fuzz_smoke_${name} PROPERTIES TIMEOUT 300)
endfunction()

# docpipe_add_gtest(<name> SOURCES <files...> [LIBRARIES <targets...>])
# A GoogleTest program registered with CTest, one CTest test per TEST() (discovered when the
# tests run, so building never runs test code). Tests run from the source root, with
# DOCPIPE_SOURCE_DIR / DOCPIPE_BUILD_DIR / DOCPIPE_SHARED_DIR available as compile definitions.
include_guard(GLOBAL)
include(GoogleTest)

function(docpipe_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    DOCPIPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DOCPIPE_BUILD_DIR="${PROJECT_BINARY_DIR}"
    DOCPIPE_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${name}
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    DISCOVERY_MODE PRE_TEST
    DISCOVERY_TIMEOUT 60
    PROPERTIES TIMEOUT 600)
endfunction()

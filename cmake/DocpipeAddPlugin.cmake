# docpipe_add_plugin(NAME <name> SOURCES <files...> [LIBRARIES <targets...>] [DATA <files...>]
#                    [NO_INSTALL])
#
# Builds a docpipe stage plugin the way the loader expects it (in <build>/<libdir>/docpipe/plugins,
# the layout the docpipe CLI searches next to itself once installed):
#   * a MODULE library named docpipe_<name>.so (no "lib" prefix), hidden visibility so the
#     entry point is its only export, linked with -z defs so a missing symbol fails the build;
#   * an OBJECT library docpipe_<name>_objects with the same sources, for unit tests that run
#     the stage through docpipe/testing.h without loading the .so;
#   * DATA files copied to <build>/share/docpipe/<name>/ and installed to
#     <prefix>/share/docpipe/<name>/ (docpipe::find_plugin_data finds them in both places);
#   * install rules for the module.
# Works in the docpipe tree and, through find_package(docpipe), in any other project.
include_guard(GLOBAL)

include(GNUInstallDirs)
if(NOT DEFINED DOCPIPE_INSTALL_PLUGIN_DIR)
  set(DOCPIPE_INSTALL_PLUGIN_DIR "${CMAKE_INSTALL_LIBDIR}/docpipe/plugins")
  set(DOCPIPE_INSTALL_DATA_DIR "${CMAKE_INSTALL_DATADIR}/docpipe")
endif()
if(NOT DEFINED DOCPIPE_PLUGIN_OUTPUT_DIR)
  set(DOCPIPE_PLUGIN_OUTPUT_DIR "${CMAKE_BINARY_DIR}/${DOCPIPE_INSTALL_PLUGIN_DIR}")
endif()
if(NOT DEFINED DOCPIPE_DATA_OUTPUT_DIR)
  set(DOCPIPE_DATA_OUTPUT_DIR "${CMAKE_BINARY_DIR}/${DOCPIPE_INSTALL_DATA_DIR}")
endif()

function(docpipe_add_plugin)
  cmake_parse_arguments(ARG "NO_INSTALL" "NAME" "SOURCES;LIBRARIES;DATA" ${ARGN})
  if(NOT ARG_NAME)
    message(FATAL_ERROR "docpipe_add_plugin: NAME is required")
  endif()
  if(NOT ARG_NAME MATCHES "^[a-z][a-z0-9_-]*$")
    message(FATAL_ERROR "docpipe_add_plugin: plugin name '${ARG_NAME}' must be lowercase letters, digits, '_' or '-'")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "docpipe_add_plugin(${ARG_NAME}): SOURCES is required")
  endif()
  set(objects docpipe_${ARG_NAME}_objects)
  set(module docpipe_${ARG_NAME})

  add_library(${objects} OBJECT ${ARG_SOURCES})
  target_compile_features(${objects} PUBLIC cxx_std_20)
  set_target_properties(${objects} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_libraries(${objects} PUBLIC docpipe::sdk ${ARG_LIBRARIES})

  add_library(${module} MODULE)
  target_link_libraries(${module} PRIVATE ${objects})
  set_target_properties(${module} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "docpipe_${ARG_NAME}"
    SUFFIX ".so"
    LIBRARY_OUTPUT_DIRECTORY "${DOCPIPE_PLUGIN_OUTPUT_DIR}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    INSTALL_RPATH "$ORIGIN/../..;$ORIGIN/../../..")
  # clang leaves the sanitizer runtime out of shared objects (the host program provides it), so
  # under clang sanitizer builds the check would flag every instrumented access.
  if(NOT (CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND DOCPIPE_SANITIZE))
    target_link_options(${module} PRIVATE "LINKER:-z,defs")
  endif()

  if(ARG_DATA)
    set(outputs "")
    foreach(file IN LISTS ARG_DATA)
      get_filename_component(abs "${file}" ABSOLUTE)
      get_filename_component(base "${file}" NAME)
      set(out "${DOCPIPE_DATA_OUTPUT_DIR}/${ARG_NAME}/${base}")
      add_custom_command(OUTPUT "${out}"
        COMMAND ${CMAKE_COMMAND} -E copy_if_different "${abs}" "${out}"
        DEPENDS "${abs}" VERBATIM)
      list(APPEND outputs "${out}")
      if(NOT ARG_NO_INSTALL)
        install(FILES "${abs}" DESTINATION "${DOCPIPE_INSTALL_DATA_DIR}/${ARG_NAME}")
      endif()
    endforeach()
    add_custom_target(${module}_data DEPENDS ${outputs})
    add_dependencies(${module} ${module}_data)
    add_dependencies(${objects} ${module}_data)
  endif()

  if(NOT ARG_NO_INSTALL)
    install(TARGETS ${module} LIBRARY DESTINATION "${DOCPIPE_INSTALL_PLUGIN_DIR}")
  endif()
endfunction()

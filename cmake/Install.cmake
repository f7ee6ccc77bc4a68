# Install rules and the CMake package that lets an outside project write
#   find_package(docpipe REQUIRED)
#   docpipe_add_plugin(NAME redact SOURCES redact.cc)
include(CMakePackageConfigHelpers)

install(TARGETS docpipe_sdk EXPORT docpipeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY core/include/docpipe DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS docpipe RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT docpipeTargets NAMESPACE docpipe:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/docpipe)

configure_package_config_file(cmake/docpipeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/docpipeConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/docpipe)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/docpipeConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/docpipeConfig.cmake
  ${PROJECT_BINARY_DIR}/docpipeConfigVersion.cmake
  cmake/DocpipeAddPlugin.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/docpipe)

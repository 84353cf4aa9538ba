# add_crmsync_connector(<name> SOURCES <files...> [LIBRARIES <targets...>] [NO_INSTALL])
#
# Builds a connector plugin `crmsync_<name>.so` against the crmsync SDK, with
# hidden symbols (only the descriptor alias is exported), into the directory
# the daemon loads plugins from, and installs it there.
include_guard(GLOBAL)
include(GNUInstallDirs)

if(NOT DEFINED CRMSYNC_PLUGIN_OUTPUT_DIR)
  set(CRMSYNC_PLUGIN_OUTPUT_DIR "${CMAKE_BINARY_DIR}/lib/crmsync/plugins")
endif()
if(NOT DEFINED CRMSYNC_BUILD_ID)
  set(CRMSYNC_BUILD_ID "${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}")
endif()

function(add_crmsync_connector name)
  cmake_parse_arguments(ARG "NO_INSTALL" "" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "add_crmsync_connector(${name}): SOURCES is required")
  endif()
  set(target crmsync_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE crmsync::sdk ${ARG_LIBRARIES})
  target_compile_definitions(${target} PRIVATE CRMSYNC_BUILD_ID="${CRMSYNC_BUILD_ID}")
  # GCC's STB_GNU_UNIQUE symbols (from inline statics in headers) would pin the
  # library in memory for good; without them a plugin really unloads when its
  # last object is gone.
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${CRMSYNC_PLUGIN_OUTPUT_DIR}")
  if(NOT ARG_NO_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/crmsync/plugins")
    set_property(GLOBAL APPEND PROPERTY CRMSYNC_SHIPPED_CONNECTORS ${target})
  endif()
endfunction()

# Finds SOCI 4.x (Debian ships no CMake config for it).
# Provides SOCI::core and, for each backend found, SOCI::sqlite3, SOCI::postgresql, SOCI::mysql.
find_path(SOCI_INCLUDE_DIR NAMES soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS SOCI_CORE_LIBRARY SOCI_INCLUDE_DIR)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES
    IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${CMAKE_DL_LIBS}")
  foreach(backend sqlite3 postgresql mysql)
    find_library(SOCI_${backend}_LIBRARY NAMES soci_${backend})
    if(SOCI_${backend}_LIBRARY)
      add_library(SOCI::${backend} UNKNOWN IMPORTED)
      set_target_properties(SOCI::${backend} PROPERTIES
        IMPORTED_LOCATION "${SOCI_${backend}_LIBRARY}"
        INTERFACE_LINK_LIBRARIES SOCI::core)
    endif()
  endforeach()
  # The backend headers include the client libraries' headers.
  find_path(SOCI_POSTGRESQL_CLIENT_INCLUDE_DIR NAMES libpq-fe.h PATH_SUFFIXES postgresql)
  if(TARGET SOCI::postgresql AND SOCI_POSTGRESQL_CLIENT_INCLUDE_DIR)
    set_property(TARGET SOCI::postgresql APPEND PROPERTY
      INTERFACE_INCLUDE_DIRECTORIES "${SOCI_POSTGRESQL_CLIENT_INCLUDE_DIR}")
  endif()
  # The store calls libpq itself for COPY, on the connection SOCI opened.
  find_library(SOCI_POSTGRESQL_CLIENT_LIBRARY NAMES pq)
  if(TARGET SOCI::postgresql AND SOCI_POSTGRESQL_CLIENT_LIBRARY)
    set_property(TARGET SOCI::postgresql APPEND PROPERTY
      INTERFACE_LINK_LIBRARIES "${SOCI_POSTGRESQL_CLIENT_LIBRARY}")
  endif()
  # ... and SQLite itself for prepared row inserts.
  find_library(SOCI_SQLITE3_CLIENT_LIBRARY NAMES sqlite3)
  if(TARGET SOCI::sqlite3 AND SOCI_SQLITE3_CLIENT_LIBRARY)
    set_property(TARGET SOCI::sqlite3 APPEND PROPERTY
      INTERFACE_LINK_LIBRARIES "${SOCI_SQLITE3_CLIENT_LIBRARY}")
  endif()
  find_path(SOCI_MYSQL_CLIENT_INCLUDE_DIR NAMES mysql.h PATH_SUFFIXES mysql mariadb)
  if(TARGET SOCI::mysql AND SOCI_MYSQL_CLIENT_INCLUDE_DIR)
    set_property(TARGET SOCI::mysql APPEND PROPERTY
      INTERFACE_INCLUDE_DIRECTORIES "${SOCI_MYSQL_CLIENT_INCLUDE_DIR}")
  endif()
endif()
mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY)

# Provides the imported target httplib::httplib (cpp-httplib).
#
# Upstream cpp-httplib ships a CMake package exporting httplib::httplib; use it
# when present. Debian 12's libcpp-httplib-dev does NOT ship one: it ships a
# *compiled* library (/usr/lib/<arch>/libcpp-httplib.so, httplib.h holds only
# declarations) plus pkg-config file cpp-httplib.pc, whose Cflags carry
# -DCPPHTTPLIB_OPENSSL_SUPPORT -DCPPHTTPLIB_ZLIB_SUPPORT -DCPPHTTPLIB_BROTLI_SUPPORT
# (must match the .so's ABI). pkg-config also resolves its Requires.private
# (openssl, zlib, libbrotli*), so libssl-dev, zlib1g-dev, libbrotli-dev and
# pkgconf must be installed (scripts/deps.sh build does that).
include_guard(GLOBAL)

if(NOT TARGET httplib::httplib)
  find_package(httplib CONFIG QUIET)
endif()

if(NOT TARGET httplib::httplib)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(GENWIRE_CPPHTTPLIB REQUIRED IMPORTED_TARGET GLOBAL cpp-httplib)
  find_package(Threads REQUIRED)
  target_link_libraries(PkgConfig::GENWIRE_CPPHTTPLIB INTERFACE Threads::Threads)
  add_library(httplib::httplib ALIAS PkgConfig::GENWIRE_CPPHTTPLIB)
  message(STATUS "genwire: cpp-httplib ${GENWIRE_CPPHTTPLIB_VERSION} via pkg-config (httplib::httplib)")
endif()

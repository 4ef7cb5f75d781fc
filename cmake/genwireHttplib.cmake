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
#
# With GENWIRE_HTTPLIB_QUIET set, a missing cpp-httplib is no error: httplib::httplib is then
# simply not defined (the installed genwireConfig.cmake looks this way for genwire::client).
include_guard(GLOBAL)

if(GENWIRE_HTTPLIB_QUIET)
  set(_genwire_httplib_mode QUIET)
else()
  set(_genwire_httplib_mode REQUIRED)
endif()

if(NOT TARGET httplib::httplib)
  find_package(httplib CONFIG QUIET)
endif()

if(NOT TARGET httplib::httplib)
  find_package(PkgConfig ${_genwire_httplib_mode})
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(GENWIRE_CPPHTTPLIB ${_genwire_httplib_mode} IMPORTED_TARGET GLOBAL cpp-httplib)
  endif()
  find_package(Threads ${_genwire_httplib_mode})
  if(TARGET PkgConfig::GENWIRE_CPPHTTPLIB AND TARGET Threads::Threads)
    # An imported target of that name (not an ALIAS, which an export would write by the name it
    # stands for), so that installed targets linking it name httplib::httplib.
    add_library(httplib::httplib INTERFACE IMPORTED GLOBAL)
    target_link_libraries(httplib::httplib INTERFACE PkgConfig::GENWIRE_CPPHTTPLIB Threads::Threads)
    message(STATUS "genwire: cpp-httplib ${GENWIRE_CPPHTTPLIB_VERSION} via pkg-config (httplib::httplib)")
  endif()
endif()
unset(_genwire_httplib_mode)

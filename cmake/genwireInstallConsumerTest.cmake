# cmake -P script behind the `install_consumer` CTest test (see tests/CMakeLists.txt).
# Inputs (-D): GENWIRE_BINARY_DIR CONSUMER_SOURCE_DIR WORK_DIR CONFIG GENERATOR CONSUMER_FLAGS
#              CXX_COMPILER EXPECTED_VERSION EXPECT_CLIENT EXPECT_ENDPOINTS
foreach(var GENWIRE_BINARY_DIR CONSUMER_SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install_consumer: ${var} not set")
  endif()
endforeach()
if(NOT CONFIG)
  set(CONFIG Release)
endif()

set(prefix "${WORK_DIR}/prefix")
set(build  "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(step what)
  message(STATUS "install_consumer: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install_consumer: '${what}' failed (${rc})")
  endif()
endfunction()

step("install genwire into ${prefix}"
  "${CMAKE_COMMAND}" --install "${GENWIRE_BINARY_DIR}" --prefix "${prefix}"
  --config "${CONFIG}" --component genwire_Development)

step("configure consumer"
  "${CMAKE_COMMAND}" -S "${CONSUMER_SOURCE_DIR}" -B "${build}" -G "${GENERATOR}"
  "-DCMAKE_BUILD_TYPE=${CONFIG}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}"
  "-DCMAKE_PREFIX_PATH=${prefix}"
  "-DGENWIRE_EXPECTED_PREFIX=${prefix}"
  "-DGENWIRE_EXPECTED_VERSION=${EXPECTED_VERSION}"
  "-DGENWIRE_EXPECT_CLIENT=${EXPECT_CLIENT}"
  "-DGENWIRE_EXPECT_ENDPOINTS=${EXPECT_ENDPOINTS}"
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)

step("build consumer"
  "${CMAKE_COMMAND}" --build "${build}" --config "${CONFIG}")

find_program(consumer genwire_consumer
  PATHS "${build}" "${build}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
step("run consumer" "${consumer}")
if(EXPECT_CLIENT)
  find_program(client_consumer genwire_client_consumer
    PATHS "${build}" "${build}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
  step("run client consumer" "${client_consumer}")
endif()

if(EXPECT_ENDPOINTS)
  find_program(endpoints_consumer genwire_endpoints_consumer
    PATHS "${build}" "${build}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
  step("run endpoints consumer" "${endpoints_consumer}")
endif()

message(STATUS "install_consumer: OK")

# Runs MEDSEARCH with ARGS ('|'-separated), checks the exit code is EXPECTED_EXIT and, when EXPECTED_STDOUT
# names a file, that stdout equals it byte for byte.
string(REPLACE "|" ";" args "${ARGS}")
if(EXPECTED_STDOUT AND NOT EXISTS "${EXPECTED_STDOUT}")
  message(FATAL_ERROR "expected output ${EXPECTED_STDOUT} not found (is ../shared beside the repository?)")
endif()
execute_process(COMMAND "${MEDSEARCH}" ${args}
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
if(NOT exit_code EQUAL EXPECTED_EXIT)
  message(FATAL_ERROR "medsearch ${args}\nexited ${exit_code}, expected ${EXPECTED_EXIT}\nstdout:\n${stdout}\nstderr:\n${stderr}")
endif()
if(EXPECTED_STDOUT)
  file(READ "${EXPECTED_STDOUT}" expected)
  if(NOT stdout STREQUAL expected)
    message(FATAL_ERROR "medsearch ${args}\nprinted:\n${stdout}\nexpected (${EXPECTED_STDOUT}):\n${expected}")
  endif()
endif()
message(STATUS "medsearch ${args}: exit ${exit_code}\n${stderr}")

# The layers the build enforces: every `#include "folder/..."` of a source folder must name the folder itself
# or a folder its layer may depend on (the table below). A lower layer including a higher one fails, naming
# the file, the line and the include; so does an include of a folder the table does not know.
#
#   cmake -DROOT=<repository root> -P cmake/check_layers.cmake
#
# Run by ctest (tests/layers/), on the repository and on a fixture with a deliberate upward include.

cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "check_layers: give -DROOT=<repository root>")
endif()

# Pipeline order, lowest first. A folder may include the folders listed for it, and nothing else.
set(allowed_common       "")
set(allowed_readers      common)
set(allowed_analysis     common)
set(allowed_indexer      common readers analysis)
set(allowed_query        common readers analysis indexer)
set(allowed_ranking      common readers analysis indexer query)
set(allowed_conversation common readers analysis indexer query ranking)
set(allowed_eval         common readers analysis indexer query ranking conversation)
set(allowed_output       common readers analysis indexer query ranking conversation)
set(allowed_server       common readers analysis indexer query ranking conversation eval output)
set(allowed_cli          common readers analysis indexer query ranking conversation eval output server)
# Beside the pipeline: programs that make data, fuzz or measure it, and the tests, which see everything.
set(allowed_tools        common readers analysis indexer query ranking conversation eval)
set(allowed_fuzz         common readers analysis indexer query ranking conversation eval)
set(allowed_benchmarks   common readers analysis indexer query ranking conversation eval)
set(allowed_tests        common readers analysis indexer query ranking conversation eval output server cli tools fuzz benchmarks tests)
set(layers common readers analysis indexer query ranking conversation eval output server cli tools fuzz benchmarks tests)

set(violations "")
set(checked 0)
foreach(layer IN LISTS layers)
  if(NOT IS_DIRECTORY "${ROOT}/${layer}")
    continue()
  endif()
  file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cc")
  foreach(source IN LISTS sources)
    math(EXPR checked "${checked} + 1")
    file(STRINGS "${ROOT}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
      if(NOT line MATCHES "\"([^\"/]+)/[^\"]*\"")
        continue()  # an include without a folder (a generated or system-style header)
      endif()
      set(target "${CMAKE_MATCH_1}")
      if(target STREQUAL layer OR target IN_LIST allowed_${layer})
        continue()
      endif()
      string(STRIP "${line}" line)
      set(others "${allowed_${layer}}")
      if(NOT others)
        set(others "nothing else")
      endif()
      string(REPLACE ";" " " others "${others}")
      list(APPEND violations "${source}: ${line}: ${layer}/ may include only itself and: ${others}")
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  string(REPLACE ";" "\n" report "${violations}")
  message(NOTICE "${report}")  # unwrapped, one line per include
  message(FATAL_ERROR "check_layers: ${count} include(s) against the layer order (above)")
endif()
message(STATUS "check_layers: ${checked} files, every include within its layer's dependencies")

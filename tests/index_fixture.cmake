# A ctest fixture: an index made once per test run (removed first, so a changed corpus never meets an old
# index) with `medsearch index`, for the tests that only read it. Each of those tests is a process of its
# own; indexing the bundled corpus in every one of them cost seconds per test, and about 25 s per test
# under the sanitizers.
#   cmake -DMEDSEARCH=program -DDB=folder -DCORPUS=path[|path...] -P index_fixture.cmake
foreach(variable MEDSEARCH DB CORPUS)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "index_fixture.cmake: -D${variable}=... is required")
  endif()
endforeach()
string(REPLACE "|" ";" paths "${CORPUS}")
file(REMOVE_RECURSE "${DB}")
execute_process(COMMAND "${MEDSEARCH}" index --db "${DB}" ${paths} COMMAND_ERROR_IS_FATAL ANY)

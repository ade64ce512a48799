# Warnings and sanitizers are set per target, never through global CMAKE_CXX_FLAGS.
function(medsearch_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(MEDSEARCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # GCC 12 at -O3 reports -Wrestrict for `"literal" + std::string` inside libstdc++ (GCC bug 105329, a
  # false positive); Release builds would otherwise drown real warnings in it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  if(MEDSEARCH_FUZZ)
    # Every library is instrumented for coverage, so the fuzzers explore the code they call, not only themselves.
    target_compile_options(${target} PUBLIC -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                                            -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  elseif(MEDSEARCH_SANITIZE STREQUAL "thread")
    target_compile_options(${target} PUBLIC -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=thread)
  elseif(MEDSEARCH_SANITIZE)
    # Undefined behaviour stops the program (it would otherwise print and go on, and the test pass).
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()

# Precompiles the header-only libraries every file of the target includes (MEDSEARCH_PCH, see CMakeLists.txt).
function(medsearch_precompile target)
  if(MEDSEARCH_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()

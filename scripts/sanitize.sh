#!/usr/bin/env bash
# The test suite under sanitizers (CI runs it after scripts/test.sh):
#   address: every test but those tagged [slow] or [rss] (tests/CMakeLists.txt says why), built with clang,
#            AddressSanitizer and UndefinedBehaviorSanitizer in the fuzzing build (build-fuzz/, or
#            MEDSEARCH_FUZZ_BUILD): the libraries are compiled once for both, and scripts/fuzz.sh then
#            only links its targets;
#   thread:  the tests that use threads (Catch tag [threads]: eval --threads, the session lock), built with
#            ThreadSanitizer (build-tsan/), with the medsearch program they run.
# Any sanitizer report stops the program that made it, so the test fails.
#   scripts/sanitize.sh [address] [thread]     (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ "${#kinds[@]}" -eq 0 ] && kinds=(address thread)
jobs="$(nproc)"

export ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

build_fuzz="${MEDSEARCH_FUZZ_BUILD:-build-fuzz}"
# -O1 and line tables only, as the sanitizers' documentation advises: reports keep file:line, and the builds
# take less of CI's time than -O2 -g. scripts/fuzz.sh configures its folder the same way.
flags=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG")

for kind in "${kinds[@]}"; do
    start=$SECONDS
    case "$kind" in
        address)
            # Configured every time: a folder scripts/fuzz.sh made alone has the tests switched off.
            cmake -S . -B "$build_fuzz" -G Ninja "${flags[@]}" -DMEDSEARCH_FUZZ=ON -DBUILD_TESTING=ON >/dev/null
            cmake --build "$build_fuzz" -j"$jobs"
            ctest --test-dir "$build_fuzz" --output-on-failure -j"$jobs" --no-tests=error
            ;;
        thread)
            [ -f build-tsan/CMakeCache.txt ] ||
                cmake -S . -B build-tsan -G Ninja "${flags[@]}" -DMEDSEARCH_SANITIZE=thread >/dev/null
            cmake --build build-tsan -j"$jobs" --target medsearch eval_tests cli_tests sessions_tests server_tests
            for tests in eval/eval_tests cli/cli_tests sessions/sessions_tests server/server_tests; do
                echo "== build-tsan/tests/$tests [threads]"
                "build-tsan/tests/$tests" "[threads]"
            done
            ;;
        *)
            echo "sanitize.sh: unknown sanitizer $kind (address or thread)" >&2
            exit 2
            ;;
    esac
    echo "sanitize.sh: $kind done in $((SECONDS - start)) s"
done

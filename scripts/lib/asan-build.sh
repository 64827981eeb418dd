# asan-build.sh (sourced): configures and builds build-asan/, the one clang build with AddressSanitizer +
# UndefinedBehaviorSanitizer that serves both the whole test suite (scripts/test-sanitizers) and the libFuzzer
# targets (scripts/fuzz): fuzzer-no-link adds libFuzzer's coverage instrumentation to every library, which the test
# programs carry at no cost beyond speed, so one compile of the project serves both.
#
#   asan_build ROOT [NINJA_TARGET...]   (no target: everything)
asan_build() {
  local root="$1"
  shift
  local flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DSIDEWALK_FUZZ=ON \
    -DSIDEWALK_BUILD_TESTS=ON -DSIDEWALK_BUILD_BENCH=OFF -DSIDEWALK_BUILD_DASHBOARD=OFF >/dev/null
  ninja -C "$root/build-asan" "$@" >/dev/null
}

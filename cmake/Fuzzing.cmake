# ONESTOP_FUZZ: every target, libraries included, is built with libFuzzer's coverage
# instrumentation plus AddressSanitizer and UndefinedBehaviorSanitizer, so the fuzzers in
# tests/fuzz see inside the parsers and any memory error or UB stops the run. The fuzz
# executables add -fsanitize=fuzzer (the libFuzzer main) themselves. Included from the root
# CMakeLists.txt, or injected with -DCMAKE_PROJECT_INCLUDE by scripts/fuzz: once either way.
include_guard(GLOBAL)
if(ONESTOP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ONESTOP_FUZZ=ON needs clang and clang++ (libFuzzer); configure with "
                        "CC=clang-16 CXX=clang++-16, as scripts/fuzz does.")
  endif()
  # The code uses std::source_location, which libstdc++ only offers to clang 15 and later
  # (__builtin_source_location); Debian 12's default clang is 14: install clang-16 and
  # libclang-rt-16-dev.
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 15)
    message(FATAL_ERROR "ONESTOP_FUZZ=ON needs clang 15 or later (std::source_location), found "
                        "${CMAKE_CXX_COMPILER_VERSION}: apt-get install clang-16 libclang-rt-16-dev "
                        "and configure with CC=clang-16 CXX=clang++-16 (scripts/fuzz picks it).")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  set(ONESTOP_FUZZING_FLAGS ON)
endif()

# onestop_warnings: the warning set every first-party target uses.
add_library(onestop_warnings INTERFACE)
target_compile_options(onestop_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wformat=2
  -Wimplicit-fallthrough)
# GCC 12 at -O3 reports -Wrestrict/-Warray-bounds inside libstdc++'s own string and vector code
# (GCC bugs 105329, 105651): false positives that would fail a -Werror Release build.
target_compile_options(onestop_warnings INTERFACE
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict;-Wno-array-bounds>)
if(ONESTOP_WERROR)
  target_compile_options(onestop_warnings INTERFACE -Werror)
endif()
# C sources (plugin ABI fixtures) only get the options that exist for C.
add_library(onestop_c_warnings INTERFACE)
target_compile_options(onestop_c_warnings INTERFACE -Wall -Wextra -Wpedantic
  $<$<BOOL:${ONESTOP_WERROR}>:-Werror>)

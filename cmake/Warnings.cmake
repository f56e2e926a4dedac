# onestop_warnings: the warning set every first-party target uses.
add_library(onestop_warnings INTERFACE)
target_compile_options(onestop_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wformat=2
  -Wimplicit-fallthrough)
if(ONESTOP_WERROR)
  target_compile_options(onestop_warnings INTERFACE -Werror)
endif()
# C sources (plugin ABI fixtures) only get the options that exist for C.
add_library(onestop_c_warnings INTERFACE)
target_compile_options(onestop_c_warnings INTERFACE -Wall -Wextra -Wpedantic
  $<$<BOOL:${ONESTOP_WERROR}>:-Werror>)

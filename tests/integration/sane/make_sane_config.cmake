# cmake -DDIR=<folder> -P make_sane_config.cmake
# Writes a private SANE config into DIR that loads only the "test" backend, with the scan area
# raised to 300 mm so A4 fits (the same as tests/support/sane_fixture.cpp, for ctest runs of
# programs that only read SANE_CONFIG_DIR from their environment).
if(NOT DIR)
  message(FATAL_ERROR "make_sane_config.cmake: pass -DDIR=<folder>")
endif()
set(stock "/etc/sane.d/test.conf")
if(NOT EXISTS "${stock}")
  message(FATAL_ERROR "${stock} missing: apt-get install libsane1 (scripts/setup)")
endif()
file(MAKE_DIRECTORY "${DIR}")
file(WRITE "${DIR}/dll.conf" "test\n")
file(READ "${stock}" conf)
string(REGEX REPLACE "(^|\n)geometry_max [^\n]*" "\\1geometry_max 300.0" conf "${conf}")
file(WRITE "${DIR}/test.conf" "${conf}")

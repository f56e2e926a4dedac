# onestop_add_device_plugin(<id> CORE <static core target> ENTRY <entry source> [MODULE <name>])
#
# Builds a device plugin the way the loader expects it: a module exporting only
# onestop_plugin_entry (everything else hidden, unresolved symbols fail the link rather than the
# load), staged with its manifest.json as ${ONESTOP_PLUGIN_STAGE_DIR}/<id>/. The core library
# holds everything but the entry point so tests can link it. Sets <id>_PLUGIN_DIR for the caller.
function(onestop_add_device_plugin id)
  cmake_parse_arguments(arg "" "CORE;ENTRY;MODULE" "" ${ARGN})
  if(NOT arg_MODULE)
    set(arg_MODULE "onestop_${id}")
  endif()
  set(dir "${ONESTOP_PLUGIN_STAGE_DIR}/${id}")
  set_target_properties(${arg_CORE} PROPERTIES
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON POSITION_INDEPENDENT_CODE ON)
  add_library(${arg_MODULE} MODULE ${arg_ENTRY})
  target_link_libraries(${arg_MODULE} PRIVATE ${arg_CORE} onestop_warnings)
  set_target_properties(${arg_MODULE} PROPERTIES
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    # "$<0:>" keeps multi-config generators from adding a per-configuration subfolder.
    LIBRARY_OUTPUT_DIRECTORY "${dir}$<0:>")
  target_link_options(${arg_MODULE} PRIVATE LINKER:--no-undefined LINKER:--exclude-libs,ALL)
  configure_file(manifest.json "${dir}/manifest.json" COPYONLY)
  set(${id}_PLUGIN_DIR "${dir}" PARENT_SCOPE)
endfunction()

# st_layer(): one library per layer folder, and the include rule the build enforces for it.
#
#   st_layer(NAME FOLDER dir [DEPENDS layer...] [LIBS external...] [SOURCES file...] [EXCLUDE file...])
#
# Builds library NAME from the sources of `dir` (or the SOURCES given, relative to it) (an INTERFACE library when the folder has headers only) and links
# the layers named in DEPENDS, each of which must already exist: layers are declared bottom to top, so the layer
# graph is a DAG by construction. A file of `dir` may include the project headers of `dir` itself and of every
# layer NAME depends on, directly or through another layer; anything else fails the build (a check runs before
# NAME is compiled) and the ctest `layers.NAME` (cmake/check_includes.cmake).
set(ST_CHECK_INCLUDES ${CMAKE_CURRENT_LIST_DIR}/check_includes.cmake)

function(st_layer name)
  cmake_parse_arguments(L "" "FOLDER" "DEPENDS;LIBS;SOURCES;EXCLUDE" ${ARGN})
  set(dir ${PROJECT_SOURCE_DIR}/${L_FOLDER})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  file(GLOB_RECURSE headers CONFIGURE_DEPENDS ${dir}/*.hpp)
  set(checked ${sources} ${headers})  # every file of the folder, whatever the library compiles
  if(L_SOURCES)
    list(TRANSFORM L_SOURCES PREPEND ${dir}/ OUTPUT_VARIABLE sources)
  endif()
  foreach(x ${L_EXCLUDE})
    list(REMOVE_ITEM sources ${dir}/${x})
  endforeach()
  # The folders this layer may include: its own and those of every layer below it that it reaches.
  set(allowed ${L_FOLDER})
  foreach(dep ${L_DEPENDS})
    if(NOT TARGET ${dep})
      message(FATAL_ERROR "layer ${name} depends on ${dep}, which is not declared below it")
    endif()
    get_property(dep_allowed GLOBAL PROPERTY ST_LAYER_ALLOWED_${dep})
    if(NOT DEFINED dep_allowed OR dep_allowed STREQUAL "")
      message(FATAL_ERROR "${dep} is not a layer (declare it with st_layer)")
    endif()
    list(APPEND allowed ${dep_allowed})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set_property(GLOBAL PROPERTY ST_LAYER_ALLOWED_${name} "${allowed}")
  set_property(GLOBAL APPEND PROPERTY ST_LAYERS ${name})

  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${L_DEPENDS} ${L_LIBS})
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} INTERFACE ${L_DEPENDS} ${L_LIBS})
  endif()

  string(REPLACE ";" "," allowed_arg "${allowed}")
  set(check_args -DST_ROOT=${PROJECT_SOURCE_DIR} -DST_LAYER=${name} -DST_FOLDER=${L_FOLDER} "-DST_ALLOWED=${allowed_arg}"
                 -P ${ST_CHECK_INCLUDES})
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${name}.includes-ok)
  add_custom_command(OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} ${check_args}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${checked} ${ST_CHECK_INCLUDES}
    COMMENT "Checking the includes of layer ${name} (${L_FOLDER})"
    VERBATIM)
  add_custom_target(${name}_includes DEPENDS ${stamp})
  add_dependencies(${name} ${name}_includes)
  set_property(GLOBAL PROPERTY ST_LAYER_CHECK_${name} "${check_args}")
endfunction()

# One ctest per layer (call after enable_testing()): the same include check as the build's.
function(st_layer_tests)
  get_property(layers GLOBAL PROPERTY ST_LAYERS)
  foreach(name ${layers})
    get_property(args GLOBAL PROPERTY ST_LAYER_CHECK_${name})
    add_test(NAME layers.${name} COMMAND ${CMAKE_COMMAND} ${args})
    set_tests_properties(layers.${name} PROPERTIES LABELS layers)
  endforeach()
endfunction()

# check_includes.cmake: fails when a file of a layer's folder includes a project header outside the folders the
# layer may include (st_layer.cmake). Run as: cmake -DST_ROOT=... -DST_LAYER=... -DST_FOLDER=... -DST_ALLOWED=a,b
# -P check_includes.cmake. Project headers are included with quotes and a path from the project root
# ("models/air/air_interface.hpp"); system and library headers with angle brackets are not checked.
string(REPLACE "," ";" allowed "${ST_ALLOWED}")
file(GLOB_RECURSE files ${ST_ROOT}/${ST_FOLDER}/*.cpp ${ST_ROOT}/${ST_FOLDER}/*.hpp)
set(problems "")
foreach(f ${files})
  file(STRINGS ${f} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
  file(RELATIVE_PATH rel ${ST_ROOT} ${f})
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*" "\\1" inc "${line}")
    set(ok FALSE)
    foreach(a ${allowed})
      string(FIND "${inc}" "${a}/" at)
      if(at EQUAL 0)
        set(ok TRUE)
        break()
      endif()
    endforeach()
    if(NOT ok)
      string(APPEND problems "  ${rel} includes \"${inc}\"\n")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "layer ${ST_LAYER} (${ST_FOLDER}) may include only ${ST_ALLOWED}:\n${problems}"
                      "Move the shared piece down a layer (docs/architecture.md, 'Layers'), or make ${ST_LAYER} "
                      "depend on the layer it needs if that keeps the layers a DAG.")
endif()

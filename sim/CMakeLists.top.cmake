# World builder, run outputs and the command line (the top layer).
add_library(st_world STATIC
  world/world_config_from_scenario.cpp
  world/timeline_driver.cpp
  world/world.cpp
  output/number_format.cpp
  output/run_directory.cpp
  output/run_recorder.cpp
  output/pcap_writer.cpp
  output/expectation_check.cpp
  output/run_summary.cpp
  output/radio_report.cpp
  output/telemetry_records.cpp
  cli/progress_line.cpp
  cli/run_command.cpp
  cli/airtime_command.cpp
)
target_include_directories(st_world PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(st_world PUBLIC st_models st_scenario st_telemetry nlohmann_json::nlohmann_json)

add_executable(sidewalk-twin cli/main.cpp)
target_link_libraries(sidewalk-twin PRIVATE st_world CLI11::CLI11 PkgConfig::SystemC)
set_target_properties(sidewalk-twin PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})

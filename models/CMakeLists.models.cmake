# st_models: cloud actors, gateways, the device-to-gateway hop and the device lifecycle flows.
add_library(st_models STATIC
  channel/position.cpp
  channel/path_loss.cpp
  channel/radio_specs.cpp
  channel/channel_plan.cpp
  channel/spatial_grid.cpp
  channel/radio_medium.cpp
  cloud/cloud_partner_registry.cpp
  gateway/gateway_pool.cpp
  gateway/radio_access_network.cpp
  lifecycle/fleet.cpp
  lifecycle/device_provisioning.cpp
  lifecycle/device_registration.cpp
  lifecycle/device_traffic.cpp
  lifecycle/device_lifecycle.cpp
)
target_include_directories(st_models PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(st_models PUBLIC st_security st_hw st_kernel)

// Fuzz target: the secure frame decoder on both sides of the traffic path (network server: an uplink's network
// layer then its application part; device: a downlink's two layers), with fixed session keys and fresh windows.
#include "fuzz/fuzz_support.hpp"
#include "models/security/secure_frame.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace s = st::security;
  s::SessionKey net, app;
  net.install({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1);
  app.install({16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 1);
  const auto frame = st::fuzz::bytes(data, size);
  s::ReplayWindow net_window, app_window, down_net, down_app;
  s::Bytes inner, payload;
  if (s::open_uplink_network(net, frame, net_window, inner) == s::FrameError::None)
    (void)s::open_uplink_application(app, inner, app_window, payload);
  (void)s::open_uplink_application(app, frame, app_window, payload);
  (void)s::open_downlink(app, net, frame, down_net, down_app, payload);
  return 0;
}

// Fuzz target: the seven registration handshake messages (bytes -> the message or nothing); the first byte picks it.
#include "fuzz/fuzz_support.hpp"
#include "models/security/handshake_messages.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  namespace s = st::security;
  const auto m = st::fuzz::bytes(data + 1, size - 1);
  switch (data[0] % 7) {
    case 0: if (auto x = s::parse_device_hello(m)) (void)s::encode(*x); break;
    case 1: if (auto x = s::parse_app_key_request(m)) (void)s::encode(*x); break;
    case 2: if (auto x = s::parse_app_key_response(m)) (void)s::encode(*x); break;
    case 3: if (auto x = s::parse_server_hello(m)) (void)s::encode(*x); break;
    case 4: if (auto x = s::parse_device_confirm(m)) (void)s::encode(*x); break;
    case 5: if (auto x = s::parse_app_confirm(m)) (void)s::encode(*x); break;
    case 6: if (auto x = s::parse_server_confirm(m)) (void)s::encode(*x); break;
  }
  return 0;
}

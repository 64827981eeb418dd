// The handshake key schedule: HKDF-SHA256 extract once per layer, expand per label.
#include "models/security/key_schedule.hpp"

#include <openssl/crypto.h>

#include "models/security/primitives.hpp"

namespace st::security::key_schedule {

Hash transcript_hash(std::string_view label, std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  Bytes in;
  in.reserve(label.size() + a.size() + b.size());
  append(in, as_bytes(label));
  append(in, a);
  append(in, b);
  return sha256(in);
}

void LayerKeys::wipe() {
  OPENSSL_cleanse(session.data(), session.size());
  OPENSSL_cleanse(confirm_device.data(), confirm_device.size());
  OPENSSL_cleanse(confirm_server.data(), confirm_server.size());
}

namespace {
LayerKeys derive(std::span<const std::uint8_t, 32> secret, const Hash& salt, std::string_view session_label,
                 std::string_view device_label, std::string_view server_label) {
  // HKDF(salt, ikm, info) = Expand(Extract(salt, ikm), info): extract once, expand three labels.
  auto prk = hkdf_sha256_extract(salt, secret);
  LayerKeys k;
  hkdf_sha256_expand(prk, as_bytes(session_label), k.session);
  hkdf_sha256_expand(prk, as_bytes(device_label), k.confirm_device);
  hkdf_sha256_expand(prk, as_bytes(server_label), k.confirm_server);
  OPENSSL_cleanse(prk.data(), prk.size());
  return k;
}
}  // namespace

LayerKeys derive_network(std::span<const std::uint8_t, 32> secret, const Hash& salt) {
  return derive(secret, salt, kNetworkSessionKey, kNetworkConfirmDevice, kNetworkConfirmServer);
}

LayerKeys derive_application(std::span<const std::uint8_t, 32> secret, const Hash& salt) {
  return derive(secret, salt, kAppSessionKey, kAppConfirmDevice, kAppConfirmServer);
}

Bytes app_server_signed(std::span<const std::uint8_t> smsn, std::span<const std::uint8_t> device_ephemeral,
                        std::span<const std::uint8_t> as_ephemeral, std::span<const std::uint8_t> device_nonce) {
  Bytes m;
  append(m, as_bytes(kAppServerSignatureLabel));
  append(m, smsn);
  append(m, device_ephemeral);
  append(m, as_ephemeral);
  append(m, device_nonce);
  return m;
}

Bytes server_signed(const Hash& th2) {
  Bytes m;
  append(m, as_bytes(kServerSignatureLabel));
  append(m, th2);
  return m;
}

}  // namespace st::security::key_schedule

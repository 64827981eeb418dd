// Fuzz target: a 4-0-1 control-log record as the manufacturing ingest parses it (JSON text -> the record with both
// chains decoded, or the defect), then the chains' signatures checked.
#include <variant>

#include "fuzz/fuzz_support.hpp"
#include "models/cloud/control_log_record.hpp"
#include "models/security/chain_blob.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = st::models::parse_control_log_text(st::fuzz::text(data, size));
  if (const auto* r = std::get_if<st::models::ControlLogRecord>(&parsed)) {
    for (std::size_t a = 0; a < 2; ++a) {
      const auto alg = static_cast<st::security::SignatureAlgorithm>(a);
      st::security::DeviceChain chain;
      if (!st::security::parse_chain(alg, r->chain_blobs[a], chain))
        (void)st::security::check_chain_signatures(alg, chain);
    }
  }
  return 0;
}

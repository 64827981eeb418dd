// SignatureVerdicts: SHA-256 digests truncated to 128 bits in open-addressing tables that double at half load; the
// recent verdicts in two generations.
#include "models/security/signature_verdicts.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>

#include "models/security/primitives.hpp"

namespace st::security {

SignatureVerdicts::SignatureVerdicts(std::size_t recent_capacity)
    : recent_capacity_(recent_capacity > 0 ? recent_capacity : 1) {}

SignatureVerdicts::Digest SignatureVerdicts::digest(SignatureAlgorithm alg,
                                                    std::initializer_list<std::span<const std::uint8_t>> parts) {
  Bytes buf;
  buf.push_back(static_cast<std::uint8_t>(alg));
  for (const auto& p : parts) {
    const std::uint32_t n = static_cast<std::uint32_t>(p.size());
    for (int i = 3; i >= 0; --i) buf.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
    buf.insert(buf.end(), p.begin(), p.end());
  }
  const auto h = sha256(buf);
  Digest d{};
  std::memcpy(d.data(), h.data(), sizeof(d));
  if (d[0] == 0 && d[1] == 0) d[1] = 1;  // keep the empty-slot marker free
  return d;
}

bool SignatureVerdicts::verify(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key,
                               std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig64) {
  const Digest d = digest(alg, {public_key, msg, sig64});
  if (known(d)) return true;
  if (!st::security::verify(alg, public_key, msg, sig64)) return false;
  remember(d);
  return true;
}

bool SignatureVerdicts::verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public,
                                           const CertRecord& record) {
  return verify(alg, issuer_public, signed_message(record.public_key, record.serial), record.signature);
}

bool SignatureVerdicts::verify_recent(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key,
                                      std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig64) {
  const Digest d = digest(alg, {public_key, msg, sig64});
  {
    std::shared_lock lock(mutex_);
    if (recent_[0].contains(d) || recent_[1].contains(d)) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      return true;
    }
  }
  if (!verify_long_lived(alg, public_key, msg, sig64)) return false;
  std::unique_lock lock(mutex_);
  if (recent_[0].contains(d) || recent_[1].contains(d)) return true;  // another thread verified it meanwhile
  if (recent_[current_].size() >= recent_capacity_) {
    current_ ^= 1;
    recent_[current_].clear();
  }
  recent_[current_].insert(d);
  return true;
}

bool SignatureVerdicts::known(const Digest& d) const {
  std::shared_lock lock(mutex_);
  if (!lasting_.contains(d)) return false;
  hits_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void SignatureVerdicts::remember(const Digest& d) {
  std::unique_lock lock(mutex_);
  if (!lasting_.contains(d)) lasting_.insert(d);
}

std::size_t SignatureVerdicts::size() const {
  std::shared_lock lock(mutex_);
  return lasting_.size();
}

std::size_t SignatureVerdicts::recent_size() const {
  std::shared_lock lock(mutex_);
  return recent_[0].size() + recent_[1].size();
}

std::uint64_t SignatureVerdicts::hits() const {
  return hits_.load(std::memory_order_relaxed);
}

bool SignatureVerdicts::DigestTable::contains(const Digest& d) const {
  if (slots_.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(d[0]) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == d) return true;
    if (slots_[i][0] == 0 && slots_[i][1] == 0) return false;
  }
}

void SignatureVerdicts::DigestTable::insert(const Digest& d) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(d[0]) & mask;
  while (!(slots_[i][0] == 0 && slots_[i][1] == 0)) i = (i + 1) & mask;
  slots_[i] = d;
  ++size_;
}

void SignatureVerdicts::DigestTable::clear() {
  std::fill(slots_.begin(), slots_.end(), Digest{});  // keeps the capacity: the generation fills up again
  size_ = 0;
}

void SignatureVerdicts::DigestTable::grow() {
  HugePageVector<Digest> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Digest{});
  size_ = 0;
  for (const Digest& d : old)
    if (d[0] != 0 || d[1] != 0) insert(d);
}

}  // namespace st::security

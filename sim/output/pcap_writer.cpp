// PcapWriter: the classic pcap global header, one record header per frame and the pseudo-header, written byte by
// byte in little-endian order (the byte order the magic number announces).
#include "sim/output/pcap_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace st::output {

namespace {

template <typename T>
void put_le(std::uint8_t* out, T v) {
  for (std::size_t i = 0; i < sizeof(T); ++i) out[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * i));
}

// A physical value in hundredths, rounded to nearest and clamped to int16; a NaN is kUnknownCenti.
std::int16_t centi(double v) {
  if (std::isnan(v)) return pcap::kUnknownCenti;
  const double c = std::clamp(v * 100.0, -32767.0, 32767.0);
  return static_cast<std::int16_t>(std::lround(c));
}

std::uint32_t hertz(double f) {
  if (std::isnan(f) || f <= 0.0) return 0;
  if (f >= 4294967295.0) return std::numeric_limits<std::uint32_t>::max();
  return static_cast<std::uint32_t>(std::llround(f));
}

std::string cause_of_errno(int err) { return err != 0 ? std::generic_category().message(err) : "unknown error"; }

}  // namespace

namespace pcap {

PseudoHeader pseudo_header(const metrics::RadioFrameRecord& r) {
  PseudoHeader h{};
  std::uint8_t* p = h.data();
  p[kOffMagic] = kPseudoMagic0;
  p[kOffMagic + 1] = kPseudoMagic1;
  p[kOffVersion] = kPseudoVersion;
  p[kOffHeaderLength] = static_cast<std::uint8_t>(kPseudoHeaderSize);
  std::uint8_t flags = 0;
  if (r.bytes.empty()) flags |= kFlagNoBytes;
  else if (r.bytes.size() < r.length) flags |= kFlagPartialBytes;
  p[kOffFlags] = flags;
  p[kOffLink] = static_cast<std::uint8_t>(r.link);
  p[kOffDirection] = r.uplink ? 0 : 1;
  p[kOffMessage] = static_cast<std::uint8_t>(code_of(r.message));
  p[kOffOutcome] = static_cast<std::uint8_t>(code_of(r.outcome));
  p[kOffReserved1] = 0;
  put_le<std::uint16_t>(p + kOffChannel, r.channel);
  put_le<std::uint16_t>(p + kOffDeviceType, r.device_type);
  put_le<std::uint16_t>(p + kOffRssi, static_cast<std::uint16_t>(centi(r.rssi_dbm)));
  put_le<std::uint16_t>(p + kOffSnr, static_cast<std::uint16_t>(centi(r.snr_db)));
  put_le<std::uint16_t>(p + kOffReserved2, 0);
  put_le<std::uint32_t>(p + kOffFrequency, hertz(r.frequency_hz));
  put_le<std::uint32_t>(p + kOffDevice, r.device);
  put_le<std::uint32_t>(p + kOffGateway, r.gateway);
  put_le<std::uint32_t>(p + kOffPhyLength, r.length);
  put_le<std::uint64_t>(p + kOffAirtime, r.end >= r.start ? r.end - r.start : 0);
  return h;
}

}  // namespace pcap

PcapWriter::PcapWriter(const std::filesystem::path& path) : path_(path) {
  errno = 0;
  out_.open(path_, std::ios::binary | std::ios::trunc);
  if (!out_.is_open())
    throw std::runtime_error("cannot write pcap file " + path_.string() + ": " + cause_of_errno(errno));
  std::array<std::uint8_t, pcap::kGlobalHeaderSize> g{};
  put_le<std::uint32_t>(g.data() + 0, pcap::kMagicNanosecond);
  put_le<std::uint16_t>(g.data() + 4, pcap::kVersionMajor);
  put_le<std::uint16_t>(g.data() + 6, pcap::kVersionMinor);
  put_le<std::int32_t>(g.data() + 8, 0);     // thiszone: 0 (timestamps count from the run start, not wall time)
  put_le<std::uint32_t>(g.data() + 12, 0);   // sigfigs
  put_le<std::uint32_t>(g.data() + 16, pcap::kSnapLen);
  put_le<std::uint32_t>(g.data() + 20, pcap::kLinkTypeUser0);
  out_.write(reinterpret_cast<const char*>(g.data()), static_cast<std::streamsize>(g.size()));
  check("write the header of");
}

PcapWriter::~PcapWriter() {
  if (out_.is_open()) out_.close();
}

void PcapWriter::check(const char* what) {
  if (!out_) throw std::runtime_error(std::string("cannot ") + what + " pcap file " + path_.string());
}

void PcapWriter::write(const metrics::RadioFrameRecord& r) {
  if (!out_.is_open()) throw std::runtime_error("pcap file " + path_.string() + " written after close()");
  const SimTime sec = r.start / kSecond;
  if (sec > std::numeric_limits<std::uint32_t>::max())
    throw std::runtime_error("pcap file " + path_.string() + ": frame time beyond 2^32 s");
  const std::size_t max_bytes = pcap::kSnapLen - pcap::kPseudoHeaderSize;
  const std::size_t captured = std::min(r.bytes.size(), max_bytes);
  const std::uint64_t orig = pcap::kPseudoHeaderSize + std::max<std::uint64_t>(r.length, r.bytes.size());

  std::array<std::uint8_t, pcap::kRecordHeaderSize> rh{};
  put_le<std::uint32_t>(rh.data() + 0, static_cast<std::uint32_t>(sec));
  put_le<std::uint32_t>(rh.data() + 4, static_cast<std::uint32_t>(r.start % kSecond));
  put_le<std::uint32_t>(rh.data() + 8, static_cast<std::uint32_t>(pcap::kPseudoHeaderSize + captured));
  put_le<std::uint32_t>(rh.data() + 12,
                        static_cast<std::uint32_t>(std::min<std::uint64_t>(orig, std::numeric_limits<std::uint32_t>::max())));
  const pcap::PseudoHeader ph = pcap::pseudo_header(r);
  out_.write(reinterpret_cast<const char*>(rh.data()), static_cast<std::streamsize>(rh.size()));
  out_.write(reinterpret_cast<const char*>(ph.data()), static_cast<std::streamsize>(ph.size()));
  if (captured > 0)
    out_.write(reinterpret_cast<const char*>(r.bytes.data()), static_cast<std::streamsize>(captured));
  check("write to");
  ++frames_;
}

void PcapWriter::flush() {
  if (!out_.is_open()) return;
  out_.flush();
  check("flush");
}

void PcapWriter::close() {
  if (!out_.is_open()) return;
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || !out_) throw std::runtime_error("cannot write pcap file " + path_.string());
}

}  // namespace st::output

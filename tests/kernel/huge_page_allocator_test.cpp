// HugePageAllocator: large arrays start on a 2 MB boundary and their whole 2 MB pages, and only those, carry the
// huge-page advice (the kernel's "hg" flag in /proc/self/smaps); small ones are ordinary allocations.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/kernel/huge_page_allocator.hpp"

namespace st {
namespace {

struct Mapping {
  std::uintptr_t start = 0;
  std::uintptr_t end = 0;
  bool huge_page_advised = false;
};

// The mapping of this process that contains `address`, from /proc/self/smaps.
Mapping mapping_of(const void* address) {
  const auto a = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  Mapping current;
  bool inside = false;
  while (std::getline(smaps, line)) {
    const auto dash = line.find('-');
    const auto space = line.find(' ');
    if (dash != std::string::npos && space != std::string::npos && dash < space && line.find(':') > space) {
      current = Mapping{std::stoull(line.substr(0, dash), nullptr, 16),
                        std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16), false};
      inside = current.start <= a && a < current.end;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      std::istringstream flags(line.substr(8));
      std::string f;
      while (flags >> f) current.huge_page_advised = current.huge_page_advised || f == "hg";
      return current;
    }
  }
  ADD_FAILURE() << "no mapping holds " << address;
  return {};
}

bool kernel_has_transparent_huge_pages() {
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string s;
  return std::getline(mode, s) && s.find("[never]") == std::string::npos;
}

TEST(kernelHugePageAllocator, SmallArraysAreOrdinaryAllocations) {
  HugePageAllocator<double> alloc;
  double* p = alloc.allocate(1000);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignof(double), 0u);
  for (int i = 0; i < 1000; ++i) p[i] = i;
  EXPECT_EQ(p[999], 999.0);
  alloc.deallocate(p, 1000);
  HugePageAllocator<double, 128> aligned;  // a minimum alignment holds for small arrays too
  for (std::size_t n : {1u, 3u, 100u}) {
    double* q = aligned.allocate(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(q) % 128, 0u) << n;
    aligned.deallocate(q, n);
  }
}

TEST(kernelHugePageAllocator, LargeArraysStartOnAHugePageAndOnlyWholeHugePagesAreAdvised) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer's allocator places and advises memory its own way (scripts/test-sanitizers)";
#endif
  HugePageAllocator<std::uint8_t> alloc;
  const std::size_t bytes = 2 * kHugePageSize + kHugePageSize / 2;  // two whole huge pages and half of a third
  std::uint8_t* p = alloc.allocate(bytes);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % kHugePageSize, 0u);
  for (std::size_t i = 0; i < bytes; i += 4096) p[i] = static_cast<std::uint8_t>(i >> 12);
  const std::size_t last_page = (bytes - 1) / 4096 * 4096;  // (bytes itself is one past the end)
  EXPECT_EQ(p[last_page], static_cast<std::uint8_t>(last_page >> 12));
  if (!kernel_has_transparent_huge_pages()) {
    alloc.deallocate(p, bytes);
    GTEST_SKIP() << "this kernel has transparent huge pages off: the advice is refused, ordinary pages serve";
  }
  const Mapping head = mapping_of(p);
  EXPECT_TRUE(head.huge_page_advised);
  EXPECT_EQ(head.start, reinterpret_cast<std::uintptr_t>(p));
  EXPECT_EQ(head.end, reinterpret_cast<std::uintptr_t>(p) + 2 * kHugePageSize);
  EXPECT_FALSE(mapping_of(p + 2 * kHugePageSize).huge_page_advised);  // the partial last page is not advised
  alloc.deallocate(p, bytes);
}

TEST(kernelHugePageAllocator, VectorsKeepTheirContentsAcrossTheThreshold) {
  HugePageVector<std::uint32_t> v;
  const std::size_t n = 3 * kHugePageSize / sizeof(std::uint32_t);
  for (std::uint32_t i = 0; i < n; ++i) v.push_back(i * 2654435761u);
  for (std::uint32_t i = 0; i < n; i += 997) ASSERT_EQ(v[i], i * 2654435761u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(v.data()) % kHugePageSize, 0u);
}

}  // namespace
}  // namespace st

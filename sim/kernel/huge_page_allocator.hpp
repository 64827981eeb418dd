// HugePageAllocator: the allocator of the twin's large per-device and per-receiver arrays. An allocation of 2 MB
// or more starts on a 2 MB boundary and its whole 2 MB pages are advised for transparent huge pages
// (MADV_HUGEPAGE), so random access across a million devices' records misses the TLB far less often. Smaller
// allocations, and systems without transparent huge pages, get ordinary memory; the contents are the same.
#pragma once
#include <cstddef>
#include <vector>

namespace st {

inline constexpr std::size_t kHugePageSize = std::size_t{2} << 20;

// `bytes` aligned to at least `align` (a power of two); from kHugePageSize bytes on, huge-page advised as above.
void* allocate_large(std::size_t bytes, std::size_t align);
// Frees what allocate_large(bytes, align) returned, with the same arguments.
void deallocate_large(void* p, std::size_t bytes, std::size_t align) noexcept;

// MinAlign: an alignment above alignof(T) that small allocations keep too (the calendar's heap wants 128 bytes).
template <class T, std::size_t MinAlign = alignof(T)>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kAlign = MinAlign > alignof(T) ? MinAlign : alignof(T);
  template <class U>
  struct rebind {
    using other = HugePageAllocator<U, MinAlign>;
  };
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U, MinAlign>&) {}
  T* allocate(std::size_t n) { return static_cast<T*>(allocate_large(n * sizeof(T), kAlign)); }
  void deallocate(T* p, std::size_t n) noexcept { deallocate_large(p, n * sizeof(T), kAlign); }
  template <class U>
  bool operator==(const HugePageAllocator<U, MinAlign>&) const { return true; }
};

template <class T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace st

#include "sim/kernel/huge_page_allocator.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace st {

namespace {
std::size_t alignment_of(std::size_t bytes, std::size_t align) {
  return bytes >= kHugePageSize ? kHugePageSize : std::max(align, std::size_t{__STDCPP_DEFAULT_NEW_ALIGNMENT__});
}
}  // namespace

void* allocate_large(std::size_t bytes, std::size_t align) {
  void* p = ::operator new(bytes, std::align_val_t{alignment_of(bytes, align)});
  if (bytes >= kHugePageSize) {
    // Advice only: where the kernel has no transparent huge pages (or they are off) it refuses, and ordinary
    // pages serve. A partial last 2 MB page is not advised, so the advice never backs memory the array does not use.
    madvise(p, bytes / kHugePageSize * kHugePageSize, MADV_HUGEPAGE);
  }
  return p;
}

void deallocate_large(void* p, std::size_t bytes, std::size_t align) noexcept {
  ::operator delete(p, std::align_val_t{alignment_of(bytes, align)});
}

}  // namespace st

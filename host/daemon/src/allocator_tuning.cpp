#include "onestop/daemon/allocator_tuning.hpp"

#include <malloc.h>

namespace onestop::daemon {

bool tuneAllocatorForScanPages() {
  // 32 MiB is glibc's largest mmap threshold on 64-bit; larger pages are still mmapped.
  constexpr int kMmapThreshold = 32 << 20;
  constexpr int kTrimThreshold = 256 << 20;
  return mallopt(M_MMAP_THRESHOLD, kMmapThreshold) == 1 &&
         mallopt(M_TRIM_THRESHOLD, kTrimThreshold) == 1;
}

}  // namespace onestop::daemon

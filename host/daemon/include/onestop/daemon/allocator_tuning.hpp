#pragma once

namespace onestop::daemon {

// Keeps the memory of freed scan pages in the process instead of handing it back to the kernel
// after every page. A 300 dpi A4 colour page is 26 MB that the plugin and the host each allocate
// afresh; with glibc's defaults each page's memory is unmapped after use and faulted in again
// 4 KiB at a time for the next one, which costs more than the scan itself (tests/bench/sane:
// 0.2× scanimage's ADF throughput untuned, ≥ 1× tuned). The price: up to 256 MB of freed memory
// may stay in the daemon after a big batch. Returns false when the allocator refused.
bool tuneAllocatorForScanPages();

}  // namespace onestop::daemon

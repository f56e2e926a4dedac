// onestopd: only assembles and runs; everything else is in the libraries the tests link.
#include "onestop/daemon/allocator_tuning.hpp"
#include "onestop/daemon/onestopd_app.hpp"

int main(int argc, char** argv) {
  // Before any thread starts; a refusal only costs scan throughput, so it is not fatal.
  (void)onestop::daemon::tuneAllocatorForScanPages();
  onestop::daemon::OnestopdApp app;
  return app.run(argc, argv);
}

// onestopd: only assembles and runs; everything else is in the libraries the tests link.
#include "onestop/daemon/onestopd_app.hpp"

int main(int argc, char** argv) {
  onestop::daemon::OnestopdApp app;
  return app.run(argc, argv);
}

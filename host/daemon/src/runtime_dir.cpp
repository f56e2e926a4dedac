#include "onestop/daemon/runtime_dir.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "onestop/common/runtime_paths.hpp"

namespace onestop::daemon {
namespace fs = std::filesystem;

Result<RuntimeDir> RuntimeDir::prepare(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error(Reason::IoError, "runtime dir " + dir.string() + ": " + ec.message());
  struct stat st {};
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Error(Reason::IoError, "runtime dir " + dir.string() + " is not a directory");
  }
  if (st.st_uid != geteuid()) {
    return Error(Reason::IoError, "runtime dir " + dir.string() + " belongs to another user");
  }
  // Only we may list it: the token's secrecy should not rest on the file mode alone.
  if (chmod(dir.c_str(), 0700) != 0) {
    return Error(Reason::IoError, "runtime dir " + dir.string() + ": " + std::strerror(errno));
  }
  return RuntimeDir(dir);
}

Result<void> RuntimeDir::publish(const char* name, const std::string& content,
                                 unsigned mode) const {
  const auto target = dir_ / name;
  const auto temp = dir_ / (std::string(".") + name + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
                        static_cast<mode_t>(mode));
  if (fd < 0) return Error(Reason::IoError, temp.string() + ": " + std::strerror(errno));
  const bool written =
      fchmod(fd, static_cast<mode_t>(mode)) == 0 &&
      ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
      fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(temp.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return Error(Reason::IoError, target.string() + ": " + why);
  }
  return Ok{};
}

Result<std::string> RuntimeDir::writeNewToken() const {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return Error(Reason::Internal, "RAND_bytes failed");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string token;
  for (const auto b : bytes) {
    token.push_back(kDigits[b >> 4u]);
    token.push_back(kDigits[b & 0xFu]);
  }
  auto ok = publish(kTokenFileName, token, 0600);
  if (!ok) return ok.error();
  return token;
}

Result<void> RuntimeDir::writePort(std::uint16_t port) const {
  return publish(kPortFileName, std::to_string(port) + "\n", 0644);
}

Result<void> RuntimeDir::writePid() const {
  return publish(kPidFileName, std::to_string(getpid()) + "\n", 0644);
}

void RuntimeDir::cleanup() const {
  for (const char* name : {kPortFileName, kPidFileName, kTokenFileName}) {
    std::error_code ec;
    fs::remove(dir_ / name, ec);
  }
}

}  // namespace onestop::daemon

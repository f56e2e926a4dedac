#include "chip_file_system.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace onestop::simulator::cccd {
namespace {

constexpr std::uint16_t kCardAccessFid = 0x011C;
constexpr std::uint16_t kSodFid = 0x011D;
constexpr std::uint16_t kComFid = 0x011E;
constexpr int kDataGroups = 16;

// The outer tags of DG1..DG16 as EF.COM's tag list (5C) names them.
constexpr std::array<std::uint8_t, kDataGroups> kDataGroupTags{
    0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

std::optional<Bytes> readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Bytes content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw std::runtime_error("cannot read " + path.filename().string());
  return content;
}

// The data groups EF.COM lists: the value of 5C inside 60.
std::vector<int> listedDataGroups(ByteView com) {
  std::vector<int> groups;
  auto outer = parseOne(com);
  if (!outer || outer->tag != 0x60) return groups;
  auto inner = parseAll(outer->value);
  if (!inner) return groups;
  for (const ChipTlv& object : *inner) {
    if (object.tag != 0x5C) continue;
    for (std::uint8_t tag : object.value) {
      for (int n = 0; n < kDataGroups; ++n) {
        if (kDataGroupTags[static_cast<std::size_t>(n)] == tag) groups.push_back(n + 1);
      }
    }
  }
  return groups;
}

}  // namespace

ChipFileSystem ChipFileSystem::load(const std::filesystem::path& folder) {
  ChipFileSystem fs;
  auto add = [&](const char* name, std::uint16_t fid, std::uint8_t sfi, bool inMf) {
    auto content = readFile(folder / name);
    if (content) fs.files_[fid] = ChipFile{fid, sfi, inMf, true, std::move(*content)};
  };
  add("EF.CardAccess.bin", kCardAccessFid, 0x1C, true);
  add("EF.COM.bin", kComFid, 0x1E, false);
  add("EF.SOD.bin", kSodFid, 0x1D, false);
  for (int n = 1; n <= kDataGroups; ++n) {
    const std::string name = "EF.DG" + std::to_string(n) + ".bin";
    add(name.c_str(), static_cast<std::uint16_t>(0x0100 + n), static_cast<std::uint8_t>(n), false);
  }
  const ChipFile* com = fs.byFid(kComFid);
  if (com == nullptr) throw std::runtime_error("the card folder has no EF.COM.bin");
  for (int n : listedDataGroups(com->content)) {
    const auto fid = static_cast<std::uint16_t>(0x0100 + n);
    if (fs.files_.count(fid) == 0) {
      fs.files_[fid] = ChipFile{fid, static_cast<std::uint8_t>(n), false, false, {}};
    }
  }
  return fs;
}

const ChipFile* ChipFileSystem::byFid(std::uint16_t fid) const {
  const auto it = files_.find(fid);
  return it == files_.end() ? nullptr : &it->second;
}

const ChipFile* ChipFileSystem::bySfi(std::uint8_t sfi) const {
  for (const auto& [fid, file] : files_) {
    if (file.sfi == sfi) return &file;
  }
  return nullptr;
}

}  // namespace onestop::simulator::cccd

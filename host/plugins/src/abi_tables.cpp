#include "abi_tables.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "onestop/plugin_layout.h"

namespace onestop::plugins {
namespace {

LoadFailure abiMismatch(std::string detail) {
  return LoadFailure{LoadRefusal::AbiMismatch, std::move(detail)};
}

// Copies the part of a table its producer's struct_size covers into a zeroed T.
template <typename T>
std::optional<LoadFailure> copyTable(const T* source, std::size_t minimumSize, const char* what,
                                     T& out) {
  out = T{};
  onestop_abi_header header{};
  std::memcpy(&header, source, sizeof header);
  if (header.abi_major != ONESTOP_ABI_MAJOR) {
    return abiMismatch(std::string(what) + " table has ABI major " +
                       std::to_string(header.abi_major) + ", the host speaks " +
                       std::to_string(ONESTOP_ABI_MAJOR));
  }
  if (header.struct_size < minimumSize) {
    return abiMismatch(std::string(what) + " table struct_size " +
                       std::to_string(header.struct_size) + " is shorter than the " +
                       std::to_string(minimumSize) + " bytes of its required fields");
  }
  std::memcpy(&out, source, std::min<std::size_t>(header.struct_size, sizeof(T)));
  return std::nullopt;
}

std::optional<LoadFailure> missing(const char* function) {
  return abiMismatch(std::string("required function ") + function + " is NULL");
}

std::optional<LoadFailure> checkReader(const onestop_reader_api& t) {
  if (t.connect == nullptr) return missing("reader.connect");
  if (t.transmit == nullptr) return missing("reader.transmit");
  if (t.disconnect == nullptr) return missing("reader.disconnect");
  return std::nullopt;
}

std::optional<LoadFailure> checkScanner(const onestop_scanner_api& t) {
  if (t.start == nullptr) return missing("scanner.start");
  if (t.next_page == nullptr) return missing("scanner.next_page");
  if (t.release_page == nullptr) return missing("scanner.release_page");
  if (t.finish == nullptr) return missing("scanner.finish");
  return std::nullopt;
}

std::optional<LoadFailure> checkPrinter(const onestop_printer_api& t) {
  if (t.submit == nullptr) return missing("printer.submit");
  if (t.job_state == nullptr) return missing("printer.job_state");
  return std::nullopt;
}

// Copies and checks one optional device-kind table.
template <typename T, typename Check>
std::optional<LoadFailure> kindTable(const T* source, std::size_t minimumSize, const char* what,
                                     Check check, std::optional<T>& out) {
  if (source == nullptr) return std::nullopt;
  T copy{};
  if (auto failure = copyTable(source, minimumSize, what, copy)) return failure;
  if (auto failure = check(copy)) return failure;
  out = copy;
  return std::nullopt;
}

bool declares(const Manifest& manifest, DeviceKind kind) {
  return std::find(manifest.kinds.begin(), manifest.kinds.end(), kind) != manifest.kinds.end();
}

std::optional<LoadFailure> checkKinds(const PluginTables& t, const Manifest& manifest) {
  if (declares(manifest, DeviceKind::Reader) && !t.reader) {
    return abiMismatch("the manifest declares readers but the plugin has no reader table");
  }
  if (declares(manifest, DeviceKind::Scanner) && !t.scanner) {
    return abiMismatch("the manifest declares scanners but the plugin has no scanner table");
  }
  if (declares(manifest, DeviceKind::Printer) && !t.printer) {
    return abiMismatch("the manifest declares printers but the plugin has no printer table");
  }
  return std::nullopt;
}

}  // namespace

std::variant<PluginTables, LoadFailure> checkPluginTables(const onestop_plugin_api* table,
                                                          const Manifest& manifest) {
  PluginTables t;
  if (auto failure = copyTable(table, ONESTOP_PLUGIN_API_MIN_SIZE, "plugin", t.plugin)) {
    return *failure;
  }
  if (t.plugin.id == nullptr) return abiMismatch("the plugin table has no id");
  const std::string id(t.plugin.id, strnlen(t.plugin.id, ONESTOP_ID_MAX));
  if (id != manifest.id) {
    return LoadFailure{LoadRefusal::IdMismatch, "the plugin table says id \"" + id +
                                                    "\", the manifest \"" + manifest.id + "\""};
  }
  if (t.plugin.init == nullptr) return *missing("init");
  if (t.plugin.shutdown == nullptr) return *missing("shutdown");
  if (t.plugin.enumerate == nullptr) return *missing("enumerate");

  if (auto f = kindTable(t.plugin.reader, ONESTOP_READER_API_MIN_SIZE, "reader", checkReader,
                         t.reader)) {
    return *f;
  }
  if (auto f = kindTable(t.plugin.scanner, ONESTOP_SCANNER_API_MIN_SIZE, "scanner", checkScanner,
                         t.scanner)) {
    return *f;
  }
  if (auto f = kindTable(t.plugin.printer, ONESTOP_PRINTER_API_MIN_SIZE, "printer", checkPrinter,
                         t.printer)) {
    return *f;
  }
  t.plugin.reader = nullptr;
  t.plugin.scanner = nullptr;
  t.plugin.printer = nullptr;
  if (auto failure = checkKinds(t, manifest)) return *failure;
  return t;
}

}  // namespace onestop::plugins

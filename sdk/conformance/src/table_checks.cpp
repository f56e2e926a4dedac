// Area "abi": the library loads, exports the entry point, and its tables follow the ABI rules.
#include <algorithm>
#include <cstring>
#include <string>

#include "check_context.hpp"
#include "onestop/plugin_layout.h"

namespace onestop::conformance {
namespace {

const std::string kArea = "abi";

// Copies what struct_size covers; reports header problems.
template <typename T>
bool copyTable(CheckContext& c, const T* source, std::size_t minimum, const std::string& name,
               T& out) {
  onestop_abi_header header{};
  std::memcpy(&header, source, sizeof header);
  bool ok = c.report.expect(header.abi_major == ONESTOP_ABI_MAJOR, kArea,
                            name + " table has ABI major " + std::to_string(ONESTOP_ABI_MAJOR),
                            "has " + std::to_string(header.abi_major));
  ok = c.report.expect(header.struct_size >= minimum && header.struct_size <= 65536, kArea,
                       name + " table struct_size covers its required fields",
                       "struct_size " + std::to_string(header.struct_size) +
                           ", need >= " + std::to_string(minimum)) &&
       ok;
  if (!ok) return false;
  out = T{};
  std::memcpy(&out, source, std::min<std::size_t>(header.struct_size, sizeof(T)));
  return true;
}

void required(CheckContext& c, const void* fn, const std::string& name) {
  c.report.expect(fn != nullptr, kArea, name + " is present (required)", "NULL");
}

bool declares(const CheckContext& c, plugins::DeviceKind kind) {
  return std::find(c.manifest.kinds.begin(), c.manifest.kinds.end(), kind) !=
         c.manifest.kinds.end();
}

void kindTables(CheckContext& c) {
  const auto& t = c.table;
  if (t.reader != nullptr) {
    onestop_reader_api r{};
    if (copyTable(c, t.reader, ONESTOP_READER_API_MIN_SIZE, "reader", r)) {
      required(c, reinterpret_cast<const void*>(r.connect), "reader.connect");
      required(c, reinterpret_cast<const void*>(r.transmit), "reader.transmit");
      required(c, reinterpret_cast<const void*>(r.disconnect), "reader.disconnect");
      if (r.connect && r.transmit && r.disconnect) c.reader = r;
    }
  }
  if (t.scanner != nullptr) {
    onestop_scanner_api s{};
    if (copyTable(c, t.scanner, ONESTOP_SCANNER_API_MIN_SIZE, "scanner", s)) {
      required(c, reinterpret_cast<const void*>(s.start), "scanner.start");
      required(c, reinterpret_cast<const void*>(s.next_page), "scanner.next_page");
      required(c, reinterpret_cast<const void*>(s.release_page), "scanner.release_page");
      required(c, reinterpret_cast<const void*>(s.finish), "scanner.finish");
      if (s.start && s.next_page && s.release_page && s.finish) c.scanner = s;
    }
  }
  if (t.printer != nullptr) {
    onestop_printer_api p{};
    if (copyTable(c, t.printer, ONESTOP_PRINTER_API_MIN_SIZE, "printer", p)) {
      required(c, reinterpret_cast<const void*>(p.submit), "printer.submit");
      required(c, reinterpret_cast<const void*>(p.job_state), "printer.job_state");
      if (p.submit && p.job_state) c.printer = p;
    }
  }
  using plugins::DeviceKind;
  c.report.expect(declares(c, DeviceKind::Reader) == (t.reader != nullptr), kArea,
                  "reader table present exactly when the manifest declares readers");
  c.report.expect(declares(c, DeviceKind::Scanner) == (t.scanner != nullptr), kArea,
                  "scanner table present exactly when the manifest declares scanners");
  c.report.expect(declares(c, DeviceKind::Printer) == (t.printer != nullptr), kArea,
                  "printer table present exactly when the manifest declares printers");
}

}  // namespace

bool checkTables(CheckContext& c) {
  auto library = plugins::PluginLibrary::open(c.options.library);
  if (!c.report.expect(library.ok(), kArea, "library loads (RTLD_NOW)",
                       library.ok() ? "" : library.error().detail())) {
    return false;
  }
  c.library.emplace(std::move(*library));
  const onestop_plugin_entry_fn entry = c.library->entry();
  if (!c.report.expect(entry != nullptr, kArea, "exports onestop_plugin_entry")) return false;
  try {
    c.raw = entry(ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR);
  } catch (...) {
    c.report.fail(kArea, "onestop_plugin_entry returns without throwing", "it threw");
    return false;
  }
  if (!c.report.expect(c.raw != nullptr, kArea, "onestop_plugin_entry returns a table", "NULL")) {
    return false;
  }
  try {
    const onestop_plugin_api* again = entry(ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR);
    c.report.expect(again == c.raw, kArea, "onestop_plugin_entry returns the same static table");
  } catch (...) {
    c.report.fail(kArea, "onestop_plugin_entry returns without throwing", "it threw");
  }
  if (!copyTable(c, c.raw, ONESTOP_PLUGIN_API_MIN_SIZE, "plugin", c.table)) return false;
  c.report.pass(kArea, "plugin table is ABI " + std::to_string(c.table.header.abi_major) + "." +
                           std::to_string(c.table.header.abi_minor) + ", struct_size " +
                           std::to_string(c.table.header.struct_size));
  const std::string id =
      c.table.id == nullptr ? std::string() : std::string(c.table.id, strnlen(c.table.id, 128));
  c.report.expect(id == c.manifest.id, kArea, "table id equals the manifest id",
                  "table says \"" + id + "\"");
  required(c, reinterpret_cast<const void*>(c.table.init), "init");
  required(c, reinterpret_cast<const void*>(c.table.shutdown), "shutdown");
  required(c, reinterpret_cast<const void*>(c.table.enumerate), "enumerate");
  kindTables(c);
  return c.table.init != nullptr && c.table.shutdown != nullptr && c.table.enumerate != nullptr;
}

}  // namespace onestop::conformance

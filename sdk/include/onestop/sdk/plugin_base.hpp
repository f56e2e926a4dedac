// onestop device plugin SDK — the C++ classes a plugin implements (see onestop/plugin.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "onestop/plugin.h"

namespace onestop::sdk {

// Throw inside a plugin to leave a call with a specific status (e.g. ONESTOP_E_NO_DEVICE).
class StatusError : public std::exception {
 public:
  StatusError(onestop_status status, std::string message)
      : status_(status), message_(std::move(message)) {}
  [[nodiscard]] onestop_status status() const noexcept { return status_; }
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }

 private:
  onestop_status status_;
  std::string message_;
};

// The host's services: logging and events. Cheap to copy; valid until the plugin is shut down.
class Host {
 public:
  Host() = default;
  explicit Host(const onestop_host_api* api) noexcept {
    if (api == nullptr || api->header.struct_size < sizeof(onestop_abi_header)) return;
    const std::size_t n = std::min<std::size_t>(api->header.struct_size, sizeof(api_));
    std::memcpy(&api_, api, n);
  }

  // Never pass citizen data (names, ID numbers, photos, MRZ, APDU payloads) to log.
  void log(onestop_log_level level, std::string_view message) const noexcept {
    if (api_.log == nullptr) return;
    try {
      const std::string text(message);
      api_.log(api_.host_context, static_cast<std::int32_t>(level), text.c_str());
    } catch (...) {  // allocation failure while logging: drop the line
    }
  }

  void emit(onestop_event_kind kind, onestop_device_kind deviceKind, std::string_view localId,
            std::span<const std::uint8_t> data = {}) const noexcept {
    if (api_.emit == nullptr) return;
    try {
      const std::string id(localId);
      onestop_event event{};
      event.struct_size = sizeof(event);
      event.kind = static_cast<std::uint32_t>(kind);
      event.device_kind = static_cast<std::uint32_t>(deviceKind);
      event.device_id = id.c_str();
      event.data = data.empty() ? nullptr : data.data();
      event.data_len = data.size();
      api_.emit(api_.host_context, &event);
    } catch (...) {  // allocation failure: the event is lost, the plugin goes on
    }
  }

  void cardInserted(std::string_view readerId, std::span<const std::uint8_t> atr) const noexcept {
    emit(ONESTOP_EVENT_CARD_INSERTED, ONESTOP_DEVICE_READER, readerId, atr);
  }
  void cardRemoved(std::string_view readerId) const noexcept {
    emit(ONESTOP_EVENT_CARD_REMOVED, ONESTOP_DEVICE_READER, readerId);
  }
  void deviceAdded(onestop_device_kind kind, std::string_view id) const noexcept {
    emit(ONESTOP_EVENT_DEVICE_ADDED, kind, id);
  }
  void deviceRemoved(onestop_device_kind kind, std::string_view id) const noexcept {
    emit(ONESTOP_EVENT_DEVICE_REMOVED, kind, id);
  }

 private:
  onestop_host_api api_{};
};

// One device as enumerate reports it.
struct Device {
  onestop_device_kind kind = ONESTOP_DEVICE_READER;
  std::string id;           // stable, unique within the plugin, < ONESTOP_ID_MAX bytes
  std::string name;         // human-readable, < ONESTOP_NAME_MAX bytes
  std::uint32_t flags = 0;  // ONESTOP_DEVICE_FLAG_*
};

// Base of every plugin. The constructor is the ABI's init; the destructor its shutdown.
class Plugin {
 public:
  explicit Plugin(Host host) : host_(host) {}
  Plugin(const Plugin&) = delete;
  Plugin& operator=(const Plugin&) = delete;
  virtual ~Plugin() = default;

  [[nodiscard]] virtual std::vector<Device> devices() = 0;

  // Vendor administration: JSON in, JSON out (also on failure, e.g. {"error":"…"}).
  virtual onestop_status control(std::string_view request, std::string& response) {
    (void)request;
    response = R"({"error":"this plugin has no control commands"})";
    return ONESTOP_E_NOT_SUPPORTED;
  }

  [[nodiscard]] const Host& host() const { return host_; }

 private:
  Host host_;
};

// ---- readers ----------------------------------------------------------------------------------

// An open card connection. Destroyed right after disconnect() (or at shutdown).
class CardConnection {
 public:
  CardConnection() = default;
  CardConnection(const CardConnection&) = delete;
  CardConnection& operator=(const CardConnection&) = delete;
  virtual ~CardConnection() = default;
  // response receives the whole response APDU including SW1 SW2.
  virtual onestop_status transmit(std::span<const std::uint8_t> command,
                                  std::vector<std::uint8_t>& response) = 0;
  virtual onestop_status disconnect(onestop_disposition disposition) {
    (void)disposition;
    return ONESTOP_OK;
  }
};

class ReaderPlugin {
 public:
  ReaderPlugin() = default;
  ReaderPlugin(const ReaderPlugin&) = delete;
  ReaderPlugin& operator=(const ReaderPlugin&) = delete;
  virtual ~ReaderPlugin() = default;
  // out arrives zeroed with struct_size set; fill what the reader knows.
  virtual onestop_status readerFeatures(const std::string& readerId,
                                        onestop_reader_features& out) = 0;
  virtual onestop_status connect(const std::string& readerId,
                                 std::unique_ptr<CardConnection>& connection,
                                 std::vector<std::uint8_t>& atr) = 0;
};

// ---- scanners ---------------------------------------------------------------------------------

struct ScanPage {
  std::string mime = "image/png";
  std::vector<std::uint8_t> data;
  std::uint32_t widthPx = 0;
  std::uint32_t heightPx = 0;
  std::uint32_t resolutionDpi = 0;
};

class ScanJob {
 public:
  ScanJob() = default;
  ScanJob(const ScanJob&) = delete;
  ScanJob& operator=(const ScanJob&) = delete;
  virtual ~ScanJob() = default;
  // ONESTOP_E_NO_MORE_PAGES ends the job normally.
  virtual onestop_status nextPage(ScanPage& page) = 0;
  // Called from another thread than nextPage: make it thread-safe (an atomic flag will do).
  virtual onestop_status cancel() = 0;
};

class ScannerPlugin {
 public:
  ScannerPlugin() = default;
  ScannerPlugin(const ScannerPlugin&) = delete;
  ScannerPlugin& operator=(const ScannerPlugin&) = delete;
  virtual ~ScannerPlugin() = default;
  virtual onestop_status scannerCapabilities(const std::string& scannerId,
                                             onestop_scanner_caps& out) = 0;
  // options arrive complete: fields the host did not send are zero.
  virtual onestop_status startScan(const std::string& scannerId,
                                   const onestop_scan_options& options,
                                   std::unique_ptr<ScanJob>& job) = 0;
};

// ---- printers ---------------------------------------------------------------------------------

struct PrintOptions {
  std::uint32_t copies = 1;
  bool duplex = false;
  bool color = false;
  std::string title;  // a case number or form code, never citizen data
};

class PrinterPlugin {
 public:
  PrinterPlugin() = default;
  PrinterPlugin(const PrinterPlugin&) = delete;
  PrinterPlugin& operator=(const PrinterPlugin&) = delete;
  virtual ~PrinterPlugin() = default;
  virtual onestop_status printerCapabilities(const std::string& printerId,
                                             onestop_printer_caps& out) = 0;
  virtual onestop_status submit(const std::string& printerId, std::span<const std::uint8_t> pdf,
                                const PrintOptions& options, std::string& jobId) = 0;
  virtual onestop_status jobState(const std::string& printerId, const std::string& jobId,
                                  onestop_print_state& state) = 0;
  virtual onestop_status cancelJob(const std::string& printerId, const std::string& jobId) = 0;
};

}  // namespace onestop::sdk

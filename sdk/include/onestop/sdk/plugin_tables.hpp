// onestop device plugin SDK — the C tables built from a plugin class, and the entry-point macro
// (see onestop/plugin.hpp). Everything in namespace detail is the helper's own business.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "onestop/plugin.h"
#include "onestop/plugin_layout.h"
#include "onestop/sdk/plugin_base.hpp"

namespace onestop::sdk {

namespace detail {

// Runs f and turns every exception into a status; never lets one cross the C boundary.
template <typename F>
onestop_status guard(const Host& host, const char* where, F&& f) noexcept {
  try {
    return std::forward<F>(f)();
  } catch (const StatusError& e) {
    host.log(ONESTOP_LOG_DEBUG, std::string(where) + ": " + e.what());
    return e.status();
  } catch (const std::exception& e) {
    host.log(ONESTOP_LOG_ERROR, std::string(where) + " threw: " + e.what());
    return ONESTOP_E_INTERNAL;
  } catch (...) {
    host.log(ONESTOP_LOG_ERROR, std::string(where) + " threw a non-standard exception");
    return ONESTOP_E_INTERNAL;
  }
}

// Input struct with its own struct_size: copy what the producer filled, zero the rest.
template <typename T>
bool readSized(const T* in, T& out) noexcept {
  out = T{};
  if (in == nullptr || in->struct_size < sizeof(std::uint32_t)) return false;
  std::memcpy(&out, in, std::min<std::size_t>(in->struct_size, sizeof(T)));
  out.struct_size = sizeof(T);
  return true;
}

// Output struct with its own struct_size: write nothing at or beyond the caller's struct_size.
template <typename T>
void writeSized(T* out, T full) noexcept {
  const std::uint32_t callerSize = out->struct_size;
  full.struct_size = callerSize;
  std::memcpy(out, &full, std::min<std::size_t>(callerSize, sizeof(T)));
}

// Copies text into a fixed char array, truncated on a UTF-8 boundary, NUL-terminated.
template <std::size_t N>
void copyText(char (&dst)[N], std::string_view src) noexcept {
  std::size_t n = std::min(src.size(), N - 1);
  if (n < src.size()) {
    while (n > 0 && (static_cast<unsigned char>(src[n]) & 0xC0u) == 0x80u) --n;
  }
  std::memcpy(dst, src.data(), n);
  dst[n] = '\0';
}

struct CardHandle {
  Host host;
  std::unique_ptr<CardConnection> connection;
};

struct JobHandle {
  Host host;
  std::unique_ptr<ScanJob> job;
  std::mutex pagesMutex;
  std::map<const std::uint8_t*, std::vector<std::uint8_t>> pages;  // handed out, not yet released
};

inline onestop_card* toHandle(CardHandle* h) {
  return reinterpret_cast<onestop_card*>(h);
}
inline CardHandle* fromHandle(onestop_card* h) {
  return reinterpret_cast<CardHandle*>(h);
}
inline onestop_scan_job* toHandle(JobHandle* h) {
  return reinterpret_cast<onestop_scan_job*>(h);
}
inline JobHandle* fromHandle(onestop_scan_job* h) {
  return reinterpret_cast<JobHandle*>(h);
}

constexpr onestop_abi_header header(std::size_t size) {
  return {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, static_cast<std::uint32_t>(size)};
}

template <typename P>
struct ReaderFunctions {
  static P* self(void* p) { return static_cast<P*>(p); }

  static onestop_status features(void* p, const char* id, onestop_reader_features* out) noexcept {
    if (p == nullptr || id == nullptr || out == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    if (out->struct_size < sizeof(std::uint32_t)) return ONESTOP_E_INVALID_ARGUMENT;
    return guard(self(p)->host(), "reader.features", [&] {
      onestop_reader_features full{};
      full.struct_size = sizeof(full);
      const onestop_status s = self(p)->readerFeatures(id, full);
      if (s == ONESTOP_OK) writeSized(out, full);
      return s;
    });
  }

  static onestop_status connect(void* p, const char* id, onestop_card** card, std::uint8_t* atr,
                                std::size_t* atrLen) noexcept {
    if (p == nullptr || id == nullptr || card == nullptr || atrLen == nullptr ||
        (atr == nullptr && *atrLen > 0)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    *card = nullptr;
    const Host& host = self(p)->host();
    return guard(host, "reader.connect", [&] {
      std::unique_ptr<CardConnection> connection;
      std::vector<std::uint8_t> atrBytes;
      onestop_status s = self(p)->connect(id, connection, atrBytes);
      if (s != ONESTOP_OK) return s;
      if (!connection) return ONESTOP_E_INTERNAL;
      if (atrBytes.size() > *atrLen) {
        *atrLen = atrBytes.size();
        (void)connection->disconnect(ONESTOP_LEAVE_CARD);
        return ONESTOP_E_BUFFER_TOO_SMALL;
      }
      std::copy(atrBytes.begin(), atrBytes.end(), atr);
      *atrLen = atrBytes.size();
      *card = toHandle(new CardHandle{host, std::move(connection)});
      return ONESTOP_OK;
    });
  }

  static onestop_status transmit(onestop_card* card, const std::uint8_t* command,
                                 std::size_t commandLen, std::uint8_t* response,
                                 std::size_t* responseLen) noexcept {
    if (card == nullptr || command == nullptr || commandLen == 0 || responseLen == nullptr ||
        (response == nullptr && *responseLen > 0)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    CardHandle* h = fromHandle(card);
    return guard(h->host, "reader.transmit", [&] {
      std::vector<std::uint8_t> out;
      const onestop_status s = h->connection->transmit({command, commandLen}, out);
      if (s != ONESTOP_OK) return s;
      if (out.size() > *responseLen) {
        *responseLen = out.size();
        return ONESTOP_E_BUFFER_TOO_SMALL;
      }
      std::copy(out.begin(), out.end(), response);
      *responseLen = out.size();
      return ONESTOP_OK;
    });
  }

  static onestop_status disconnect(onestop_card* card, std::uint32_t disposition) noexcept {
    if (card == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    std::unique_ptr<CardHandle> h(fromHandle(card));
    return guard(h->host, "reader.disconnect", [&] {
      return h->connection->disconnect(static_cast<onestop_disposition>(disposition));
    });
  }

  static constexpr onestop_reader_api kTable{header(sizeof(onestop_reader_api)), &features,
                                             &connect, &transmit, &disconnect};
};

template <typename P>
struct ScannerFunctions {
  static P* self(void* p) { return static_cast<P*>(p); }

  static onestop_status capabilities(void* p, const char* id, onestop_scanner_caps* out) noexcept {
    if (p == nullptr || id == nullptr || out == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    if (out->struct_size < sizeof(std::uint32_t)) return ONESTOP_E_INVALID_ARGUMENT;
    return guard(self(p)->host(), "scanner.capabilities", [&] {
      onestop_scanner_caps full{};
      full.struct_size = sizeof(full);
      const onestop_status s = self(p)->scannerCapabilities(id, full);
      if (s == ONESTOP_OK) writeSized(out, full);
      return s;
    });
  }

  static onestop_status start(void* p, const char* id, const onestop_scan_options* options,
                              onestop_scan_job** job) noexcept {
    onestop_scan_options opts{};
    if (p == nullptr || id == nullptr || job == nullptr || !readSized(options, opts)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    *job = nullptr;
    const Host& host = self(p)->host();
    return guard(host, "scanner.start", [&] {
      auto handle = std::make_unique<JobHandle>();
      handle->host = host;
      const onestop_status s = self(p)->startScan(id, opts, handle->job);
      if (s != ONESTOP_OK) return s;
      if (!handle->job) return ONESTOP_E_INTERNAL;
      *job = toHandle(handle.release());
      return ONESTOP_OK;
    });
  }

  static onestop_status nextPage(onestop_scan_job* job, onestop_scan_page* page) noexcept {
    if (job == nullptr || page == nullptr || page->struct_size < sizeof(std::uint32_t)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    JobHandle* h = fromHandle(job);
    return guard(h->host, "scanner.next_page", [&] {
      ScanPage p;
      const onestop_status s = h->job->nextPage(p);
      if (s != ONESTOP_OK) return s;
      onestop_scan_page full{};
      full.struct_size = sizeof(full);
      copyText(full.mime, p.mime);
      full.width_px = p.widthPx;
      full.height_px = p.heightPx;
      full.resolution_dpi = p.resolutionDpi;
      std::lock_guard lock(h->pagesMutex);
      full.data = p.data.data();
      full.data_len = p.data.size();
      const std::uint8_t* key = full.data;
      h->pages.insert_or_assign(key, std::move(p.data));  // moving keeps the buffer address
      writeSized(page, full);
      return ONESTOP_OK;
    });
  }

  static void releasePage(onestop_scan_job* job, onestop_scan_page* page) noexcept {
    if (job == nullptr || page == nullptr) return;
    JobHandle* h = fromHandle(job);
    if (!ONESTOP_FIELD_FITS(onestop_scan_page, page, data)) return;
    std::lock_guard lock(h->pagesMutex);
    h->pages.erase(page->data);
  }

  static onestop_status cancel(onestop_scan_job* job) noexcept {
    if (job == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    JobHandle* h = fromHandle(job);
    return guard(h->host, "scanner.cancel", [&] { return h->job->cancel(); });
  }

  static void finish(onestop_scan_job* job) noexcept {
    std::unique_ptr<JobHandle> h(fromHandle(job));  // ~ScanJob must not throw
  }

  static constexpr onestop_scanner_api kTable{header(sizeof(onestop_scanner_api)),
                                              &capabilities,
                                              &start,
                                              &nextPage,
                                              &releasePage,
                                              &cancel,
                                              &finish};
};

template <typename P>
struct PrinterFunctions {
  static P* self(void* p) { return static_cast<P*>(p); }

  static onestop_status capabilities(void* p, const char* id, onestop_printer_caps* out) noexcept {
    if (p == nullptr || id == nullptr || out == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    if (out->struct_size < sizeof(std::uint32_t)) return ONESTOP_E_INVALID_ARGUMENT;
    return guard(self(p)->host(), "printer.capabilities", [&] {
      onestop_printer_caps full{};
      full.struct_size = sizeof(full);
      const onestop_status s = self(p)->printerCapabilities(id, full);
      if (s == ONESTOP_OK) writeSized(out, full);
      return s;
    });
  }

  static onestop_status submit(void* p, const char* id, const std::uint8_t* pdf, std::size_t pdfLen,
                               const onestop_print_options* options, char* jobId,
                               std::size_t jobIdCap) noexcept {
    onestop_print_options raw{};
    if (p == nullptr || id == nullptr || pdf == nullptr || pdfLen == 0 || jobId == nullptr ||
        jobIdCap == 0 || !readSized(options, raw)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    return guard(self(p)->host(), "printer.submit", [&] {
      PrintOptions opts;
      opts.copies = raw.copies == 0 ? 1 : raw.copies;
      opts.duplex = raw.duplex != 0;
      opts.color = raw.color != 0;
      if (raw.title != nullptr) opts.title = raw.title;
      std::string job;
      const onestop_status s = self(p)->submit(id, {pdf, pdfLen}, opts, job);
      if (s != ONESTOP_OK) return s;
      if (job.size() + 1 > jobIdCap) return ONESTOP_E_BUFFER_TOO_SMALL;
      std::memcpy(jobId, job.c_str(), job.size() + 1);
      return ONESTOP_OK;
    });
  }

  static onestop_status jobState(void* p, const char* id, const char* jobId,
                                 std::uint32_t* state) noexcept {
    if (p == nullptr || id == nullptr || jobId == nullptr || state == nullptr) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    return guard(self(p)->host(), "printer.job_state", [&] {
      onestop_print_state st = ONESTOP_PRINT_PENDING;
      const onestop_status s = self(p)->jobState(id, jobId, st);
      if (s == ONESTOP_OK) *state = static_cast<std::uint32_t>(st);
      return s;
    });
  }

  static onestop_status cancel(void* p, const char* id, const char* jobId) noexcept {
    if (p == nullptr || id == nullptr || jobId == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    return guard(self(p)->host(), "printer.cancel", [&] { return self(p)->cancelJob(id, jobId); });
  }

  static constexpr onestop_printer_api kTable{header(sizeof(onestop_printer_api)), &capabilities,
                                              &submit, &jobState, &cancel};
};

template <typename P>
struct PluginFunctions {
  static_assert(std::is_base_of_v<Plugin, P>, "a plugin class derives from onestop::sdk::Plugin");
  static_assert(std::is_constructible_v<P, Host, std::string_view>,
                "a plugin class has a constructor (onestop::sdk::Host, std::string_view config)");

  static P* self(void* p) { return static_cast<P*>(p); }

  static onestop_status init(const onestop_host_api* hostApi, const char* configJson,
                             void** plugin) noexcept {
    if (hostApi == nullptr || plugin == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    *plugin = nullptr;
    const Host host(hostApi);
    return guard(host, "init", [&] {
      auto instance = std::make_unique<P>(host, configJson != nullptr ? configJson : "{}");
      *plugin = instance.release();
      return ONESTOP_OK;
    });
  }

  static void shutdown(void* plugin) noexcept { std::unique_ptr<P> owned(self(plugin)); }

  static onestop_status enumerate(void* p, onestop_device_info* devices,
                                  std::uint32_t* count) noexcept {
    if (p == nullptr || count == nullptr) return ONESTOP_E_INVALID_ARGUMENT;
    return guard(self(p)->host(), "enumerate", [&] {
      const std::vector<Device> list = self(p)->devices();
      const auto n = static_cast<std::uint32_t>(list.size());
      if (devices == nullptr) {
        *count = n;
        return ONESTOP_OK;
      }
      if (*count < n) {
        *count = n;
        return ONESTOP_E_BUFFER_TOO_SMALL;
      }
      for (std::uint32_t i = 0; i < n; ++i) {
        onestop_device_info info{};
        info.kind = static_cast<std::uint32_t>(list[i].kind);
        info.flags = list[i].flags;
        copyText(info.id, list[i].id);
        copyText(info.name, list[i].name);
        devices[i] = info;
      }
      *count = n;
      return ONESTOP_OK;
    });
  }

  static onestop_status control(void* p, const char* request, char* response,
                                std::size_t* responseLen) noexcept {
    if (p == nullptr || request == nullptr || responseLen == nullptr ||
        (response == nullptr && *responseLen > 0)) {
      return ONESTOP_E_INVALID_ARGUMENT;
    }
    return guard(self(p)->host(), "control", [&] {
      std::string text;
      const onestop_status s = self(p)->control(request, text);
      if (text.size() + 1 > *responseLen) {
        *responseLen = text.size() + 1;
        return ONESTOP_E_BUFFER_TOO_SMALL;
      }
      std::memcpy(response, text.c_str(), text.size() + 1);
      *responseLen = text.size();
      return s;
    });
  }

  static const onestop_plugin_api* table(const char* id) noexcept {
    static const onestop_plugin_api kTable{
        header(sizeof(onestop_plugin_api)),
        id,
        &init,
        &shutdown,
        &enumerate,
        &control,
        readerTable(),
        scannerTable(),
        printerTable(),
    };
    return &kTable;
  }

  // A kind's table exists only when the class derives from that kind's mixin.
  static constexpr const onestop_reader_api* readerTable() {
    if constexpr (std::is_base_of_v<ReaderPlugin, P>) return &ReaderFunctions<P>::kTable;
    return nullptr;
  }
  static constexpr const onestop_scanner_api* scannerTable() {
    if constexpr (std::is_base_of_v<ScannerPlugin, P>) return &ScannerFunctions<P>::kTable;
    return nullptr;
  }
  static constexpr const onestop_printer_api* printerTable() {
    if constexpr (std::is_base_of_v<PrinterPlugin, P>) return &PrinterFunctions<P>::kTable;
    return nullptr;
  }
};

template <typename P>
const onestop_plugin_api* entry(const char* id, std::uint16_t hostMajor,
                                std::uint16_t /*hostMinor*/) noexcept {
  if (hostMajor != ONESTOP_ABI_MAJOR) return nullptr;
  return PluginFunctions<P>::table(id);
}

}  // namespace detail
}  // namespace onestop::sdk

// Defines the exported entry point for ClassName with the manifest id PluginId (a string literal).
#define ONESTOP_DECLARE_PLUGIN(ClassName, PluginId)                                            \
  extern "C" ONESTOP_PLUGIN_EXPORT const onestop_plugin_api* onestop_plugin_entry(             \
      uint16_t host_abi_major, uint16_t host_abi_minor) {                                      \
    return ::onestop::sdk::detail::entry<ClassName>(PluginId, host_abi_major, host_abi_minor); \
  }

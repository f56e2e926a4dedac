#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"

namespace onestop::plugins {
class DeviceCatalog;
struct DeviceEvent;
struct DeviceSnapshot;
}  // namespace onestop::plugins

namespace onestop::emrtd {
class TrustStore;
}
namespace onestop::store {
class AuditLog;
class CaseStore;
class Statistics;
}  // namespace onestop::store
namespace onestop::procedures {
class ProcedureRegistry;
}
namespace onestop::forms {
class FormCatalog;
}
namespace onestop::workflows {
class CardReadWorkflow;
class OnlineVerifier;
class PrinterAccess;
class ScannerAccess;
class ScannerClaims;
}  // namespace onestop::workflows

namespace onestop::api {

class BlobStore;
class EventHub;
class CardReads;
class ScanJobs;
class PrintJobs;

// What card.*, eid.*, evidence.* and audit.* work with; owned by the daemon.
struct CardServices {
  workflows::CardReadWorkflow& workflow;
  std::shared_ptr<const emrtd::TrustStore> trust;
  workflows::OnlineVerifier* online = nullptr;  // none configured
  store::AuditLog& audit;
  CardReads& reads;
  store::Statistics* statistics = nullptr;  // counts reads and verdicts for stats.report
};

// What scan.*, qr.* and card.readFromQr work with; owned by the daemon.
struct ScanServices {
  workflows::ScannerAccess& scanners;
  workflows::ScannerClaims& claims;
  ScanJobs& jobs;
  BlobStore& blobs;  // scanned pages, memory only
  store::AuditLog& audit;
  workflows::OnlineVerifier* online = nullptr;  // classifies the VNeID app QR when it knows it
  // Where scan jobs run (a TaskPool, not the long-call pool: a feeder of 50 pages must not hold
  // a card read's thread); false when it cannot take more.
  std::function<bool(std::function<void()>)> runJob;
  // The largest base64 `image` param: the WebSocket's message limit bounds it anyway.
  std::size_t maxImageBase64Bytes = std::size_t{1} << 20;
};

// What procedures.*, cases.*, forms.* and stats.* work with; owned by the daemon.
struct ProcedureServices {
  procedures::ProcedureRegistry& procedures;
  const forms::FormCatalog& forms;
  store::CaseStore& cases;
  store::Statistics& statistics;
  store::AuditLog& audit;
  BlobStore& blobs;  // rendered forms, receipts, CSV exports: memory only, they expire
  CardReads& reads;
  Json unit;  // the counter's unit (config `unit`), ctx.unit of every script call
  // Due dates: `workingDays` after the ISO date, by the holiday calendar the scripts use.
  std::function<std::string(const std::string& isoDate, int workingDays)> addWorkingDays;
};

// What print.* works with; owned by the daemon.
struct PrintServices {
  workflows::PrinterAccess& printers;
  PrintJobs& jobs;
  BlobStore& blobs;
  store::AuditLog& audit;
  store::Statistics& statistics;
  // Where jobs are followed until they end (the scan pool: short polls, no card read waits).
  std::function<bool(std::function<void()>)> runJob;
};

struct ProductInfo {
  std::string version;
  std::chrono::system_clock::time_point startedAt;
};

// One function per domain file under host/api/methods/.
void registerSystemMethods(MethodRegistry& registry, const ProductInfo& product,
                           const plugins::DeviceCatalog& catalog);
void registerDeviceMethods(MethodRegistry& registry, const plugins::DeviceCatalog& catalog);
void registerEventMethods(MethodRegistry& registry);
void registerAdminMethods(MethodRegistry& registry, plugins::DeviceCatalog& catalog);
void registerCardMethods(MethodRegistry& registry, CardServices& services);
void registerEidMethods(MethodRegistry& registry, CardServices& services);
void registerAuditMethods(MethodRegistry& registry, store::AuditLog& audit);
void registerScanMethods(MethodRegistry& registry, ScanServices& scans);
void registerScanPdfMethod(MethodRegistry& registry, ScanServices& scans);
void registerQrMethods(MethodRegistry& registry, ScanServices& scans);
// card.readFromQr: the card read of card.cpp with its key from the card's QR.
void registerCardFromQrMethods(MethodRegistry& registry, CardServices& cards, ScanServices& scans);
void registerProcedureMethods(MethodRegistry& registry, ProcedureServices& services);
void registerCaseMethods(MethodRegistry& registry, ProcedureServices& services);
void registerCaseSubmitMethod(MethodRegistry& registry, ProcedureServices& services);
void registerFormMethods(MethodRegistry& registry, ProcedureServices& services);
void registerStatsMethods(MethodRegistry& registry, ProcedureServices& services);
// print.submit prints a blob, or a case's form when procedure services are given.
void registerPrintMethods(MethodRegistry& registry, PrintServices& prints,
                          ProcedureServices* procedures);
// rpc.discover reads the registry it is registered in, so register it last.
void registerRpcMethods(MethodRegistry& registry, const ProductInfo& product);

// Everything above, in order: what the daemon and the tests both assemble. Without card
// services (unit tests of the protocol) the card, eid and audit families are left out; without
// scan services the scan and qr families and card.readFromQr.
void registerAllMethods(MethodRegistry& registry, const ProductInfo& product,
                        plugins::DeviceCatalog& catalog, CardServices* cards = nullptr,
                        ScanServices* scans = nullptr, ProcedureServices* procedures = nullptr,
                        PrintServices* prints = nullptr);

// The wire shape of a device, shared by devices.list and the device events.
Json deviceJson(const plugins::DeviceSnapshot& device);
// Turns a plugin-host event into the API notification for subscribed sessions.
void publishDeviceEvent(EventHub& hub, const plugins::DeviceEvent& event);

}  // namespace onestop::api

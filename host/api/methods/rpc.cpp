// rpc.discover and the assembly of every domain's methods.
#include <memory>
#include <mutex>

#include "onestop/api/methods.hpp"
#include "onestop/api/openrpc.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {

void registerRpcMethods(MethodRegistry& registry, const ProductInfo& product) {
  // Built on first call and kept: the registry does not change after start-up.
  auto cache = std::make_shared<std::pair<std::once_flag, Json>>();
  registry.add({"rpc.discover", "rpc", "This API's OpenRPC 1.2.6 document.", schema::empty(),
                Json{{"type", "object"}, {"required", {"openrpc", "info", "methods"}}},
                [&registry, product, cache](const Json&, CallContext&) -> Result<Json> {
                  std::call_once(cache->first, [&] {
                    cache->second = openRpcDocument(registry, product.version);
                  });
                  return cache->second;
                }});
}

void registerAllMethods(MethodRegistry& registry, const ProductInfo& product,
                        plugins::DeviceCatalog& catalog, CardServices* cards, ScanServices* scans,
                        ProcedureServices* procedures, PrintServices* prints) {
  registerSystemMethods(registry, product, catalog);
  registerDeviceMethods(registry, catalog);
  registerEventMethods(registry);
  if (cards != nullptr) {
    registerCardMethods(registry, *cards);
    registerEidMethods(registry, *cards);
    registerAuditMethods(registry, cards->audit);
  }
  if (scans != nullptr) {
    registerScanMethods(registry, *scans);
    registerScanPdfMethod(registry, *scans);
    registerQrMethods(registry, *scans);
    if (cards != nullptr) registerCardFromQrMethods(registry, *cards, *scans);
  }
  if (procedures != nullptr) {
    registerProcedureMethods(registry, *procedures);
    registerCaseMethods(registry, *procedures);
    registerCaseSubmitMethod(registry, *procedures);
    registerFormMethods(registry, *procedures);
    registerStatsMethods(registry, *procedures);
  }
  if (prints != nullptr) registerPrintMethods(registry, *prints, procedures);
  registerAdminMethods(registry, catalog);
  registerRpcMethods(registry, product);
}

}  // namespace onestop::api

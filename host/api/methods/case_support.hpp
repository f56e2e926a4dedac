#pragma once
// Shared by cases.*, forms.render and print.submit: a case with its procedure, the script
// context, the case as the API shows it, and its printable documents.
#include <memory>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/common/result.hpp"
#include "onestop/store/case_store.hpp"

namespace onestop::procedures {
class Procedure;
}

namespace onestop::api {

class Session;

struct LoadedCase {
  store::CaseRecord record;
  std::shared_ptr<procedures::Procedure> procedure;
};

// CaseNotFound; ProcedureNotFound when its procedure is no longer loaded.
Result<LoadedCase> loadCase(ProcedureServices& services, const std::string& caseId);

// ctx of every script call: today and now in Vietnam's time, the unit, the case id.
Json scriptContext(const ProcedureServices& services, const std::string& caseId);

// The case object of every cases.* result, with its problems and documents recomputed.
Result<Json> caseView(ProcedureServices& services, const LoadedCase& loaded);

// The normalised card record (procedure-contract) of a finished read of this session;
// InvalidState when the read is unknown, expired, another session's or held no DG13.
Result<Json> cardRecordOfRead(ProcedureServices& services, const Session& session,
                              const std::string& readId);

// `household` param → {head: card record, members: [...]} (head from a read or typed).
Result<Json> householdOf(ProcedureServices& services, const Session& session,
                         const Json& household);

// A rendered document: the PDF (or PNG page) bytes and how many pages the PDF has.
struct RenderedDocument {
  std::vector<std::uint8_t> bytes;
  std::string mime;
  int pages = 0;
  std::string title;  // "HS-…-CT01": what a print job is called, never citizen data
};

// `form` empty: everything the procedure prints; "receipt" or "CT04/5/6": the case's receipt;
// else one form of the procedure's list (FormNotFound when it prints no such form).
Result<RenderedDocument> renderCaseDocument(ProcedureServices& services, const LoadedCase& loaded,
                                            const std::string& form, bool png, int page, int dpi);

// Audits an access to a case's citizen data; an access the log cannot record does not happen.
Result<void> auditCase(ProcedureServices& services, const Session& session,
                       const std::string& method, const std::string& caseId,
                       std::vector<std::string> fields, const std::string& outcome,
                       const std::string& detail = {});

}  // namespace onestop::api

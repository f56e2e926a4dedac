// card.*: read a CCCD / căn cước chip (card.read) and stop a read (card.cancel).
#include "card_params.hpp"
#include "card_read_result.hpp"
#include "onestop/api/card_reads.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/workflows/card_read.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json openObject() {
  return Json{{"type", "object"}};
}

Json cardReadParams() {
  return s::object(
      {{"reader", s::string("Reader device id; omitted: the only reader, or the one with a card")},
       {"key", keyParamsSchema()},
       {"challenge",
        s::string("The web app server's nonce, 16–128 of [A-Za-z0-9_-]: Active Authentication "
                  "signs SHA-256(challenge ‖ origin)")},
       {"waitForCardSeconds", Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 120}}}});
}

Result<Json> readCard(CardServices& services, Session& session, const Json& params) {
  auto key = readKeyParams(params.value("key", Json::object()));
  if (!key) return key.error();
  const std::string challenge = params.value("challenge", std::string());
  if (!challenge.empty()) {
    if (auto ok = workflows::validateChallenge(challenge); !ok) return ok.error();
  }
  SessionCardRead read(services, session, "card.read");
  workflows::CardReadInput input;
  if (params.contains("reader")) input.reader = params["reader"].get<std::string>();
  input.keys = key->inputs;
  input.challenge = challenge;
  input.waitForCard = std::chrono::seconds(params.value("waitForCardSeconds", 0));
  read.prepare(input);
  return read.complete(services.workflow.run(input), "reader:" + input.reader.value_or("auto"),
                       key->qr ? &*key->qr : nullptr);
}

}  // namespace

void registerCardMethods(MethodRegistry& registry, CardServices& services) {
  registry.add({"card.read", "card",
                "Read and verify the CCCD on a reader: PACE or BAC, DG13/DG1/DG2/DG14/DG15/SOD, "
                "chip, active and passive authentication. Reports card.progress and card.data to "
                "the calling session only.",
                cardReadParams(), cardReadResultSchema(),
                [&services](const Json& params, CallContext& context) -> Result<Json> {
                  return readCard(services, context.session, params);
                },
                /*longRunning=*/true});

  registry.add({"card.cancel", "card", "Stop this session's running card reads (or the one named).",
                s::object({{"readId", s::string()}}),
                s::object({{"cancelled", s::integer()}}, {"cancelled"}),
                [&services](const Json& params, CallContext& context) -> Result<Json> {
                  const auto count = services.reads.cancel(context.session.id(),
                                                           params.value("readId", std::string()));
                  return Json{{"cancelled", count}};
                }});

  registry.addEvent({"card.progress",
                     "A state of a running card.read (to the reading session only).",
                     s::object({{"readId", s::string()},
                                {"state", cardProgressStates()},
                                {"file", s::string()},
                                {"filesDone", s::integer()},
                                {"fileCount", s::integer()},
                                {"bytesRead", s::integer()},
                                {"totalBytes", s::integer()}},
                               {"readId", "state"})});
  registry.addEvent(
      {"card.data",
       "The citizen's DG13 fields as soon as they are read, before verification "
       "(to the reading session only).",
       s::object({{"readId", s::string()}, {"person", openObject()}, {"verified", s::boolean()}},
                 {"readId", "person", "verified"})});
}

}  // namespace onestop::api

-- Xóa đăng ký tạm trú (1.010028): Luật Cư trú Art. 29(1) grounds a–h; the person or a household
-- representative files within 7 days of the event; under TT 116/2026 Art. 12(3) the landlord
-- must notify when a lease or loan ends (residence.md §3.8).
local C = require("cutru")
local P = {}

local FILING_DAYS = 7
local REGISTRATION = { vi = "tạm trú", en = "temporary residence" }

-- Art. 29(1). months: the ground exists only once that long has passed since event_date.
-- in_db: the proof can usually be looked up (death, citizenship).
local GROUNDS = {
  { value = "a", vi = "a) Chết; có quyết định của Tòa án tuyên bố mất tích hoặc đã chết",
    en = "a) Death, or declared missing or dead by a court", in_db = true },
  { value = "b", vi = "b) Đã có quyết định hủy bỏ đăng ký tạm trú", en = "b) The registration was annulled" },
  { value = "c", vi = "c) Vắng mặt liên tục tại nơi tạm trú từ 06 tháng trở lên mà không khai báo tạm vắng",
    en = "c) Absent 6 consecutive months without an absence declaration", months = 6 },
  { value = "d", vi = "d) Bị tước, thôi hoặc mất quốc tịch Việt Nam", en = "d) Lost or renounced Vietnamese citizenship", in_db = true },
  { value = "dd", vi = "đ) Đã được đăng ký thường trú tại chính nơi tạm trú", en = "đ) Now permanently registered at the same place",
    in_db = true },
  { value = "e", vi = "e) Đã chấm dứt việc thuê, mượn, ở nhờ mà không đăng ký tạm trú nơi khác",
    en = "e) The lease or loan ended without a new temporary residence" },
  { value = "g", vi = "g) Chỗ ở đã chuyển quyền sở hữu (trừ khi chủ sở hữu mới đồng ý cho tiếp tục ở)",
    en = "g) The home changed owner (unless the new owner agrees to the stay)" },
  { value = "h", vi = "h) Chỗ ở bị phá dỡ, tịch thu hoặc phương tiện bị xóa đăng ký",
    en = "h) The home was demolished or confiscated, or the vehicle deregistered" },
}

local function ground(value)
  for _, g in ipairs(GROUNDS) do if g.value == value then return g end end
end

-- Titles mirror manifest.json "documents": CT01 and one proof per ground.
local DOCS = { ct01 = { title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
                        required = true, available_in_db = false, kind = "Bản chính" } }
for _, g in ipairs(GROUNDS) do
  DOCS["proof_" .. g.value] = { title = { vi = "Giấy tờ chứng minh căn cứ " .. g.vi, en = "Proof of ground " .. g.en },
                                required = true, available_in_db = g.in_db == true }
end
P.DOCS = DOCS

P.fields = C.concat(C.person_fields(), C.head_fields(false), {
  { id = "residence_address", label = { vi = "Nơi tạm trú bị xóa", en = "Temporary address being struck" },
    type = "textarea", required = true, source = "staff", max_length = 300 },
  { id = "ground", label = { vi = "Căn cứ xóa đăng ký (Điều 29 khoản 1)", en = "Ground (Art. 29(1))" }, type = "select",
    required = true, source = "staff", options = GROUNDS },
  { id = "event_date", label = { vi = "Ngày phát sinh căn cứ (chết, chấm dứt hợp đồng, bắt đầu vắng mặt…)",
                                 en = "Date of the event (death, end of the lease, start of the absence…)" },
    type = "date", required = true, source = "applicant" },
  { id = "declarant_id_number", label = { vi = "Số định danh của người kê khai (nếu không phải người bị xóa)",
                                          en = "Declarant's ID number (if not the person concerned)" },
    type = "id_number", source = "applicant" },
}, C.tail_fields())

function P.prefill(card, household, ctx)
  local form = C.prefill(card, household, ctx)
  form.residence_address = "" -- the card shows the permanent address only
  form.ground = ""
  form.event_date = ""
  form.declarant_id_number = ""
  -- No address to enter and no guardian block: keep the form to this procedure's fields.
  for _, k in ipairs({ "addr_house", "addr_street", "addr_hamlet", "addr_province", "addr_ward", "addr_on_papers",
                       "guardian_name", "guardian_id_number" }) do form[k] = nil end
  return form
end

local function iso(v) return not C.empty(v) and onestop.date.parse(v) or nil end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  local event, g = iso(form.event_date), ground(form.ground)
  if not event then return out end
  if onestop.date.compare(event, ctx.today) > 0 then
    out[#out + 1] = onestop.problem("event_date", "DATE_IN_FUTURE", "Ngày phát sinh căn cứ ở tương lai",
                                    "The event date is in the future")
    return out
  end
  if not g then return out end
  -- When the ground needs a period, it exists (and the 7 days run) only from its end.
  local arises = g.months and onestop.date.add_months(event, g.months) or event
  if onestop.date.compare(arises, ctx.today) > 0 then
    out[#out + 1] = onestop.problem("event_date", "GROUND_PERIOD_NOT_MET",
      "Chưa đủ " .. g.months .. " tháng: căn cứ này phát sinh từ ngày " .. onestop.date.format(arises),
      "Less than " .. g.months .. " months: this ground arises on " .. onestop.date.format(arises))
  elseif onestop.date.days_between(arises, ctx.today) > FILING_DAYS then
    out[#out + 1] = onestop.problem("event_date", "LATE_FILING",
      "Quá 7 ngày kể từ khi phát sinh căn cứ (cơ quan đăng ký có thể tự xóa đăng ký " .. REGISTRATION.vi .. ")",
      "More than 7 days after the ground arose (the office may strike the " .. REGISTRATION.en .. " itself)", "warning")
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "ct01") }
  if ground(form.ground) then out[#out + 1] = C.doc(DOCS, "proof_" .. form.ground) end
  return out
end

function P.request(form)
  if not C.empty(form.request) then return form.request end
  local g = ground(form.ground)
  local reason = g and g.vi:gsub("^%S+%) ", "") or "…"
  return "Xóa đăng ký " .. REGISTRATION.vi .. " đối với " .. C.upper(form.full_name) .. " tại: "
         .. (C.empty(form.residence_address) and "…" or form.residence_address) .. " (lý do: " .. reason .. ")"
end

function P.render(form, ctx)
  return { { form = "CT01", data = C.ct01(form, ctx, P.request(form), {}) } }
end

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)),
           temporary_residence = form.residence_address }
end

return P

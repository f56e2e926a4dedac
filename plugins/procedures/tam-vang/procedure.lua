-- Khai báo tạm vắng (1.003677): Luật Cư trú Art. 31; groups (a)–(d) per residence.md §3.5.
-- The police issue CT03 (Phiếu khai báo tạm vắng) to the declarant.
local C = require("cutru")
local P = {}

-- Each group: who it is, when a declaration is due, and how it must be filed.
local GROUPS = {
  { value = "a", vi = "a) Bị can, bị cáo, người bị kết án đang tại ngoại, hưởng án treo, tha tù trước thời hạn…: đi khỏi xã từ 1 ngày trở lên",
    en = "a) Accused, defendants or convicts on bail, suspended sentence, parole…: leaving the commune for 1 day or more" },
  { value = "b", vi = "b) Người đang chấp hành biện pháp xử lý hành chính, giáo dục tại xã: đi khỏi xã từ 1 ngày trở lên",
    en = "b) People under an administrative or education measure: leaving the commune for 1 day or more" },
  { value = "c", vi = "c) Người trong độ tuổi nghĩa vụ quân sự, dự bị động viên…: đi khỏi nơi cư trú từ 3 tháng liên tục trở lên",
    en = "c) People of military-service age or with other state obligations: leaving for 3 consecutive months or more" },
  { value = "d", vi = "d) Người khác: đi khỏi xã nơi thường trú từ 12 tháng liên tục trở lên (trừ khi đã đăng ký tạm trú nơi khác hoặc xuất cảnh)",
    en = "d) Anyone else: leaving the commune of permanent residence for 12 consecutive months or more (unless registered elsewhere or abroad)" },
}
local MIN_MONTHS = { c = 3, d = 12 } -- shorter absences need no declaration (a warning, not an error)

-- Titles mirror manifest.json "documents".
local DOCS = {
  declaration = { title = { vi = "Đề nghị khai báo tạm vắng", en = "Absence declaration request" },
                  required = true, available_in_db = false, kind = "Bản chính" },
  supervisor_consent = { title = { vi = "Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo dục",
                                   en = "Written consent of the supervising agency" },
                         required = true, available_in_db = false, kind = "Bản chính" },
}
P.DOCS = DOCS

P.fields = C.concat(C.person_fields(), {
  { id = "permanent_residence", label = { vi = "Nơi thường trú", en = "Permanent residence" }, type = "textarea",
    required = true, source = "card", max_length = 300 },
  { id = "group", label = { vi = "Đối tượng khai báo (Điều 31)", en = "Group (Art. 31)" }, type = "select", required = true,
    source = "staff", options = GROUPS },
  { id = "supervising_agency", label = { vi = "Cơ quan giám sát, quản lý", en = "Supervising agency" }, type = "text",
    source = "applicant", max_length = 200 },
  { id = "supervising_consent", label = { vi = "Có văn bản đồng ý của cơ quan giám sát, quản lý",
                                          en = "The supervising agency's written consent is shown" },
    type = "boolean", source = "staff" },
  { id = "from_date", label = { vi = "Tạm vắng từ ngày", en = "Absent from" }, type = "date", required = true, source = "applicant" },
  { id = "to_date", label = { vi = "Tạm vắng đến ngày", en = "Absent until" }, type = "date", required = true, source = "applicant" },
  { id = "reason", label = { vi = "Lý do tạm vắng", en = "Reason" }, type = "textarea", required = true,
    source = "applicant", max_length = 300 },
  { id = "destination", label = { vi = "Nơi đến (số nhà, đường, thôn, xã, tỉnh)", en = "Destination address" },
    type = "textarea", required = true, source = "applicant", max_length = 300 },
}, C.guardian_fields(), {
  { id = "declarant_name", label = { vi = "Người khai báo", en = "Declarant" }, type = "text", source = "card", max_length = 100 },
})

function P.prefill(card, household, ctx)
  local base = C.prefill(card, household, ctx)
  return { full_name = base.full_name, date_of_birth = base.date_of_birth, sex = base.sex, id_number = base.id_number,
           phone = "", email = "", permanent_residence = card and card.place_of_residence or "", group = "",
           supervising_agency = "", supervising_consent = false, from_date = onestop.date.format(ctx.today),
           to_date = "", reason = "", destination = "", guardian_name = "", guardian_id_number = "",
           declarant_name = base.declarant_name }
end

local function iso(v) return not C.empty(v) and onestop.date.parse(v) or nil end
local function supervised(form) return form.group == "a" or form.group == "b" end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  C.check_guardian(form, ctx, out)
  if supervised(form) then
    if ctx.channel ~= "in_person" then
      out[#out + 1] = onestop.problem("group", "IN_PERSON_REQUIRED",
        "Đối tượng a), b) phải trực tiếp đến khai báo tại Công an cấp xã",
        "Groups a) and b) must declare in person at the commune police")
    end
    if form.supervising_consent ~= true then
      out[#out + 1] = onestop.problem("supervising_consent", "SUPERVISOR_CONSENT_REQUIRED",
        "Cần văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý",
        "The written consent of the supervising agency is required")
    end
    if C.empty(form.supervising_agency) then
      out[#out + 1] = onestop.problem("supervising_agency", "REQUIRED", "Chưa nhập cơ quan giám sát, quản lý",
                                      "The supervising agency is required")
    end
  end
  local from, to = iso(form.from_date), iso(form.to_date)
  if from and to then
    if onestop.date.compare(to, from) <= 0 then
      out[#out + 1] = onestop.problem("to_date", "DATE_ORDER", "Ngày kết thúc phải sau ngày bắt đầu",
                                      "The end date must be after the start date")
    elseif MIN_MONTHS[form.group] and onestop.date.compare(to, onestop.date.add_months(from, MIN_MONTHS[form.group])) < 0 then
      local m = MIN_MONTHS[form.group]
      out[#out + 1] = onestop.problem("to_date", "DECLARATION_NOT_REQUIRED",
        "Vắng dưới " .. m .. " tháng: đối tượng này không bắt buộc khai báo tạm vắng",
        "Absent less than " .. m .. " months: this group need not declare", "warning")
    end
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "declaration") }
  if supervised(form) then out[#out + 1] = C.doc(DOCS, "supervisor_consent") end
  return out
end

function P.request(form)
  local from, to = iso(form.from_date), iso(form.to_date)
  return "Khai báo tạm vắng từ ngày " .. (from and onestop.date.format(from) or "…") .. " đến ngày "
         .. (to and onestop.date.format(to) or "…") .. "; nơi đến: " .. (C.empty(form.destination) and "…" or form.destination)
end

-- CT03 data (the slip the police issue; the template is the forms helper's).
function P.render(form, ctx)
  return { { form = "CT03", data = {
    kinh_gui = C.kinh_gui(ctx), full_name = C.upper(form.full_name), date_of_birth = C.display_date(form.date_of_birth),
    sex = form.sex == "M" and "Nam" or (form.sex == "F" and "Nữ" or ""), id_number = form.id_number or "",
    permanent_residence = form.permanent_residence or "", temporary_residence = "", current_residence = "",
    from_date = C.display_date(form.from_date), to_date = C.display_date(form.to_date), reason = form.reason or "",
    destination = form.destination or "", signature_place_date = C.signature_place_date(ctx),
    declarant_name = C.upper(form.declarant_name) } } }
end

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)),
           permanent_residence = form.permanent_residence }
end

return P

-- Cấp tài khoản định danh điện tử mức 2 (1.011411): ND 69/2024 Art. 7, 9, 10, 13, 14, 16 and
-- Luật Căn cước Art. 22 (residence.md §3.9). In person with a valid card; TK01; the citizen takes
-- home an activation guide (VNEID-GUIDE).
local C = require("cutru")
local P = {}

P.TIME_LIMIT_WORKING_DAYS = 3 -- mirrors manifest.timeLimit (a test checks); with a valid card
local ACTIVATE_WITHIN_DAYS = 7 -- Art. 13: afterwards only through the support hotline
local MIN_AGE, ADULT_AGE = 6, 14 -- 14+: own right; 6–13: on request with the representative
-- The VNeID app's store page (Android; the iOS page is named in the steps).
P.INSTALL_URL = "https://play.google.com/store/apps/details?id=com.vnid"

-- Luật Căn cước Art. 22 list (Ministry of Defence papers excluded).
local INTEGRATIONS = {
  { id = "integrate_bhyt", vi = "Thẻ bảo hiểm y tế", en = "Health-insurance card" },
  { id = "integrate_bhxh", vi = "Sổ bảo hiểm xã hội", en = "Social-insurance book" },
  { id = "integrate_gplx", vi = "Giấy phép lái xe", en = "Driving licence" },
  { id = "integrate_khai_sinh", vi = "Giấy khai sinh", en = "Birth certificate" },
  { id = "integrate_ket_hon", vi = "Giấy chứng nhận kết hôn", en = "Marriage certificate" },
}

-- Titles mirror manifest.json "documents".
local DOCS = {
  tk01 = { title = { vi = "Phiếu đề nghị cấp tài khoản định danh điện tử (TK01)", en = "eID account request (TK01)" },
           required = true, available_in_db = false, kind = "Bản chính" },
  card = { title = { vi = "Thẻ căn cước / căn cước công dân còn hạn", en = "Valid ID card" }, required = true,
           available_in_db = false, kind = "Bản chính", note = { vi = "Xuất trình, không thu", en = "Shown, not kept" } },
  representative_card = { title = { vi = "Thẻ căn cước của người đại diện hợp pháp", en = "The legal representative's ID card" },
                          required = true, available_in_db = false, kind = "Bản chính",
                          note = { vi = "Xuất trình, không thu", en = "Shown, not kept" } },
}
P.DOCS = DOCS

local person = C.person_fields()
person[5].required = true -- phone: an own-name mobile is mandatory (Art. 10(2)(b))
P.fields = C.concat(person, {
  { id = "nationality", label = { vi = "Quốc tịch", en = "Nationality" }, type = "text", required = true, source = "card",
    max_length = 50 },
  { id = "card_expiry", label = { vi = "Thẻ có giá trị đến (để trống nếu không thời hạn)", en = "Card valid until (empty: no expiry)" },
    type = "date", source = "card" },
  { id = "phone_own_name", label = { vi = "Số thuê bao di động đứng tên công dân (hoặc người đại diện)",
                                     en = "The mobile number is in the citizen's (or representative's) own name" },
    type = "boolean", source = "applicant" },
  { id = "phone_not_linked", label = { vi = "Số điện thoại chưa gắn với tài khoản định danh điện tử khác",
                                       en = "The number is not tied to another eID account" },
    type = "boolean", source = "applicant" },
})
for _, i in ipairs(INTEGRATIONS) do
  P.fields[#P.fields + 1] = { id = i.id, label = { vi = "Tích hợp: " .. i.vi, en = "Integrate: " .. i.en },
                              type = "boolean", source = "applicant" }
end
P.fields = C.concat(P.fields, {
  { id = "representative_name", label = { vi = "Người đại diện hợp pháp (6 đến dưới 14 tuổi)",
                                          en = "Legal representative (ages 6 to 13)" },
    type = "text", source = "applicant", max_length = 100 },
  { id = "representative_id_number", label = { vi = "Số định danh cá nhân của người đại diện", en = "Representative's ID number" },
    type = "id_number", source = "applicant" },
  { id = "declarant_name", label = { vi = "Người đề nghị", en = "Applicant" }, type = "text", source = "card", max_length = 100 },
})

function P.prefill(card, household, ctx)
  local base = C.prefill(card, nil, ctx)
  local form = { full_name = base.full_name, date_of_birth = base.date_of_birth, sex = base.sex,
                 id_number = base.id_number, phone = "", email = "",
                 nationality = card and card.nationality or "",
                 card_expiry = card and card.date_of_expiry and onestop.date.format(card.date_of_expiry) or "",
                 phone_own_name = false, phone_not_linked = false, representative_name = "",
                 representative_id_number = "", declarant_name = base.declarant_name }
  for _, i in ipairs(INTEGRATIONS) do form[i.id] = false end
  return form
end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  local age = C.age(form, ctx)
  if age and age < MIN_AGE then
    out[#out + 1] = onestop.problem("date_of_birth", "AGE_BELOW_MINIMUM",
      "Dưới 6 tuổi: chỉ được cấp tài khoản định danh điện tử mức 1",
      "Under 6: only a level-1 account can be issued")
  elseif age and age < ADULT_AGE then
    if C.empty(form.representative_name) then
      out[#out + 1] = onestop.problem("representative_name", "REPRESENTATIVE_REQUIRED",
        "Từ 6 đến dưới 14 tuổi: người đại diện hợp pháp đi cùng và đề nghị",
        "Ages 6 to 13: the legal representative comes along and makes the request")
    end
    if C.empty(form.representative_id_number) then
      out[#out + 1] = onestop.problem("representative_id_number", "REQUIRED",
        "Chưa nhập số định danh của người đại diện", "The representative's ID number is required")
    end
  end
  local expiry = not C.empty(form.card_expiry) and onestop.date.parse(form.card_expiry)
  if expiry and onestop.date.compare(expiry, ctx.today) < 0 then
    out[#out + 1] = onestop.problem("card_expiry", "CARD_EXPIRED",
      "Thẻ đã hết hạn: tài khoản mức 2 được cấp cùng thẻ căn cước mới",
      "The card has expired: the level-2 account is issued with a new card")
  end
  if not C.empty(form.phone) and onestop.phone.normalize(form.phone) and onestop.phone.kind(form.phone) ~= "mobile" then
    out[#out + 1] = onestop.problem("phone", "PHONE_NOT_MOBILE", "Cần số thuê bao di động (để nhận mã kích hoạt)",
                                    "A mobile number is needed (for the activation code)")
  end
  if form.phone_own_name ~= true then
    out[#out + 1] = onestop.problem("phone_own_name", "PHONE_NOT_OWN",
      "Số điện thoại phải đứng tên chính chủ", "The phone number must be in the citizen's own name")
  end
  if form.phone_not_linked ~= true then
    out[#out + 1] = onestop.problem("phone_not_linked", "PHONE_LINKED_ELSEWHERE",
      "Số điện thoại không được đang gắn với tài khoản định danh điện tử khác",
      "The number must not be tied to another eID account")
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "tk01"), C.doc(DOCS, "card") }
  local age = C.age(form, ctx)
  if age and age < ADULT_AGE then out[#out + 1] = C.doc(DOCS, "representative_card") end
  return out
end

-- The appointment: ctx.due_date when the host computed it, else today + the time limit.
function P.due_date(ctx)
  return ctx.due_date or onestop.date.add_working_days(ctx.today, P.TIME_LIMIT_WORKING_DAYS)
end

-- "001095012345" → "0010******45"; keeps `head` and `tail` characters.
local function mask(s, head, tail)
  s = s or ""
  if #s <= head + tail then return s end
  return s:sub(1, head) .. string.rep("*", #s - head - tail) .. s:sub(-tail)
end
P.mask = mask

local STEPS = {
  "Cài đặt ứng dụng VNeID: quét mã QR trên phiếu này (Android) hoặc tìm \"VNeID\" trên App Store (iPhone).",
  "Khi nhận tin nhắn báo tài khoản mức 2 đã được phê duyệt, mở VNeID và chọn \"Kích hoạt tài khoản định danh điện tử\".",
  "Nhập số định danh cá nhân và số điện thoại đã đăng ký, rồi nhập mã kích hoạt (OTP) nhận qua tin nhắn.",
  "Đặt mật khẩu theo quy tắc dưới đây.",
  "Đặt mã passcode gồm 6 chữ số và chọn 2 câu hỏi bảo mật.",
  "Kích hoạt trong vòng 7 ngày kể từ khi có kết quả; quá hạn phải liên hệ tổng đài hỗ trợ để được cấp lại mã.",
}
local PASSWORD_RULES = {
  "Dài từ 8 đến 20 ký tự",
  "Có ít nhất một chữ số",
  "Có ít nhất một chữ in hoa và một chữ in thường",
  "Có ít nhất một ký tự đặc biệt (ví dụ: ! @ # $ %)",
  "Nhập sai mật khẩu 5 lần, tài khoản bị tạm khóa",
}

function P.render(form, ctx)
  local integrate = {}
  for _, i in ipairs(INTEGRATIONS) do if form[i.id] == true then integrate[#integrate + 1] = i.vi end end
  local phone = onestop.phone.normalize(form.phone or "") or form.phone or ""
  local due = P.due_date(ctx)
  local tk01 = { kinh_gui = C.kinh_gui(ctx), full_name = C.upper(form.full_name),
                 date_of_birth = C.display_date(form.date_of_birth),
                 sex = form.sex == "M" and "Nam" or (form.sex == "F" and "Nữ" or ""), id_number = form.id_number or "",
                 nationality = form.nationality or "", phone = phone, email = form.email or "", level = "2",
                 integrate = #integrate > 0 and integrate or nil, signature_place_date = C.signature_place_date(ctx),
                 declarant_name = C.upper(C.empty(form.representative_name) and form.declarant_name or form.representative_name) }
  local guide = { full_name = C.upper(form.full_name), id_number_masked = mask(form.id_number, 4, 2),
                  phone_masked = mask(phone, 2, 2), due_date = onestop.date.format(due),
                  activate_by = onestop.date.format(onestop.date.add_days(due, ACTIVATE_WITHIN_DAYS)),
                  steps = STEPS, password_rules = PASSWORD_RULES,
                  passcode_rule = "Mã passcode gồm 6 chữ số, dùng để đăng nhập nhanh và xác nhận giao dịch; không chia sẻ cho người khác.",
                  install_qr_text = P.INSTALL_URL, hotline = ctx.unit and ctx.unit.phone or "" }
  return { { form = "TK01", data = tk01 }, { form = "VNEID-GUIDE", data = guide } }
end

function P.receipt(form, ctx)
  local docs = {}
  for _, d in ipairs(P.documents(form, ctx)) do
    docs[#docs + 1] = { name = d.title.vi, kind = d.kind, note = d.note and d.note.vi or "" }
  end
  return { request = "Cấp tài khoản định danh điện tử mức 2", documents = docs, phone = form.phone, email = form.email }
end

return P

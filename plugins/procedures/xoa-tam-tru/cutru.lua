-- Shared CT01 helpers for the residence procedures (cư trú).
--
-- The sandbox lets a procedure `require` only files of its own folder, so this file is COPIED
-- into every CT01 procedure folder; the ctest `procedures.cutru_copies_identical` fails when the
-- copies drift. Edit plugins/procedures/thuong-tru/cutru.lua and copy it to the others.
-- Everything here is about the CT01 form (TT 116/2026) and the rules of residence.md §6;
-- procedure-specific rules stay in each procedure.lua.
local C = {}

local function empty(v) return v == nil or v == "" end
C.empty = empty

-- Relationship to the household head (CT01 field 8). Not an official code list.
C.relationships = {
  { value = "chu_ho", vi = "Chủ hộ", en = "Head of household" },
  { value = "vo", vi = "Vợ", en = "Wife" },
  { value = "chong", vi = "Chồng", en = "Husband" },
  { value = "con", vi = "Con", en = "Child" },
  { value = "cha", vi = "Cha", en = "Father" },
  { value = "me", vi = "Mẹ", en = "Mother" },
  { value = "anh_chi_em", vi = "Anh, chị, em", en = "Sibling" },
  { value = "ong_ba", vi = "Ông, bà", en = "Grandparent" },
  { value = "chau", vi = "Cháu", en = "Grandchild, nephew or niece" },
  { value = "khac", vi = "Khác", en = "Other" },
}

local SEXES = { { value = "M", vi = "Nam", en = "Male" }, { value = "F", vi = "Nữ", en = "Female" } }

function C.option_label(options, value)
  for _, o in ipairs(options) do if o.value == value then return o.vi end end
  return value
end

local function province_options()
  local out = {}
  for _, p in ipairs(onestop.units.provinces()) do
    out[#out + 1] = { value = p.code, vi = p.name, en = p.name }
  end
  return out
end

-- CT01 fields 1–6 (the person, from the card and the applicant).
function C.person_fields()
  return {
    { id = "full_name", label = { vi = "Họ, chữ đệm và tên khai sinh", en = "Full name" },
      type = "text", required = true, source = "card", max_length = 100 },
    { id = "date_of_birth", label = { vi = "Ngày, tháng, năm sinh", en = "Date of birth" },
      type = "date", required = true, source = "card", year_only_allowed = true },
    { id = "sex", label = { vi = "Giới tính", en = "Sex" }, type = "select", required = true,
      source = "card", options = SEXES },
    { id = "id_number", label = { vi = "Số định danh cá nhân", en = "Personal ID number" },
      type = "id_number", required = true, source = "card" },
    { id = "phone", label = { vi = "Số điện thoại liên hệ", en = "Contact phone" },
      type = "phone", source = "applicant" },
    { id = "email", label = { vi = "Email", en = "Email" }, type = "email", source = "applicant" },
  }
end

-- CT01 fields 7–9: the (new, for thường trú/tạm trú, note 2) household head.
function C.head_fields(required)
  return {
    { id = "head_name", label = { vi = "Họ, chữ đệm và tên chủ hộ", en = "Household head's name" },
      type = "text", required = required, source = "household", max_length = 100 },
    { id = "head_relationship", label = { vi = "Mối quan hệ với chủ hộ", en = "Relationship to the head" },
      type = "select", required = required, source = "applicant", options = C.relationships },
    { id = "head_id_number", label = { vi = "Số định danh cá nhân của chủ hộ", en = "Head's personal ID number" },
      type = "id_number", required = required, source = "household" },
  }
end

-- An address under the post-07/2025 two-level model (no district), plus the address as printed
-- on the lodging papers when a boundary change made them differ (CT01 note 3).
function C.address_fields(label)
  return {
    { id = "addr_house", label = { vi = label.vi .. ": số nhà", en = label.en .. ": house number" },
      type = "text", source = "staff", max_length = 60 },
    { id = "addr_street", label = { vi = label.vi .. ": đường, phố, ngõ", en = label.en .. ": street or lane" },
      type = "text", source = "staff", max_length = 100 },
    { id = "addr_hamlet", label = { vi = label.vi .. ": thôn, tổ dân phố", en = label.en .. ": hamlet or residential group" },
      type = "text", source = "staff", max_length = 100 },
    { id = "addr_province", label = { vi = label.vi .. ": tỉnh, thành phố", en = label.en .. ": province or city" },
      type = "select", required = true, source = "config", options = province_options() },
    { id = "addr_ward", label = { vi = label.vi .. ": xã, phường, đặc khu", en = label.en .. ": commune or ward" },
      type = "text", required = true, source = "config" },
    { id = "addr_on_papers", label = { vi = "Địa chỉ ghi trên giấy tờ chỗ ở (nếu khác do thay đổi địa giới)",
                                       en = "Address as printed on the lodging papers (if a boundary change differs)" },
      type = "textarea", source = "applicant", max_length = 300 },
  }
end

-- Parent/guardian of a minor (CT01 consent block 6 and note 8 lines).
function C.guardian_fields()
  return {
    { id = "guardian_name", label = { vi = "Họ và tên cha, mẹ hoặc người giám hộ", en = "Parent or guardian's name" },
      type = "text", source = "applicant", max_length = 100 },
    { id = "guardian_id_number", label = { vi = "Số định danh cá nhân của cha, mẹ hoặc người giám hộ",
                                           en = "Parent or guardian's personal ID number" },
      type = "id_number", source = "applicant" },
  }
end

function C.tail_fields()
  return {
    { id = "members", label = { vi = "Những thành viên trong hộ gia đình cùng thay đổi",
                                en = "Household members changing together" },
      type = "table", source = "card", columns = {
        { id = "full_name", label = { vi = "Họ, chữ đệm và tên", en = "Full name" }, type = "text", required = true, max_length = 100 },
        { id = "date_of_birth", label = { vi = "Ngày, tháng, năm sinh", en = "Date of birth" }, type = "date", required = true, year_only_allowed = true },
        { id = "sex", label = { vi = "Giới tính", en = "Sex" }, type = "select", options = SEXES },
        { id = "id_number", label = { vi = "Số định danh cá nhân", en = "Personal ID number" }, type = "id_number" },
        { id = "relationship", label = { vi = "Mối quan hệ với chủ hộ", en = "Relationship to the head" }, type = "select", options = C.relationships },
      } },
    { id = "request", label = { vi = "Nội dung đề nghị (để trống: tự lập từ địa chỉ)",
                                en = "Request (leave empty to build it from the address)" },
      type = "textarea", source = "staff", max_length = 1000 },
    { id = "declarant_name", label = { vi = "Người kê khai", en = "Declarant" }, type = "text",
      source = "card", max_length = 100 },
  }
end

-- Concatenates field lists (display order is list order).
function C.concat(...)
  local out = {}
  for _, list in ipairs({ ... }) do for _, f in ipairs(list) do out[#out + 1] = f end end
  return out
end

-- "1995-06-15" → "15/06/1995"; year-only and unparsable values pass through unchanged.
function C.display_date(v)
  if empty(v) then return "" end
  local iso = onestop.date.parse(v)
  return iso and onestop.date.format(iso) or v
end

-- CT01 fields 1–4 from the card record, 7 and 9 from the household, the declarant = the holder.
function C.prefill(card, household, ctx)
  local form = { full_name = "", date_of_birth = "", sex = "", id_number = "", phone = "", email = "",
                 head_name = "", head_relationship = "", head_id_number = "", members = {},
                 request = "", declarant_name = "", guardian_name = "", guardian_id_number = "",
                 addr_house = "", addr_street = "", addr_hamlet = "", addr_on_papers = "",
                 addr_province = ctx and ctx.unit and ctx.unit.province_code or "",
                 addr_ward = ctx and ctx.unit and ctx.unit.ward_code or "" }
  if card then
    form.full_name = card.full_name or ""
    form.date_of_birth = card.date_of_birth and onestop.date.format(card.date_of_birth)
                         or card.date_of_birth_text or ""
    form.sex = card.sex or ""
    form.id_number = card.id_number or ""
    form.declarant_name = card.full_name or ""
  end
  local head = household and household.head
  if head then
    form.head_name = head.full_name or ""
    form.head_id_number = head.id_number or ""
    if card and head.id_number and head.id_number == card.id_number then form.head_relationship = "chu_ho" end
  end
  return form
end

-- Age in whole years on ctx.today, or nil when the birth date is unknown. A year-only birth date
-- counts from 31 December: the youngest reading, so a minor is never missed.
function C.age(form, ctx)
  local v = form.date_of_birth
  if empty(v) then return nil end
  local iso = onestop.date.parse(v)
  if not iso and v:match("^%d%d%d%d$") then iso = v .. "-12-31" end
  if not iso then return nil end
  return onestop.date.age(iso, ctx.today)
end

local MESSAGES = {
  REQUIRED = { "Chưa nhập %s", "%s is required" },
  DATE_INVALID = { "%s: ngày không hợp lệ (dd/mm/yyyy)", "%s: not a valid date (dd/mm/yyyy)" },
  DATE_IN_FUTURE = { "%s: ngày ở tương lai", "%s: the date is in the future" },
  PHONE_INVALID = { "%s: số điện thoại không hợp lệ", "%s: the phone number is not valid" },
  EMAIL_INVALID = { "%s: email không hợp lệ", "%s: the email address is not valid" },
  OPTION_INVALID = { "%s: giá trị không có trong danh sách", "%s: the value is not in the list" },
  TOO_LONG = { "%s: quá dài", "%s: too long" },
  NOT_BOOLEAN = { "%s: phải là có/không", "%s: must be yes or no" },
  ID_NOT_12_DIGITS = { "%s: số định danh phải gồm 12 chữ số", "%s: the ID number must have 12 digits" },
  ID_PROVINCE_UNKNOWN = { "%s: mã nơi đăng ký khai sinh không xác định, kiểm tra lại",
                          "%s: unknown birth-registration code, please check" },
  ID_GENDER_CODE_INVALID = { "%s: mã thế kỷ/giới tính không hợp lệ, kiểm tra lại",
                             "%s: the century/sex digit is not valid, please check" },
  ID_BIRTH_YEAR_MISMATCH = { "%s: năm sinh trong số định danh không khớp ngày sinh, kiểm tra lại",
                             "%s: the birth year in the ID does not match the date of birth, please check" },
  ID_SEX_MISMATCH = { "%s: giới tính trong số định danh không khớp, kiểm tra lại",
                      "%s: the sex encoded in the ID does not match, please check" },
  WARD_UNKNOWN = { "%s: không tìm thấy xã/phường trong tỉnh đã chọn", "%s: no such commune or ward in the chosen province" },
}

-- A problem for a field, with the field's label in the message.
function C.problem(field, code, label, severity)
  local m = MESSAGES[code]
  local vi = label and label.vi or field
  local en = label and label.en or field
  return onestop.problem(field, code, string.format(m[1], vi), string.format(m[2], en), severity)
end

local function index_by_id(fields)
  local t = {}
  for _, f in ipairs(fields) do t[f.id] = f end
  return t
end

-- Checks one value against its field definition. sex/dob (ISO) help the ID consistency check.
local function check_value(f, path, v, out, ctx, person)
  if empty(v) or (f.type == "boolean" and v == false) or (f.type == "table" and #v == 0) then
    if f.required then out[#out + 1] = C.problem(path, "REQUIRED", f.label) end
    return
  end
  local t = f.type
  if t == "boolean" then
    if type(v) ~= "boolean" then out[#out + 1] = C.problem(path, "NOT_BOOLEAN", f.label) end
    return
  end
  if t == "table" then return end
  if type(v) ~= "string" then out[#out + 1] = C.problem(path, "OPTION_INVALID", f.label) return end
  if t == "date" then
    local iso = onestop.date.parse(v)
    if not iso and f.year_only_allowed and v:match("^%d%d%d%d$") then iso = v .. "-01-01" end
    if not iso then out[#out + 1] = C.problem(path, "DATE_INVALID", f.label)
    elseif f.id == "date_of_birth" and onestop.date.compare(iso, ctx.today) > 0 then
      out[#out + 1] = C.problem(path, "DATE_IN_FUTURE", f.label)
    end
  elseif t == "phone" then
    if not onestop.phone.normalize(v) then out[#out + 1] = C.problem(path, "PHONE_INVALID", f.label) end
  elseif t == "email" then
    if not onestop.email.valid(v) then out[#out + 1] = C.problem(path, "EMAIL_INVALID", f.label) end
  elseif t == "select" then
    local ok = false
    for _, o in ipairs(f.options) do if o.value == v then ok = true end end
    if not ok then out[#out + 1] = C.problem(path, "OPTION_INVALID", f.label) end
  elseif t == "id_number" then
    -- Only the length is an error (12 boxes); the rest comes from circulars: warnings (§6.1).
    local codes = onestop.id.check(v, person or {})
    for _, code in ipairs(codes) do
      out[#out + 1] = C.problem(path, code, f.label, code == "ID_NOT_12_DIGITS" and "error" or "warning")
    end
  elseif f.max_length and onestop.text.length(v) > f.max_length then
    out[#out + 1] = C.problem(path, "TOO_LONG", f.label)
  end
end

-- The birth date and sex the ID number is checked against (a bare year still checks the year).
local function person_of(row)
  local v = row.date_of_birth
  local iso = not empty(v) and (onestop.date.parse(v) or (v:match("^%d%d%d%d$") and v .. "-01-01")) or nil
  local sex = (row.sex == "M" or row.sex == "F") and row.sex or nil
  return { date_of_birth = iso, sex = sex }
end

-- Generic checks from the field schema: required, types, options, lengths, ID numbers, the
-- rows of table fields. Returns a new problem list.
function C.check_fields(fields, form, ctx)
  local out = {}
  for _, f in ipairs(fields) do
    local v = form[f.id]
    check_value(f, f.id, v, out, ctx, f.id == "id_number" and person_of(form) or nil)
    if f.type == "table" and type(v) == "table" then
      local cols = index_by_id(f.columns)
      for i, row in ipairs(v) do
        for _, col in ipairs(f.columns) do
          check_value(cols[col.id], f.id .. "." .. i .. "." .. col.id, row[col.id], out, ctx,
                      col.id == "id_number" and person_of(row) or nil)
        end
      end
    end
  end
  return out
end

-- The chosen ward, or nil plus a problem.
function C.ward(form)
  if empty(form.addr_ward) then return nil end
  return onestop.units.ward(form.addr_ward, form.addr_province)
end

function C.check_address(form, out)
  if not empty(form.addr_ward) and not C.ward(form) then
    out[#out + 1] = C.problem("addr_ward", "WARD_UNKNOWN", { vi = "Xã, phường", en = "Commune or ward" })
  end
end

-- The full address, or nil when the ward is not known yet.
function C.address(form)
  local w = C.ward(form)
  if not w then return nil end
  local text = onestop.units.format_address{ house = form.addr_house, street = form.addr_street,
                                             hamlet = form.addr_hamlet, ward_code = w.code }
  if not empty(form.addr_on_papers) then
    text = text .. " (địa chỉ trên giấy tờ: " .. form.addr_on_papers .. ")"
  end
  return text
end

-- Minors (and their guardian lines): CT01 consent block 6.
function C.check_guardian(form, ctx, out)
  local age = C.age(form, ctx)
  if age and age < 18 and empty(form.guardian_name) then
    out[#out + 1] = onestop.problem("guardian_name", "GUARDIAN_REQUIRED",
      "Người chưa thành niên: cần ý kiến đồng ý của cha, mẹ hoặc người giám hộ",
      "A minor: the consent of a parent or guardian is required")
  end
end

-- "Công an phường Hoàn Kiếm, thành phố Hà Nội" from the counter's configuration.
function C.kinh_gui(ctx)
  local unit = ctx.unit or {}
  local p = unit.province_code and onestop.units.province(unit.province_code)
  if not p then return unit.name or "" end
  local kind = p.kind == "thanh_pho" and "thành phố " or "tỉnh "
  return (unit.name or "") .. ", " .. kind .. p.short
end

function C.signature_place_date(ctx)
  local unit = ctx.unit or {}
  local p = unit.province_code and onestop.units.province(unit.province_code)
  return onestop.date.signature_line(ctx.today, p and p.short or "")
end

local function upper(v) return empty(v) and "" or onestop.text.upper(v) end
C.upper = upper

-- CT01 data per the forms contract; `request` is the field 10 text, consent the blocks to mark.
function C.ct01(form, ctx, request, consent)
  local members = {}
  for _, m in ipairs(form.members or {}) do
    members[#members + 1] = { full_name = upper(m.full_name), date_of_birth = C.display_date(m.date_of_birth),
                              sex = C.option_label(SEXES, m.sex or ""), id_number = m.id_number or "",
                              relationship = C.option_label(C.relationships, m.relationship or "") }
  end
  return {
    kinh_gui = C.kinh_gui(ctx), full_name = upper(form.full_name),
    date_of_birth = C.display_date(form.date_of_birth), sex = C.option_label(SEXES, form.sex or ""),
    id_number = form.id_number or "", phone = onestop.phone.normalize(form.phone or "") or form.phone or "",
    email = form.email or "", head_name = upper(form.head_name),
    head_relationship = C.option_label(C.relationships, form.head_relationship or ""),
    -- An empty Lua table crosses the boundary as {} (not []): leave the key out instead.
    head_id_number = form.head_id_number or "", request = request, members = #members > 0 and members or nil,
    signature_place_date = C.signature_place_date(ctx),
    consent_head = consent.head == true, consent_owner = consent.owner == true,
    consent_guardian = consent.guardian == true,
    owner_name = upper(form.owner_name), owner_id_number = form.owner_id_number or "",
    guardian_name = upper(form.guardian_name), guardian_id_number = form.guardian_id_number or "",
    declarant_name = upper(form.declarant_name),
  }
end

-- The CT04 documents table from a P.documents list: CT01 is the original, the other papers are
-- listed as copies unless the database holds them (then nothing is handed in).
function C.receipt_documents(docs)
  local out = {}
  for _, d in ipairs(docs) do
    if d.required and not d.available_in_db then
      out[#out + 1] = { name = d.title.vi, kind = d.kind or "Bản sao", note = d.note and d.note.vi or "" }
    end
  end
  return out
end

-- A document entry from a procedure's catalogue (titles mirror manifest.json; a test checks it).
function C.doc(catalogue, id, overrides)
  local d = catalogue[id]
  local out = { id = id, title = d.title, required = d.required, available_in_db = d.available_in_db,
                kind = d.kind, note = d.note }
  for k, v in pairs(overrides or {}) do out[k] = v end
  return out
end

return C

-- Example procedure for the SDK: Xác nhận thông tin về cư trú (1.010041).
-- Deliberately one self-contained file: docs/lua-procedures.md walks through it line by line.
-- Anyone may ask, at any commune police, for a confirmation (CT07) of their own residence data;
-- the request is made on CT01 with field 10 saying what is to be confirmed.
local P = {}

local CONTENTS = {
  { value = "current", vi = "Nơi cư trú hiện tại", en = "Current place of residence" },
  { value = "history", vi = "Quá trình cư trú (các nơi đã cư trú)", en = "Residence history" },
  { value = "household", vi = "Thông tin về hộ gia đình", en = "Household information" },
}

P.fields = {
  { id = "full_name", label = { vi = "Họ, chữ đệm và tên khai sinh", en = "Full name" }, type = "text",
    required = true, source = "card", max_length = 100 },
  { id = "date_of_birth", label = { vi = "Ngày, tháng, năm sinh", en = "Date of birth" }, type = "date",
    required = true, source = "card" },
  { id = "sex", label = { vi = "Giới tính", en = "Sex" }, type = "select", required = true, source = "card",
    options = { { value = "M", vi = "Nam", en = "Male" }, { value = "F", vi = "Nữ", en = "Female" } } },
  { id = "id_number", label = { vi = "Số định danh cá nhân", en = "Personal ID number" }, type = "id_number",
    required = true, source = "card" },
  { id = "phone", label = { vi = "Số điện thoại liên hệ", en = "Contact phone" }, type = "phone", source = "applicant" },
  { id = "content", label = { vi = "Nội dung cần xác nhận", en = "What to confirm" }, type = "select", required = true,
    source = "applicant", options = CONTENTS },
}

local function empty(v) return v == nil or v == "" end

function P.prefill(card, household, ctx)
  card = card or {}
  return {
    full_name = card.full_name or "",
    -- Forms show dd/mm/yyyy; the card record carries ISO dates.
    date_of_birth = card.date_of_birth and onestop.date.format(card.date_of_birth) or (card.date_of_birth_text or ""),
    sex = card.sex or "",
    id_number = card.id_number or "",
    phone = "",
    content = "current",
  }
end

function P.validate(form, ctx)
  local problems = {}
  local function add(...) problems[#problems + 1] = onestop.problem(...) end
  for _, f in ipairs(P.fields) do
    if f.required and empty(form[f.id]) then
      add(f.id, "REQUIRED", "Chưa nhập " .. f.label.vi, f.label.en .. " is required")
    end
  end
  if not empty(form.date_of_birth) and not onestop.date.parse(form.date_of_birth) then
    add("date_of_birth", "DATE_INVALID", "Ngày sinh không hợp lệ (dd/mm/yyyy)", "Not a valid date (dd/mm/yyyy)")
  end
  if not empty(form.phone) and not onestop.phone.normalize(form.phone) then
    add("phone", "PHONE_INVALID", "Số điện thoại không hợp lệ", "The phone number is not valid")
  end
  if not empty(form.id_number) then
    local birth = not empty(form.date_of_birth) and onestop.date.parse(form.date_of_birth) or nil
    for _, code in ipairs(onestop.id.check(form.id_number, { date_of_birth = birth, sex = form.sex })) do
      -- Only a wrong length is an error: the rest of the structure comes from circulars.
      add("id_number", code, "Số định danh cần kiểm tra lại (" .. code .. ")",
          "Please check the ID number (" .. code .. ")", code == "ID_NOT_12_DIGITS" and "error" or "warning")
    end
  end
  return problems
end

function P.documents(form, ctx)
  return { { id = "ct01", title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
             required = true, available_in_db = false } }
end

local function request(form)
  for _, o in ipairs(CONTENTS) do
    if o.value == form.content then return "Xác nhận thông tin về cư trú: " .. o.vi end
  end
  return "Xác nhận thông tin về cư trú"
end

-- The place on the signature line: the counter's province ("Hà Nội").
local function place(ctx)
  local p = ctx.unit and ctx.unit.province_code and onestop.units.province(ctx.unit.province_code)
  return p and p.short or ""
end

function P.render(form, ctx)
  local iso = not empty(form.date_of_birth) and onestop.date.parse(form.date_of_birth) or nil
  return { { form = "CT01", data = {
    kinh_gui = ctx.unit and ctx.unit.name or "",
    full_name = onestop.text.upper(form.full_name or ""),
    date_of_birth = iso and onestop.date.format(iso) or (form.date_of_birth or ""),
    sex = form.sex == "M" and "Nam" or (form.sex == "F" and "Nữ" or ""),
    id_number = form.id_number or "",
    phone = onestop.phone.normalize(form.phone or "") or "",
    request = request(form),
    signature_place_date = onestop.date.signature_line(ctx.today, place(ctx)),
    declarant_name = onestop.text.upper(form.full_name or ""),
  } } }
end

function P.receipt(form, ctx)
  return { request = request(form),
           documents = { { name = "Tờ khai thay đổi thông tin cư trú (CT01)", kind = "Bản chính", note = "" } } }
end

return P

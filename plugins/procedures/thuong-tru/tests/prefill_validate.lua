-- Synthetic citizens only (no real person).
local AN = { source = "chip", verified = true, id_number = "001095012345", full_name = "Nguyễn Văn An",
             date_of_birth = "1995-06-15", date_of_birth_text = "15/06/1995", sex = "M",
             nationality = "Việt Nam", place_of_residence = "Số 1 Phố Giả, Phường Hoàn Kiếm, Hà Nội",
             date_of_issue = "2021-08-10", date_of_expiry = "2035-06-15" }
local BINH = { source = "qr", id_number = "001312345678", full_name = "Trần Thị Bình",
               date_of_birth = "2012-03-20", sex = "F" }
local CUONG = { source = "chip", id_number = "038050001234", full_name = "Lê Văn Cường",
                date_of_birth_text = "1950", sex = "M" }
local HEAD = { head = { full_name = "Nguyễn Văn Hùng", id_number = "001065004321" } }

local function valid_form()
  local f = P.prefill(AN, HEAD, ctx)
  f.phone = "0912 345 678"
  f.head_relationship = "con"
  f.case = "relative"
  f.relative_kind = "spouse_parent_child"
  f.owner_name = "Nguyễn Văn Hùng"
  f.addr_house = "Số 12"
  f.addr_street = "Phố Giả"
  return f
end

test("prefill copies CT01 fields 1–4 from the card and 7/9 from the household", function()
  local f = P.prefill(AN, HEAD, ctx)
  expect.eq(f.full_name, "Nguyễn Văn An")
  expect.eq(f.date_of_birth, "15/06/1995")
  expect.eq(f.sex, "M")
  expect.eq(f.id_number, "001095012345")
  expect.eq(f.head_name, "Nguyễn Văn Hùng")
  expect.eq(f.head_id_number, "001065004321")
  expect.eq(f.head_relationship, "")
  expect.eq(f.declarant_name, "Nguyễn Văn An")
  expect.eq(f.addr_province, ctx.unit.province_code)
  expect.eq(f.addr_ward, ctx.unit.ward_code)
  expect.eq(f.members, {})
end)

test("prefill: the holder who is the head gets relationship chu_ho", function()
  local f = P.prefill(AN, { head = { full_name = "Nguyễn Văn An", id_number = "001095012345" } }, ctx)
  expect.eq(f.head_relationship, "chu_ho")
end)

test("prefill: a year-only birth date is kept as printed, and still checked against the ID", function()
  local f = P.prefill(CUONG, nil, ctx)
  expect.eq(f.date_of_birth, "1950")
  local ps = P.validate(f, ctx)
  for _, p in ipairs(ps) do expect.truthy(p.field ~= "id_number" and p.field ~= "date_of_birth", p.field .. "/" .. p.code) end
  f.date_of_birth = "1951"
  expect.problem(P.validate(f, ctx), "id_number", "ID_BIRTH_YEAR_MISMATCH")
end)

test("prefill without a card leaves the person fields empty", function()
  local f = P.prefill(nil, nil, ctx)
  expect.eq(f.full_name, "")
  expect.eq(f.id_number, "")
end)

test("a complete form has no errors", function()
  expect.no_problems(P.validate(valid_form(), ctx))
end)

test("required fields", function()
  local f = valid_form()
  f.full_name = ""
  f.case = ""
  f.head_name = ""
  local ps = P.validate(f, ctx)
  expect.problem(ps, "full_name", "REQUIRED")
  expect.problem(ps, "case", "REQUIRED")
  expect.problem(ps, "head_name", "REQUIRED")
end)

test("phone: normalised numbers pass, a wrong one fails", function()
  local f = valid_form()
  f.phone = "+84 912 345 678"
  expect.no_problems(P.validate(f, ctx))
  f.phone = "0123"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
end)

test("email is optional but checked", function()
  local f = valid_form()
  f.email = "an@example.vn"
  expect.no_problems(P.validate(f, ctx))
  f.email = "not-an-email"
  expect.problem(P.validate(f, ctx), "email", "EMAIL_INVALID")
end)

test("ID consistency problems are warnings, the length is an error", function()
  local f = valid_form()
  f.sex = "F"
  local ps = P.validate(f, ctx)
  expect.problem(ps, "id_number", "ID_SEX_MISMATCH")
  expect.no_problems(ps)
  f.date_of_birth = "15/06/1996"
  expect.problem(P.validate(f, ctx), "id_number", "ID_BIRTH_YEAR_MISMATCH")
  f.id_number = "00109501234"
  expect.problem(P.validate(f, ctx), "id_number", "ID_NOT_12_DIGITS")
  local found = false
  for _, p in ipairs(P.validate(f, ctx)) do
    if p.code == "ID_NOT_12_DIGITS" then found = p.severity == "error" end
  end
  expect.truthy(found, "ID_NOT_12_DIGITS is an error")
end)

test("dates: invalid and future birth dates", function()
  local f = valid_form()
  f.date_of_birth = "31/02/1995"
  expect.problem(P.validate(f, ctx), "date_of_birth", "DATE_INVALID")
  f.date_of_birth = "01/01/2030"
  expect.problem(P.validate(f, ctx), "date_of_birth", "DATE_IN_FUTURE")
end)

test("select values outside the list are refused", function()
  local f = valid_form()
  f.case = "castle"
  expect.problem(P.validate(f, ctx), "case", "OPTION_INVALID")
end)

test("a minor needs a parent or guardian", function()
  local f = P.prefill(BINH, HEAD, ctx)
  f.head_relationship = "chau"
  f.case = "relative"
  f.relative_kind = "dependent"
  f.owner_name = "Nguyễn Văn Hùng"
  expect.problem(P.validate(f, ctx), "guardian_name", "GUARDIAN_REQUIRED")
  f.guardian_name = "Trần Văn Giám"
  expect.no_problems(P.validate(f, ctx))
end)

test("relative case needs the Art. 20(2) relationship", function()
  local f = valid_form()
  f.relative_kind = ""
  expect.problem(P.validate(f, ctx), "relative_kind", "REQUIRED")
end)

test("rented: floor area at least 8 m² per person", function()
  local f = valid_form()
  f.case = "rented"
  f.floor_area_per_person = "12.5"
  expect.no_problems(P.validate(f, ctx))
  f.floor_area_per_person = "7.9"
  expect.problem(P.validate(f, ctx), "floor_area_per_person", "FLOOR_AREA_TOO_SMALL")
  f.floor_area_per_person = "lớn"
  expect.problem(P.validate(f, ctx), "floor_area_per_person", "NUMBER_INVALID")
  f.floor_area_per_person = ""
  expect.problem(P.validate(f, ctx), "floor_area_per_person", "REQUIRED")
end)

test("owner consent reminder is a warning", function()
  local f = valid_form()
  f.owner_name = ""
  local ps = P.validate(f, ctx)
  expect.problem(ps, "owner_name", "OWNER_CONSENT_NEEDED")
  expect.no_problems(ps)
end)

test("an unknown ward is refused", function()
  local f = valid_form()
  f.addr_ward = "Phường Không Có"
  expect.problem(P.validate(f, ctx), "addr_ward", "WARD_UNKNOWN")
end)

test("member rows are checked", function()
  local f = valid_form()
  f.members = { { full_name = "Nguyễn Thị Con", date_of_birth = "01/01/2020", sex = "F",
                  id_number = "001320001111", relationship = "chau" },
                { full_name = "", date_of_birth = "ngày nào", sex = "F", id_number = "", relationship = "con" } }
  local ps = P.validate(f, ctx)
  expect.problem(ps, "members.2.full_name", "REQUIRED")
  expect.problem(ps, "members.2.date_of_birth", "DATE_INVALID")
  for _, p in ipairs(ps) do expect.truthy(p.field:sub(1, 10) ~= "members.1.", "row 1 is valid: " .. p.field) end
end)

test("every problem has vi and en messages", function()
  local f = valid_form()
  f.phone = "1"
  f.case = ""
  for _, p in ipairs(P.validate(f, ctx)) do
    expect.truthy(type(p.vi) == "string" and #p.vi > 0, "vi for " .. p.code)
    expect.truthy(type(p.en) == "string" and #p.en > 0, "en for " .. p.code)
  end
end)

test("prefill returns exactly the procedure's fields", function()
  local f = P.prefill({ source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An",
                        date_of_birth = "1995-06-15", sex = "M" }, nil, ctx)
  local ids = {}
  for _, field in ipairs(P.fields) do
    ids[field.id] = true
    expect.truthy(f[field.id] ~= nil, "prefill sets " .. field.id)
  end
  for k in pairs(f) do expect.truthy(ids[k], "no stray key " .. k) end
end)

test("guardian: 18 tomorrow still needs one, 18 today does not", function()
  local f = valid_form()
  f.date_of_birth = onestop.date.format(onestop.date.add_days(onestop.date.add_years(ctx.today, -18), 1))
  f.id_number = ""
  expect.problem(P.validate(f, ctx), "guardian_name", "GUARDIAN_REQUIRED")
  f.date_of_birth = onestop.date.format(onestop.date.add_years(ctx.today, -18))
  for _, p in ipairs(P.validate(f, ctx)) do expect.truthy(p.code ~= "GUARDIAN_REQUIRED", "adult") end
end)

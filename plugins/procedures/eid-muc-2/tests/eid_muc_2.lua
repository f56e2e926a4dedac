-- Synthetic citizens: an adult, a 10-year-old, a 60+ card without expiry, a 5-year-old.
local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An", date_of_birth = "1995-06-15",
             sex = "M", nationality = "Việt Nam", date_of_expiry = "2035-06-15" }
local fmt, add_years = onestop.date.format, onestop.date.add_years
local CHILD = { source = "chip", id_number = "001316000222", full_name = "Nguyễn Thị Nhỏ",
                date_of_birth = add_years(ctx.today, -10), sex = "F", nationality = "Việt Nam",
                date_of_expiry = add_years(ctx.today, 4) }
local CUONG = { source = "chip", id_number = "038050001234", full_name = "Lê Văn Cường", date_of_birth = "1950-02-01",
                sex = "M", nationality = "Việt Nam" }
local BABY = { source = "chip", id_number = "001221000333", full_name = "Nguyễn Văn Bé",
               date_of_birth = add_years(ctx.today, -5), sex = "M", nationality = "Việt Nam" }

local function ready(card)
  local f = P.prefill(card, nil, ctx)
  f.phone = "0912345678"
  f.phone_own_name = true
  f.phone_not_linked = true
  return f
end

test("prefill from the card: TK01 identity, expiry, nothing ticked", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq({ f.full_name, f.date_of_birth, f.sex, f.id_number, f.nationality, f.card_expiry },
            { "Nguyễn Văn An", "15/06/1995", "M", "001095012345", "Việt Nam", "15/06/2035" })
  expect.eq({ f.phone, f.phone_own_name, f.integrate_bhyt }, { "", false, false })
end)

test("prefill: a card with no expiry leaves it empty", function()
  expect.eq(P.prefill(CUONG, nil, ctx).card_expiry, "")
end)

test("a complete adult request and a 60+ card without expiry pass", function()
  expect.no_problems(P.validate(ready(AN), ctx))
  expect.no_problems(P.validate(ready(CUONG), ctx))
end)

test("the phone is required, must be a mobile, own-name and unlinked", function()
  local f = ready(AN)
  f.phone = ""
  expect.problem(P.validate(f, ctx), "phone", "REQUIRED")
  f.phone = "02439400000"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_NOT_MOBILE")
  f.phone = "0912"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
  f = ready(AN)
  f.phone_own_name = false
  expect.problem(P.validate(f, ctx), "phone_own_name", "PHONE_NOT_OWN")
  f.phone_not_linked = false
  expect.problem(P.validate(f, ctx), "phone_not_linked", "PHONE_LINKED_ELSEWHERE")
end)

test("email optional but valid", function()
  local f = ready(AN)
  f.email = "an@example.vn"
  expect.no_problems(P.validate(f, ctx))
  f.email = "an@"
  expect.problem(P.validate(f, ctx), "email", "EMAIL_INVALID")
end)

test("the card must be valid today", function()
  local f = ready(AN)
  f.card_expiry = fmt(ctx.today)
  expect.no_problems(P.validate(f, ctx))
  f.card_expiry = fmt(onestop.date.add_days(ctx.today, -1))
  expect.problem(P.validate(f, ctx), "card_expiry", "CARD_EXPIRED")
end)

test("ages: under 6 refused; 6–13 with a representative; 14+ alone", function()
  expect.problem(P.validate(ready(BABY), ctx), "date_of_birth", "AGE_BELOW_MINIMUM")
  local f = ready(CHILD)
  expect.problem(P.validate(f, ctx), "representative_name", "REPRESENTATIVE_REQUIRED")
  f.representative_name = "Nguyễn Văn Bố"
  f.representative_id_number = "001085000111"
  expect.no_problems(P.validate(f, ctx))
  local teen = ready(CHILD)
  teen.date_of_birth = fmt(add_years(ctx.today, -14))
  expect.no_problems(P.validate(teen, ctx))
  teen.date_of_birth = fmt(onestop.date.add_days(add_years(ctx.today, -14), 1)) -- 14 tomorrow
  expect.problem(P.validate(teen, ctx), "representative_name", "REPRESENTATIVE_REQUIRED")
  local six = ready(BABY)
  six.date_of_birth = fmt(add_years(ctx.today, -6))
  six.representative_name, six.representative_id_number = "Nguyễn Văn Bố", "001085000111"
  expect.no_problems(P.validate(six, ctx))
end)

test("ID consistency is a warning", function()
  local f = ready(AN)
  f.date_of_birth = "15/06/1994"
  local ps = P.validate(f, ctx)
  expect.problem(ps, "id_number", "ID_BIRTH_YEAR_MISMATCH")
  expect.no_problems(ps)
end)

test("documents: TK01 and the card; the representative's card for a child", function()
  expect.eq(#P.documents(ready(AN), ctx), 2)
  local docs = P.documents(ready(CHILD), ctx)
  expect.eq(docs[3].id, "representative_card")
end)

test("manifest: code, free, 3 working days matches the Lua constant", function()
  expect.eq(manifest.procedureCode, "1.011411")
  expect.eq(manifest.fee.inPerson, 0)
  expect.eq(manifest.timeLimit.workingDays, P.TIME_LIMIT_WORKING_DAYS)
  for _, m in ipairs(manifest.documents) do expect.eq(P.DOCS[m.id].title, m.title, m.id) end
end)

test("render: TK01 with the integrations ticked", function()
  local f = ready(AN)
  f.integrate_bhyt = true
  f.integrate_gplx = true
  f.email = "an@example.vn"
  local out = P.render(f, ctx)
  expect.eq({ out[1].form, out[2].form }, { "TK01", "VNEID-GUIDE" })
  local d = out[1].data
  expect.eq({ d.full_name, d.date_of_birth, d.sex, d.id_number, d.nationality, d.phone, d.email, d.level },
            { "NGUYỄN VĂN AN", "15/06/1995", "Nam", "001095012345", "Việt Nam", "0912345678", "an@example.vn", "2" })
  expect.eq(d.integrate, { "Thẻ bảo hiểm y tế", "Giấy phép lái xe" })
  expect.eq(d.declarant_name, "NGUYỄN VĂN AN")
end)

test("render: the activation guide", function()
  local g = P.render(ready(AN), ctx)[2].data
  expect.eq(g.id_number_masked, "0010******45")
  expect.eq(g.phone_masked, "09******78")
  local due = onestop.date.add_working_days(ctx.today, 3)
  expect.eq(g.due_date, fmt(due))
  expect.eq(g.activate_by, fmt(onestop.date.add_days(due, 7)))
  expect.eq(g.install_qr_text, "https://play.google.com/store/apps/details?id=com.vnid")
  expect.eq(#g.steps, 6)
  expect.truthy(table.concat(g.password_rules, "|"):find("8 đến 20", 1, true), "length rule")
  expect.truthy(g.passcode_rule:find("6 chữ số", 1, true), "passcode rule")
  expect.eq(g.hotline, ctx.unit.phone or "")
end)

test("render: the host's due date wins", function()
  local c = {}
  for k, v in pairs(ctx) do c[k] = v end
  c.due_date = "2026-12-31"
  expect.eq(P.render(ready(AN), c)[2].data.due_date, "31/12/2026")
end)

test("a citizen's masked data never shows the middle digits", function()
  local g = P.render(ready(AN), ctx)[2].data
  expect.falsy(g.id_number_masked:find("095012", 1, true), "ID middle hidden")
  expect.falsy(g.phone_masked:find("123456", 1, true), "phone middle hidden")
end)

test("receipt: the request and the documents shown", function()
  local r = P.receipt(ready(CHILD), ctx)
  expect.eq(r.request, "Cấp tài khoản định danh điện tử mức 2")
  expect.eq(#r.documents, 3)
  expect.eq(r.documents[2].note, "Xuất trình, không thu")
end)

test("render: nothing to integrate leaves the key out (never an empty {} on the form)", function()
  expect.eq(P.render(ready(AN), ctx)[1].data.integrate, nil)
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

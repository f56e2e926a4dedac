-- Synthetic citizens; dates relative to ctx.today.
local CUONG = { source = "chip", id_number = "038050001234", full_name = "Lê Văn Cường", date_of_birth = "1950-02-01",
                sex = "M", place_of_residence = "Thôn Thử, Xã Thử, Thanh Hóa" }
local fmt, add, months = onestop.date.format, onestop.date.add_days, onestop.date.add_months

local function form_for(ground, event_iso)
  local f = P.prefill(CUONG, nil, ctx)
  f.ground = ground
  f.event_date = fmt(event_iso)
  f.declarant_name = "Lê Thị Con"
  f.declarant_id_number = "038185000777"
  return f
end

local function has(ps, code)
  for _, p in ipairs(ps) do if p.code == code then return true end end
  return false
end

test("prefill: the card and the registered address", function()
  local f = P.prefill(CUONG, nil, ctx)
  expect.eq({ f.full_name, f.date_of_birth, f.id_number }, { "Lê Văn Cường", "01/02/1950", "038050001234" })
  expect.eq(f.residence_address, CUONG.place_of_residence)
  expect.eq(f.ground, "")
end)

test("the grounds are Art. 24(1) letters a–i", function()
  local values = {}
  for _, f in ipairs(P.fields) do
    if f.id == "ground" then for _, o in ipairs(f.options) do values[#values + 1] = o.value end end
  end
  expect.eq(values, { "a", "b", "c", "d", "dd", "e", "g", "h", "i" })
end)

test("death filed within 7 days passes", function()
  expect.no_problems(P.validate(form_for("a", add(ctx.today, -3)), ctx))
  expect.falsy(has(P.validate(form_for("a", add(ctx.today, -7)), ctx), "LATE_FILING"), "day 7 on time")
end)

test("after 7 days: a warning that the office may strike it itself", function()
  local ps = P.validate(form_for("a", add(ctx.today, -8)), ctx)
  expect.problem(ps, "event_date", "LATE_FILING")
  expect.no_problems(ps)
end)

test("ground d needs 12 months of absence", function()
  expect.problem(P.validate(form_for("d", months(ctx.today, -11)), ctx), "event_date", "GROUND_PERIOD_NOT_MET")
  expect.no_problems(P.validate(form_for("d", months(ctx.today, -12)), ctx))
  expect.problem(P.validate(form_for("e", add(months(ctx.today, -12), 1)), ctx), "event_date", "GROUND_PERIOD_NOT_MET")
end)

test("an event in the future is refused", function()
  expect.problem(P.validate(form_for("b", add(ctx.today, 1)), ctx), "event_date", "DATE_IN_FUTURE")
end)

test("ground and event date are required; unknown ground refused", function()
  local f = form_for("", ctx.today)
  f.event_date = ""
  local ps = P.validate(f, ctx)
  expect.problem(ps, "ground", "REQUIRED")
  expect.problem(ps, "event_date", "REQUIRED")
  f.ground = "k"
  expect.problem(P.validate(f, ctx), "ground", "OPTION_INVALID")
end)

test("declarant ID checked", function()
  local f = form_for("a", ctx.today)
  f.declarant_id_number = "03818500077"
  expect.problem(P.validate(f, ctx), "declarant_id_number", "ID_NOT_12_DIGITS")
end)

test("documents: CT01 and the proof of the ground; death can be looked up", function()
  local docs = P.documents(form_for("a", ctx.today), ctx)
  expect.eq({ docs[1].id, docs[2].id }, { "ct01", "proof_a" })
  expect.eq(docs[2].available_in_db, true)
  expect.eq(P.documents(form_for("h", ctx.today), ctx)[2].available_in_db, false)
  expect.eq(#P.documents(form_for("", ctx.today), ctx), 1)
end)

test("manifest", function()
  expect.eq(manifest.procedureCode, "1.003197")
  expect.eq(manifest.timeLimit.workingDays, 5)
  expect.eq(manifest.fee.inPerson, 0)
  expect.eq(#manifest.documents, 10)
  for _, m in ipairs(manifest.documents) do expect.eq(P.DOCS[m.id].title, m.title, m.id) end
end)

test("render CT01 and the receipt", function()
  local f = form_for("b", ctx.today)
  local d = P.render(f, ctx)[1].data
  expect.eq(d.request, "Xóa đăng ký thường trú đối với LÊ VĂN CƯỜNG tại: " .. CUONG.place_of_residence
            .. " (lý do: Ra nước ngoài để định cư)")
  expect.eq(d.declarant_name, "LÊ THỊ CON")
  expect.eq({ d.consent_head, d.consent_owner, d.consent_guardian }, { false, false, false })
  local r = P.receipt(f, ctx)
  expect.eq(r.request, d.request)
  expect.eq(#r.documents, 2)
end)

test("prefill returns exactly the procedure's fields", function()
  local f = P.prefill(CUONG, { head = { full_name = "Lê Văn Cường", id_number = "038050001234" } }, ctx)
  local ids = {}
  for _, field in ipairs(P.fields) do
    ids[field.id] = true
    expect.truthy(f[field.id] ~= nil, "prefill sets " .. field.id)
  end
  for k in pairs(f) do expect.truthy(ids[k], "no stray key " .. k) end
end)

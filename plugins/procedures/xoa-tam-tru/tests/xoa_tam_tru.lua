-- Synthetic citizen (born abroad: ID prefix 101–295); dates relative to ctx.today.
local DUNG = { source = "chip", id_number = "101198012345", full_name = "Phạm Thị Dung", date_of_birth = "1998-09-09",
               sex = "F", place_of_residence = "Số 3 Phố Giả, Phường Hoàn Kiếm, Thành phố Hà Nội" }
local fmt, add, months = onestop.date.format, onestop.date.add_days, onestop.date.add_months

local function form_for(ground, event_iso)
  local f = P.prefill(DUNG, nil, ctx)
  f.ground = ground
  f.event_date = fmt(event_iso)
  f.residence_address = "Số 8 Ngõ Thử, Phường Sài Gòn, Thành phố Hồ Chí Minh"
  return f
end

local function has(ps, code)
  for _, p in ipairs(ps) do if p.code == code then return true end end
  return false
end

test("prefill: card fields; the temporary address is not on the card", function()
  local f = P.prefill(DUNG, nil, ctx)
  expect.eq({ f.full_name, f.date_of_birth, f.sex, f.id_number }, { "Phạm Thị Dung", "09/09/1998", "F", "101198012345" })
  expect.eq(f.residence_address, "")
end)

test("a born-abroad ID is consistent (no ID problems)", function()
  local ps = P.validate(form_for("e", ctx.today), ctx)
  expect.no_problems(ps)
  for _, p in ipairs(ps) do expect.truthy(p.field ~= "id_number", "no ID warning: " .. p.code) end
end)

test("the grounds are Art. 29(1) letters a–h", function()
  for _, f in ipairs(P.fields) do
    if f.id == "ground" then
      local values = {}
      for _, o in ipairs(f.options) do values[#values + 1] = o.value end
      expect.eq(values, { "a", "b", "c", "d", "dd", "e", "g", "h" })
    end
  end
end)

test("ground c needs 6 months of absence", function()
  expect.problem(P.validate(form_for("c", months(ctx.today, -5)), ctx), "event_date", "GROUND_PERIOD_NOT_MET")
  expect.no_problems(P.validate(form_for("c", months(ctx.today, -6)), ctx))
end)

test("filing more than 7 days after the event is a warning", function()
  expect.falsy(has(P.validate(form_for("e", add(ctx.today, -7)), ctx), "LATE_FILING"), "day 7")
  expect.problem(P.validate(form_for("e", add(ctx.today, -8)), ctx), "event_date", "LATE_FILING")
  -- the 7 days run from the end of the 6 months
  expect.problem(P.validate(form_for("c", months(ctx.today, -7)), ctx), "event_date", "LATE_FILING")
end)

test("the address being struck is required", function()
  local f = form_for("e", ctx.today)
  f.residence_address = ""
  expect.problem(P.validate(f, ctx), "residence_address", "REQUIRED")
end)

test("documents per ground", function()
  local docs = P.documents(form_for("dd", ctx.today), ctx)
  expect.eq(docs[2].id, "proof_dd")
  expect.eq(docs[2].available_in_db, true)
  expect.eq(P.documents(form_for("e", ctx.today), ctx)[2].available_in_db, false)
end)

test("manifest", function()
  expect.eq(manifest.procedureCode, "1.010028")
  expect.eq(manifest.timeLimit.workingDays, 2)
  expect.eq(#manifest.documents, 9)
  for _, m in ipairs(manifest.documents) do expect.eq(P.DOCS[m.id].title, m.title, m.id) end
end)

test("render and receipt", function()
  local f = form_for("e", ctx.today)
  local d = P.render(f, ctx)[1].data
  expect.eq(d.request, "Xóa đăng ký tạm trú đối với PHẠM THỊ DUNG tại: " .. f.residence_address
            .. " (lý do: Đã chấm dứt việc thuê, mượn, ở nhờ mà không đăng ký tạm trú nơi khác)")
  expect.eq(d.sex, "Nữ")
  local r = P.receipt(f, ctx)
  expect.eq(r.temporary_residence, f.residence_address)
  expect.eq(#r.documents, 2)
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

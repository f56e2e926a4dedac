-- Synthetic citizen; dates relative to ctx.today so --today may move them.
local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An",
             date_of_birth = "1995-06-15", sex = "M" }
local fmt, add = onestop.date.format, onestop.date.add_days

local function valid_form()
  local f = P.prefill(AN, nil, ctx)
  f.current_end = fmt(add(ctx.today, 10))
  f.new_end = fmt(onestop.date.add_years(add(ctx.today, 10), 1))
  f.addr_street = "Ngõ 3 Phố Giả"
  return f
end

test("prefill: card fields; the dates are for staff to enter", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq({ f.full_name, f.date_of_birth, f.sex, f.id_number }, { "Nguyễn Văn An", "15/06/1995", "M", "001095012345" })
  expect.eq({ f.current_end, f.new_end, f.owner_agrees }, { "", "", false })
end)

test("a form filed 10 days before the end passes", function()
  expect.no_problems(P.validate(valid_form(), ctx))
end)

test("the filing window: 15 days before the end, not earlier, not after", function()
  local f = valid_form()
  f.current_end = fmt(add(ctx.today, 15))
  expect.no_problems(P.validate(f, ctx))
  f.current_end = fmt(ctx.today)
  expect.no_problems(P.validate(f, ctx))
  f.current_end = fmt(add(ctx.today, 16))
  expect.problem(P.validate(f, ctx), "current_end", "TOO_EARLY")
  f.current_end = fmt(add(ctx.today, -1))
  expect.problem(P.validate(f, ctx), "current_end", "TERM_EXPIRED")
end)

test("the new end: after the current end, at most two years", function()
  local f = valid_form()
  local current = add(ctx.today, 10)
  f.new_end = fmt(onestop.date.add_years(current, 2))
  expect.no_problems(P.validate(f, ctx))
  f.new_end = fmt(add(onestop.date.add_years(current, 2), 1))
  expect.problem(P.validate(f, ctx), "new_end", "TERM_TOO_LONG")
  f.new_end = fmt(current)
  expect.problem(P.validate(f, ctx), "new_end", "DATE_ORDER")
end)

test("required dates", function()
  local f = valid_form()
  f.current_end = ""
  f.new_end = "x"
  local ps = P.validate(f, ctx)
  expect.problem(ps, "current_end", "REQUIRED")
  expect.problem(ps, "new_end", "DATE_INVALID")
end)

test("phone check", function()
  local f = valid_form()
  f.phone = "84 912 345 678"
  expect.no_problems(P.validate(f, ctx))
  f.phone = "09123"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
end)

test("documents: proof of lodging unless the owner agrees", function()
  local f = valid_form()
  local docs = P.documents(f, ctx)
  expect.eq(#docs, 2)
  expect.eq(docs[2].id, "proof_lodging")
  f.owner_agrees = true
  expect.eq(#P.documents(f, ctx), 1)
end)

test("manifest", function()
  expect.eq(manifest.procedureCode, "1.002755")
  expect.eq(manifest.timeLimit.workingDays, 3)
  expect.eq(manifest.fee.inPerson, 15000)
  for id, d in pairs(P.DOCS) do
    local found
    for _, m in ipairs(manifest.documents) do if m.id == id then found = m end end
    expect.eq(d.title, found and found.title, id)
  end
end)

test("render and receipt carry the extension request", function()
  local f = valid_form()
  local d = P.render(f, ctx)[1].data
  local addr = onestop.units.format_address{ street = "Ngõ 3 Phố Giả", ward_code = ctx.unit.ward_code }
  expect.eq(d.request, "Gia hạn tạm trú tại: " .. addr .. " đến ngày " .. f.new_end)
  expect.eq(d.id_number, "001095012345")
  expect.eq(d.consent_guardian, false)
  local r = P.receipt(f, ctx)
  expect.eq(r.request, d.request)
  -- proof of lodging can be looked up: only CT01 is handed in
  expect.eq(#r.documents, 1)
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

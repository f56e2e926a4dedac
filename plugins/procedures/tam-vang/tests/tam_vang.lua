-- Synthetic citizens; dates relative to ctx.today.
local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An", date_of_birth = "1995-06-15",
             sex = "M", place_of_residence = "Số 1 Phố Giả, Phường Hoàn Kiếm, Thành phố Hà Nội" }
local BINH = { source = "qr", id_number = "001312345678", full_name = "Trần Thị Bình", date_of_birth = "2012-03-20", sex = "F",
               place_of_residence = "Số 2 Phố Giả, Phường Hoàn Kiếm, Thành phố Hà Nội" }
local fmt = onestop.date.format

local function form_for(group, months)
  local f = P.prefill(AN, nil, ctx)
  f.group = group
  f.to_date = fmt(onestop.date.add_months(ctx.today, months))
  f.reason = "Đi làm việc"
  f.destination = "Số 9 Đường Thử, Phường Sài Gòn, Thành phố Hồ Chí Minh"
  return f
end

local function with_channel(channel)
  local c = {}
  for k, v in pairs(ctx) do c[k] = v end
  c.channel = channel
  return c
end

test("prefill: card fields and the permanent residence", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq(f.full_name, "Nguyễn Văn An")
  expect.eq(f.id_number, "001095012345")
  expect.eq(f.permanent_residence, AN.place_of_residence)
  expect.eq(f.from_date, fmt(ctx.today))
  expect.eq(f.supervising_consent, false)
end)

test("group d: 12 months or more passes; shorter is a warning only", function()
  expect.no_problems(P.validate(form_for("d", 12), ctx))
  local ps = P.validate(form_for("d", 6), ctx)
  expect.problem(ps, "to_date", "DECLARATION_NOT_REQUIRED")
  expect.no_problems(ps)
end)

test("group c: 3 months threshold", function()
  expect.no_problems(P.validate(form_for("c", 3), ctx))
  expect.problem(P.validate(form_for("c", 2), ctx), "to_date", "DECLARATION_NOT_REQUIRED")
end)

test("groups a and b: in person and with the supervising agency's consent", function()
  local f = form_for("a", 1)
  local ps = P.validate(f, ctx)
  expect.problem(ps, "supervising_consent", "SUPERVISOR_CONSENT_REQUIRED")
  expect.problem(ps, "supervising_agency", "REQUIRED")
  f.supervising_consent = true
  f.supervising_agency = "Ủy ban nhân dân phường Thử"
  expect.no_problems(P.validate(f, with_channel("in_person")))
  expect.problem(P.validate(f, with_channel("online")), "group", "IN_PERSON_REQUIRED")
  f.group = "b"
  expect.problem(P.validate(f, with_channel("phone")), "group", "IN_PERSON_REQUIRED")
end)

test("group d may declare online", function()
  expect.no_problems(P.validate(form_for("d", 13), with_channel("online")))
end)

test("the period must end after it starts", function()
  local f = form_for("d", 12)
  f.to_date = f.from_date
  expect.problem(P.validate(f, ctx), "to_date", "DATE_ORDER")
end)

test("reason, destination and group are required", function()
  local f = form_for("d", 12)
  f.reason, f.destination, f.group = "", "", ""
  local ps = P.validate(f, ctx)
  expect.problem(ps, "reason", "REQUIRED")
  expect.problem(ps, "destination", "REQUIRED")
  expect.problem(ps, "group", "REQUIRED")
end)

test("a minor declares through a parent or guardian", function()
  local f = P.prefill(BINH, nil, ctx)
  f.group, f.reason, f.destination = "d", "Theo cha mẹ", "Phường Sài Gòn, Thành phố Hồ Chí Minh"
  f.to_date = fmt(onestop.date.add_years(ctx.today, 1))
  expect.problem(P.validate(f, ctx), "guardian_name", "GUARDIAN_REQUIRED")
  f.guardian_name = "Trần Văn Bố"
  expect.no_problems(P.validate(f, ctx))
end)

test("documents: the consent letter only for groups a and b", function()
  expect.eq(#P.documents(form_for("d", 12), ctx), 1)
  local docs = P.documents(form_for("b", 1), ctx)
  expect.eq(docs[2].id, "supervisor_consent")
end)

test("manifest: free, 1 (up to 2) working days", function()
  expect.eq(manifest.procedureCode, "1.003677")
  expect.eq(manifest.timeLimit, { workingDays = 1, maxWorkingDays = 2 })
  expect.eq({ manifest.fee.inPerson, manifest.fee.online }, { 0, 0 })
  for id, d in pairs(P.DOCS) do
    local m
    for _, x in ipairs(manifest.documents) do if x.id == id then m = x end end
    expect.eq(d.title, m and m.title, id)
  end
end)

test("render CT03 and the receipt", function()
  local f = form_for("d", 12)
  local out = P.render(f, ctx)
  expect.eq(out[1].form, "CT03")
  local d = out[1].data
  expect.eq(d.full_name, "NGUYỄN VĂN AN")
  expect.eq(d.sex, "Nam")
  expect.eq(d.from_date, fmt(ctx.today))
  expect.eq(d.to_date, f.to_date)
  expect.eq(d.destination, f.destination)
  expect.eq(d.permanent_residence, AN.place_of_residence)
  local r = P.receipt(f, ctx)
  expect.eq(r.request, "Khai báo tạm vắng từ ngày " .. fmt(ctx.today) .. " đến ngày " .. f.to_date .. "; nơi đến: " .. f.destination)
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

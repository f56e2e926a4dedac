-- Synthetic citizens only.
local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An",
             date_of_birth = "1995-06-15", sex = "M" }
local BINH = { source = "qr", id_number = "001312345678", full_name = "Trần Thị Bình",
               date_of_birth = "2012-03-20", sex = "F" }

local function valid_form()
  local f = P.prefill(AN, { head = { full_name = "Nguyễn Văn An", id_number = "001095012345" } }, ctx)
  f.lodging_kind = "rented"
  f.outside_permanent_commune = true
  f.from_date = "01/12/2026"
  f.to_date = "30/11/2028"
  f.owner_name = "Phạm Văn Chủ"
  f.addr_house = "Số 5"
  return f
end

local function ids(docs)
  local out = {}
  for _, d in ipairs(docs) do out[#out + 1] = d.id end
  return out
end

test("prefill: card fields, the stay starts today", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq(f.full_name, "Nguyễn Văn An")
  expect.eq(f.date_of_birth, "15/06/1995")
  expect.eq(f.id_number, "001095012345")
  expect.eq(f.from_date, onestop.date.format(ctx.today))
  expect.eq(f.to_date, "")
  expect.eq(f.outside_permanent_commune, false)
  expect.eq(f.head_name, "")
end)

test("prefill: the holder as head of a new household", function()
  local f = valid_form()
  expect.eq(f.head_relationship, "chu_ho")
  expect.no_problems(P.validate(f, ctx))
end)

test("the 30-day outside-the-commune condition must be confirmed", function()
  local f = valid_form()
  f.outside_permanent_commune = false
  expect.problem(P.validate(f, ctx), "outside_permanent_commune", "CONDITION_NOT_MET")
end)

test("the term is at most two years from the start", function()
  local f = valid_form()
  f.to_date = "01/12/2028"
  expect.no_problems(P.validate(f, ctx))
  f.to_date = "02/12/2028"
  expect.problem(P.validate(f, ctx), "to_date", "TERM_TOO_LONG")
end)

test("the end must follow the start", function()
  local f = valid_form()
  f.to_date = "01/12/2026"
  expect.problem(P.validate(f, ctx), "to_date", "DATE_ORDER")
  f.to_date = "2026-13-01"
  expect.problem(P.validate(f, ctx), "to_date", "DATE_INVALID")
  f.to_date = ""
  expect.problem(P.validate(f, ctx), "to_date", "REQUIRED")
end)

test("phone and ID checks", function()
  local f = valid_form()
  f.phone = "0399999999"
  expect.no_problems(P.validate(f, ctx))
  f.phone = "0199999999"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
  f.phone = ""
  f.id_number = "abc"
  expect.problem(P.validate(f, ctx), "id_number", "ID_NOT_12_DIGITS")
end)

test("a minor needs a parent or guardian", function()
  local f = P.prefill(BINH, { head = { full_name = "Trần Văn Bố", id_number = "001080001111" } }, ctx)
  f.head_relationship = "con"
  f.lodging_kind = "relative"
  f.outside_permanent_commune = true
  f.to_date = onestop.date.format(onestop.date.add_months(ctx.today, 6))
  f.owner_name = "Trần Văn Bố"
  expect.problem(P.validate(f, ctx), "guardian_name", "GUARDIAN_REQUIRED")
  f.guardian_name = "Trần Văn Bố"
  expect.no_problems(P.validate(f, ctx))
  expect.eq(P.render(f, ctx)[1].data.consent_guardian, true)
end)

test("documents per kind of lodging", function()
  local f = valid_form()
  expect.eq(ids(P.documents(f, ctx)), { "ct01", "lease_contract" })
  f.lodging_kind = "relative"
  expect.eq(ids(P.documents(f, ctx)), { "ct01" })
  f.lodging_kind = "self_declaration"
  expect.eq(ids(P.documents(f, ctx)), { "ct01", "self_declaration" })
  f.lodging_kind = "own_home"
  local docs = P.documents(f, ctx)
  expect.eq(ids(docs), { "ct01", "proof_ownership" })
  expect.eq(docs[2].available_in_db, true)
end)

test("manifest data and document titles", function()
  expect.eq(manifest.procedureCode, "1.004194")
  expect.eq(manifest.timeLimit.workingDays, 3)
  expect.eq({ manifest.fee.inPerson, manifest.fee.online }, { 15000, 7000 })
  expect.eq({ manifest.fee.byList.inPerson, manifest.fee.byList.online }, { 10000, 5000 })
  local by_id = {}
  for _, d in ipairs(manifest.documents) do by_id[d.id] = d end
  for id, d in pairs(P.DOCS) do
    expect.eq(d.title, by_id[id] and by_id[id].title, id)
    expect.eq(d.available_in_db, by_id[id].availableInDb, id)
  end
end)

test("render: CT01 with the term in the request", function()
  local d = P.render(valid_form(), ctx)[1].data
  local addr = onestop.units.format_address{ house = "Số 5", ward_code = ctx.unit.ward_code }
  expect.eq(d.request, "Đăng ký tạm trú tại: " .. addr .. "; thời hạn từ ngày 01/12/2026 đến ngày 30/11/2028")
  expect.eq(d.full_name, "NGUYỄN VĂN AN")
  expect.eq(d.head_relationship, "Chủ hộ")
  expect.eq(d.consent_head, false)
  expect.eq(d.consent_owner, true)
end)

test("receipt: CT01 and the lease", function()
  local r = P.receipt(valid_form(), ctx)
  expect.eq(#r.documents, 2)
  expect.eq(r.documents[1].kind, "Bản chính")
  expect.truthy(r.request:find("^Đăng ký tạm trú tại: "), "request")
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

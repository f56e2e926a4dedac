-- Synthetic guest; the clock is set per test through ctx.now.
local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An", date_of_birth = "1995-06-15", sex = "M" }
local fmt, add = onestop.date.format, onestop.date.add_days

local function at(now_iso_date, hhmm)
  local c = {}
  for k, v in pairs(ctx) do c[k] = v end
  c.today = now_iso_date
  c.now = now_iso_date .. "T" .. hhmm .. ":00+07:00"
  return c
end

local function valid_form()
  local f = P.prefill(AN, nil, ctx)
  f.reason = "Thăm người thân"
  f.arrival_time = "20:15"
  f.stay_until = fmt(add(ctx.today, 2))
  f.host_kind = "household"
  f.host_name = "Nguyễn Văn Hùng"
  f.addr_house = "Số 7"
  return f
end

test("prefill: the guest's card, arrival today", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq({ f.full_name, f.date_of_birth, f.sex, f.document_kind, f.document_number },
            { "Nguyễn Văn An", "15/06/1995", "M", "cccd", "001095012345" })
  expect.eq(f.arrival_date, fmt(ctx.today))
  expect.eq(P.prefill(nil, nil, ctx).document_kind, "")
end)

test("a notice before 23:00 on the arrival day is on time", function()
  expect.no_problems(P.validate(valid_form(), at(ctx.today, "22:59")))
  local ps = P.validate(valid_form(), at(ctx.today, "22:59"))
  for _, p in ipairs(ps) do expect.truthy(p.code ~= "LATE_NOTICE", "not late") end
end)

test("from 23:00 on the arrival day it is late (a warning)", function()
  expect.problem(P.validate(valid_form(), at(ctx.today, "23:00")), "arrival_time", "LATE_NOTICE")
  expect.problem(P.validate(valid_form(), at(onestop.date.add_days(ctx.today, 1), "00:10")), "arrival_time", "LATE_NOTICE")
  local ps = P.validate(valid_form(), at(ctx.today, "23:01"))
  expect.problem(ps, "arrival_time", "LATE_NOTICE")
  expect.no_problems(ps)
end)

test("an arrival after 23:00 may be notified until 08:00 next day", function()
  local f = valid_form()
  f.arrival_time = "23:30"
  local next_day = add(ctx.today, 1)
  expect.eq({ P.deadline(ctx.today, 23 * 60 + 30) }, { next_day, 8 * 60 })
  local ok = P.validate(f, at(next_day, "07:59"))
  for _, p in ipairs(ok) do expect.truthy(p.code ~= "LATE_NOTICE", "07:59 is on time") end
  expect.problem(P.validate(f, at(next_day, "08:00")), "arrival_time", "LATE_NOTICE")
end)

test("arrival time format", function()
  local f = valid_form()
  f.arrival_time = "25:00"
  expect.problem(P.validate(f, ctx), "arrival_time", "TIME_INVALID")
  f.arrival_time = ""
  expect.problem(P.validate(f, ctx), "arrival_time", "REQUIRED")
end)

test("the 2026 content: date of birth and document number are required", function()
  local f = valid_form()
  f.date_of_birth = ""
  f.document_number = ""
  local ps = P.validate(f, ctx)
  expect.problem(ps, "date_of_birth", "REQUIRED")
  expect.problem(ps, "document_number", "REQUIRED")
end)

test("ID and passport numbers", function()
  local f = valid_form()
  f.document_number = "12345"
  expect.problem(P.validate(f, ctx), "document_number", "ID_NOT_12_DIGITS")
  f.document_kind = "passport"
  f.document_number = "C1234567"
  expect.no_problems(P.validate(f, at(ctx.today, "10:00")))
  f.document_number = "C12-4567"
  expect.problem(P.validate(f, ctx), "document_number", "PASSPORT_NUMBER_INVALID")
end)

test("period: not before arrival; same day is not overnight (warning)", function()
  local f = valid_form()
  f.stay_until = fmt(add(ctx.today, -1))
  expect.problem(P.validate(f, ctx), "stay_until", "DATE_ORDER")
  f.stay_until = fmt(ctx.today)
  local ps = P.validate(f, at(ctx.today, "10:00"))
  expect.problem(ps, "stay_until", "NOT_OVERNIGHT")
  expect.no_problems(ps)
end)

test("notifier phone", function()
  local f = valid_form()
  f.host_phone = "024 3940 0000"
  expect.no_problems(P.validate(f, at(ctx.today, "10:00")))
  f.host_phone = "12"
  expect.problem(P.validate(f, ctx), "host_phone", "PHONE_INVALID")
end)

test("manifest: immediate, free, no form", function()
  expect.eq(manifest.procedureCode, "2.001159")
  expect.eq(manifest.timeLimit, { immediate = true })
  expect.eq(manifest.fee.inPerson, 0)
  expect.eq(manifest.documents[1].title, P.DOCS.guest_document.title)
  expect.eq(P.render, nil)
end)

test("receipt: request with the address and period; the ID is shown, not kept", function()
  local f = valid_form()
  local r = P.receipt(f, ctx)
  local addr = onestop.units.format_address{ house = "Số 7", ward_code = ctx.unit.ward_code }
  expect.eq(r.request, "Thông báo lưu trú tại: " .. addr .. "; từ ngày " .. fmt(ctx.today) .. " đến ngày "
            .. f.stay_until .. "; lý do: Thăm người thân")
  expect.eq(r.documents, { { name = "Giấy tờ tùy thân của người lưu trú", kind = "Bản chính", note = "Xuất trình, không thu" } })
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

-- A synthetic citizen (no real person).
local AN = { source = "chip", verified = true, id_number = "001095012345", full_name = "Nguyễn Văn An",
             date_of_birth = "1995-06-15", date_of_birth_text = "15/06/1995", sex = "M" }

test("prefill copies the card", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq(f, { full_name = "Nguyễn Văn An", date_of_birth = "15/06/1995", sex = "M", id_number = "001095012345",
                 phone = "", content = "current" })
end)

test("a prefilled form is valid", function()
  expect.no_problems(P.validate(P.prefill(AN, nil, ctx), ctx))
end)

test("required fields", function()
  local ps = P.validate(P.prefill(nil, nil, ctx), ctx)
  expect.problem(ps, "full_name", "REQUIRED")
  expect.problem(ps, "id_number", "REQUIRED")
end)

test("phone: good and bad", function()
  local f = P.prefill(AN, nil, ctx)
  f.phone = "+84 912 345 678"
  expect.no_problems(P.validate(f, ctx))
  f.phone = "12345"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
end)

test("ID: a sex mismatch is a warning, a short number an error", function()
  local f = P.prefill(AN, nil, ctx)
  f.sex = "F"
  local ps = P.validate(f, ctx)
  expect.problem(ps, "id_number", "ID_SEX_MISMATCH")
  expect.no_problems(ps)
  f.id_number = "0010950123"
  expect.problem(P.validate(f, ctx), "id_number", "ID_NOT_12_DIGITS")
end)

test("bad date", function()
  local f = P.prefill(AN, nil, ctx)
  f.date_of_birth = "30/02/1995"
  expect.problem(P.validate(f, ctx), "date_of_birth", "DATE_INVALID")
end)

test("render CT01 with the request", function()
  local f = P.prefill(AN, nil, ctx)
  f.content = "history"
  local out = P.render(f, ctx)
  expect.eq(out[1].form, "CT01")
  expect.eq(out[1].data.full_name, "NGUYỄN VĂN AN")
  expect.eq(out[1].data.request, "Xác nhận thông tin về cư trú: Quá trình cư trú (các nơi đã cư trú)")
  expect.truthy(out[1].data.signature_place_date:find("ngày", 1, true), "signature line")
end)

test("receipt and documents", function()
  local f = P.prefill(AN, nil, ctx)
  expect.eq(P.receipt(f, ctx).request, "Xác nhận thông tin về cư trú: Nơi cư trú hiện tại")
  expect.eq(P.documents(f, ctx)[1].id, manifest.documents[1].id)
  expect.eq(P.documents(f, ctx)[1].title, manifest.documents[1].title)
end)

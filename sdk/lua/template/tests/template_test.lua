-- Keep a test for every rule, both ways. Synthetic data only.
local CARD = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An", date_of_birth = "1995-06-15", sex = "M" }

test("prefill copies the card", function()
  local f = P.prefill(CARD, nil, ctx)
  expect.eq(f.full_name, "Nguyễn Văn An")
  expect.eq(f.id_number, "001095012345")
end)

test("a prefilled form is valid; an empty one is not", function()
  expect.no_problems(P.validate(P.prefill(CARD, nil, ctx), ctx))
  expect.problem(P.validate(P.prefill(nil, nil, ctx), ctx), "full_name", "REQUIRED")
end)

test("phone rule both ways", function()
  local f = P.prefill(CARD, nil, ctx)
  f.phone = "0912345678"
  expect.no_problems(P.validate(f, ctx))
  f.phone = "12"
  expect.problem(P.validate(f, ctx), "phone", "PHONE_INVALID")
end)

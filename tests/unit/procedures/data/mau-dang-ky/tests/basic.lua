test("prefill upper-cases the name", function()
  local form = P.prefill({ full_name = "  nguyễn văn an " }, nil, ctx)
  expect.eq(form.full_name, "NGUYỄN VĂN AN")
end)

test("a bad phone is a problem", function()
  local problems = P.validate({ full_name = "A", phone = "12345" }, ctx)
  expect.problem(problems, "phone", "PHONE_INVALID")
end)

test("the receipt's due date skips the weekend", function()
  -- 2026-11-23 is a Monday: three working days later is Thursday 26.
  expect.eq(P.receipt({}, ctx).due, "2026-11-26")
end)

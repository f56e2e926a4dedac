test("passes", function()
  expect.no_problems(P.validate({ full_name = "A", phone = "0912345678" }, ctx))
end)

test("fails on purpose", function()
  expect.eq(P.prefill({ full_name = "an" }, nil, ctx).full_name, "an", "name kept as typed")
end)

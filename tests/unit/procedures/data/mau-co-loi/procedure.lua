-- A small procedure for the engine's tests: prefill from the card, validate a phone number.
local util = require("util")
local P = {}

P.fields = {
  { id = "full_name", label = { vi = "Họ và tên", en = "Full name" }, type = "text",
    required = true, source = "card" },
  { id = "phone", label = { vi = "Số điện thoại", en = "Phone" }, type = "phone" },
  { id = "members", label = { vi = "Thành viên", en = "Members" }, type = "table",
    columns = { { id = "full_name", label = { vi = "Họ và tên", en = "Full name" }, type = "text" } } },
}

function P.prefill(card, household, ctx)
  local form = { members = {} }
  if card then form.full_name = util.upper_name(card.full_name) end
  return form
end

function P.validate(form, ctx)
  local problems = {}
  if not form.full_name or form.full_name == "" then
    problems[#problems + 1] = onestop.problem("full_name", "REQUIRED", "Chưa nhập họ tên", "Name missing")
  end
  if form.phone and not onestop.phone.normalize(form.phone) then
    problems[#problems + 1] = onestop.problem("phone", "PHONE_INVALID", "Số điện thoại không hợp lệ",
      "The phone number is not valid")
  end
  return problems
end

function P.receipt(form, ctx)
  return { request = "Thủ tục mẫu", due = onestop.date.add_working_days(ctx.today, 3) }
end

return P

-- Gia hạn tạm trú (1.002755): Luật Cư trú Art. 28(3) — filed within the 15 days before the
-- term ends; a new term of at most 2 years (Art. 27(3)); residence.md §3.4.
local C = require("cutru")
local P = {}

local WINDOW_DAYS = 15
local MAX_TERM_YEARS = 2

-- Titles mirror manifest.json "documents".
local DOCS = {
  ct01 = { title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
           required = true, available_in_db = false, kind = "Bản chính" },
  proof_lodging = { title = { vi = "Giấy tờ chứng minh chỗ ở hợp pháp (không cần khi chủ sở hữu đồng ý hoặc tra cứu được)",
                              en = "Proof of lawful lodging (not needed when the owner agrees or it can be looked up)" },
                    required = true, available_in_db = true },
}
P.DOCS = DOCS

P.fields = C.concat(C.person_fields(), C.head_fields(false), {
  { id = "current_end", label = { vi = "Ngày hết hạn tạm trú hiện tại", en = "Current term ends on" }, type = "date",
    required = true, source = "staff" },
  { id = "new_end", label = { vi = "Đề nghị gia hạn đến ngày", en = "Extend until" }, type = "date", required = true,
    source = "applicant" },
  { id = "owner_agrees", label = { vi = "Chủ sở hữu chỗ ở đồng ý (không cần giấy tờ chứng minh chỗ ở)",
                                   en = "The owner agrees (no proof of lodging needed)" },
    type = "boolean", source = "applicant" },
}, C.address_fields({ vi = "Nơi đang tạm trú", en = "Temporary residence address" }), C.guardian_fields(),
  C.tail_fields())

function P.prefill(card, household, ctx)
  local form = C.prefill(card, household, ctx)
  form.current_end = ""
  form.new_end = ""
  form.owner_agrees = false
  return form
end

local function iso(v) return not C.empty(v) and onestop.date.parse(v) or nil end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  C.check_address(form, out)
  C.check_guardian(form, ctx, out)
  local current, new = iso(form.current_end), iso(form.new_end)
  if current then
    local left = onestop.date.days_between(ctx.today, current)
    if left < 0 then
      out[#out + 1] = onestop.problem("current_end", "TERM_EXPIRED",
        "Thời hạn tạm trú đã hết: phải đăng ký tạm trú mới",
        "The term has already ended: register temporary residence again")
    elseif left > WINDOW_DAYS then
      local opens = onestop.date.format(onestop.date.add_days(current, -WINDOW_DAYS))
      out[#out + 1] = onestop.problem("current_end", "TOO_EARLY",
        "Chỉ gia hạn trong 15 ngày trước khi hết hạn, từ ngày " .. opens,
        "Extension is possible only within the 15 days before the term ends, from " .. opens)
    end
    if new then
      local limit = onestop.date.add_years(current, MAX_TERM_YEARS)
      if onestop.date.compare(new, current) <= 0 then
        out[#out + 1] = onestop.problem("new_end", "DATE_ORDER", "Ngày gia hạn phải sau ngày hết hạn hiện tại",
                                        "The new end must be after the current end")
      elseif onestop.date.compare(new, limit) > 0 then
        out[#out + 1] = onestop.problem("new_end", "TERM_TOO_LONG",
          "Gia hạn tối đa 2 năm, đến ngày " .. onestop.date.format(limit),
          "An extension is at most 2 years, until " .. onestop.date.format(limit))
      end
    end
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "ct01") }
  if form.owner_agrees ~= true then out[#out + 1] = C.doc(DOCS, "proof_lodging") end
  return out
end

function P.request(form)
  if not C.empty(form.request) then return form.request end
  local new = iso(form.new_end)
  return "Gia hạn tạm trú tại: " .. (C.address(form) or "…") .. " đến ngày " .. (new and onestop.date.format(new) or "…")
end

function P.render(form, ctx)
  local age = C.age(form, ctx)
  return { { form = "CT01", data = C.ct01(form, ctx, P.request(form), { guardian = age ~= nil and age < 18 }) } }
end

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)) }
end

return P

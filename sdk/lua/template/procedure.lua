-- TEMPLATE: copy this folder to <procedures root>/<your-id>/, then set "id" in manifest.json to
-- the same <your-id> ([a-z0-9-]+). See docs/lua-procedures.md and sdk/lua/onestop-api.md.
-- Only string, table, math, utf8, the kept base functions and onestop.* exist here; `require`
-- loads .lua files of this folder only.
local P = {}

-- Display order = list order. type: text|date|select|phone|email|id_number|textarea|boolean|table
-- source (documentation for the console): card|household|applicant|staff|config
P.fields = {
  { id = "full_name", label = { vi = "Họ, chữ đệm và tên khai sinh", en = "Full name" }, type = "text",
    required = true, source = "card", max_length = 100 },
  { id = "id_number", label = { vi = "Số định danh cá nhân", en = "Personal ID number" }, type = "id_number",
    required = true, source = "card" },
  { id = "phone", label = { vi = "Số điện thoại liên hệ", en = "Contact phone" }, type = "phone", source = "applicant" },
  -- TODO: the fields of your procedure.
}

-- card: the normalised card record or nil; household: {head = {...}, members = {...}} or nil.
-- Return every field id with a value ("" when unknown) so the console shows them all.
function P.prefill(card, household, ctx)
  card = card or {}
  return { full_name = card.full_name or "", id_number = card.id_number or "", phone = "" }
end

-- Return a list of problems ({} = valid). severity "warning" does not block submission.
function P.validate(form, ctx)
  local problems = {}
  for _, f in ipairs(P.fields) do
    if f.required and (form[f.id] == nil or form[f.id] == "") then
      problems[#problems + 1] = onestop.problem(f.id, "REQUIRED", "Chưa nhập " .. f.label.vi, f.label.en .. " is required")
    end
  end
  if (form.phone or "") ~= "" and not onestop.phone.normalize(form.phone) then
    problems[#problems + 1] = onestop.problem("phone", "PHONE_INVALID", "Số điện thoại không hợp lệ",
                                              "The phone number is not valid")
  end
  -- TODO: the rules of your procedure, each with its own code and vi/en message.
  return problems
end

-- Optional: the documents for THIS form (refines manifest.documents). Omit to use the manifest's.
function P.documents(form, ctx)
  return { { id = "ct01", title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
             required = true, available_in_db = false } }
end

-- Optional: what to print, keys per form (docs/forms.md).
function P.render(form, ctx)
  return { { form = "CT01", data = { full_name = onestop.text.upper(form.full_name or ""), id_number = form.id_number or "",
                                     request = "TODO: nội dung đề nghị" } } }
end

-- Optional: the intake receipt (CT04) data.
function P.receipt(form, ctx)
  return { request = "TODO: nội dung đề nghị",
           documents = { { name = "Tờ khai thay đổi thông tin cư trú (CT01)", kind = "Bản chính", note = "" } } }
end

return P

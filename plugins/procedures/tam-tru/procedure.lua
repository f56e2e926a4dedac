-- Đăng ký tạm trú (1.004194): Luật Cư trú Art. 27–28, ND 154/2024 Art. 5; residence.md §3.3.
local C = require("cutru")
local P = {}

local MAX_TERM_YEARS = 2 -- Art. 27(3): a term lasts at most two years (extendable)

local LODGINGS = {
  { value = "rented", vi = "Thuê, mượn, ở nhờ (hợp đồng không cần công chứng)",
    en = "Rented, borrowed or lodged (contract need not be notarised)" },
  { value = "relative", vi = "Về ở với người thân (Điều 20 khoản 2): chỉ cần ý kiến đồng ý",
    en = "Joining a relative (Art. 20(2)): consent only" },
  { value = "own_home", vi = "Chỗ ở thuộc quyền sở hữu của mình", en = "Own home" },
  { value = "managed", vi = "Ký túc xá, khu nhà ở người lao động, cơ sở lưu trú, công trường…",
    en = "Dormitory, workers' housing, accommodation establishment, site…" },
  { value = "self_declaration", vi = "Không có giấy tờ: văn bản tự khai, cam kết", en = "No papers: written self-declaration" },
  { value = "barracks", vi = "Đơn vị quân đội, công an (nơi đóng quân)", en = "Army or police barracks" },
}

local PURPOSES = {
  { value = "work", vi = "Lao động", en = "Work" },
  { value = "study", vi = "Học tập", en = "Study" },
  { value = "other", vi = "Lý do khác", en = "Other" },
}

-- Titles mirror manifest.json "documents".
local DOCS = {
  ct01 = { title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
           required = true, available_in_db = false, kind = "Bản chính" },
  lease_contract = { title = { vi = "Hợp đồng cho thuê, cho mượn, cho ở nhờ (không cần công chứng)",
                               en = "Lease, loan or lodging contract (no notarisation needed)" },
                     required = true, available_in_db = false },
  proof_ownership = { title = { vi = "Giấy tờ chứng minh chỗ ở hợp pháp thuộc quyền sở hữu", en = "Proof of ownership of the home" },
                      required = true, available_in_db = true },
  manager_papers = { title = { vi = "Giấy tờ của người quản lý ký túc xá, khu nhà ở, cơ sở lưu trú, công trường",
                               en = "Papers from the dormitory, housing, accommodation or site manager" },
                     required = true, available_in_db = false },
  self_declaration = { title = { vi = "Văn bản tự khai, cam kết về chỗ ở hợp pháp", en = "Written self-declaration about the lodging" },
                       required = true, available_in_db = false, kind = "Bản chính" },
  unit_referral = { title = { vi = "Giấy giới thiệu của thủ trưởng đơn vị", en = "Referral letter from the unit" },
                    required = true, available_in_db = false, kind = "Bản chính" },
}
P.DOCS = DOCS

local LODGING_DOCS = { rented = { "lease_contract" }, own_home = { "proof_ownership" }, managed = { "manager_papers" },
                       self_declaration = { "self_declaration" }, barracks = { "unit_referral" }, relative = {} }

P.fields = C.concat(C.person_fields(), C.head_fields(true), {
  { id = "lodging_kind", label = { vi = "Chỗ ở tạm trú", en = "Kind of lodging" }, type = "select", required = true,
    source = "staff", options = LODGINGS },
  { id = "purpose", label = { vi = "Lý do tạm trú", en = "Purpose of the stay" }, type = "select", source = "applicant",
    options = PURPOSES },
  { id = "outside_permanent_commune",
    label = { vi = "Sinh sống ngoài xã, phường nơi thường trú từ 30 ngày trở lên",
              en = "Living outside the commune of permanent residence for 30 days or more" },
    type = "boolean", source = "applicant" },
  { id = "from_date", label = { vi = "Tạm trú từ ngày", en = "Stay from" }, type = "date", required = true, source = "applicant" },
  { id = "to_date", label = { vi = "Tạm trú đến ngày", en = "Stay until" }, type = "date", required = true, source = "applicant" },
}, C.address_fields({ vi = "Nơi đăng ký tạm trú", en = "Temporary residence address" }), {
  { id = "owner_name", label = { vi = "Chủ sở hữu chỗ ở hợp pháp", en = "Owner of the home" }, type = "text",
    source = "applicant", max_length = 100 },
  { id = "owner_id_number", label = { vi = "Số định danh cá nhân của chủ sở hữu", en = "Owner's personal ID number" },
    type = "id_number", source = "applicant" },
}, C.guardian_fields(), C.tail_fields())

function P.prefill(card, household, ctx)
  local form = C.prefill(card, household, ctx)
  form.lodging_kind = ""
  form.purpose = ""
  form.outside_permanent_commune = false
  form.from_date = onestop.date.format(ctx.today)
  form.to_date = ""
  form.owner_name = ""
  form.owner_id_number = ""
  return form
end

local function is_self(form, id) return not C.empty(id) and id == form.id_number end

local function consents(form, ctx)
  local joins = form.lodging_kind == "relative" or form.lodging_kind == "rented"
  local age = C.age(form, ctx)
  return { head = joins and not is_self(form, form.head_id_number),
           owner = joins and not is_self(form, form.owner_id_number), guardian = age ~= nil and age < 18 }
end

local function iso(v) return not C.empty(v) and onestop.date.parse(v) or nil end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  C.check_address(form, out)
  C.check_guardian(form, ctx, out)
  if form.outside_permanent_commune ~= true then
    out[#out + 1] = onestop.problem("outside_permanent_commune", "CONDITION_NOT_MET",
      "Chỉ đăng ký tạm trú khi sinh sống ngoài xã, phường nơi thường trú từ 30 ngày trở lên (Điều 27)",
      "Temporary residence requires living outside the commune of permanent residence for 30 days or more (Art. 27)")
  end
  local from, to = iso(form.from_date), iso(form.to_date)
  if from and to then
    if onestop.date.compare(to, from) <= 0 then
      out[#out + 1] = onestop.problem("to_date", "DATE_ORDER", "Ngày kết thúc phải sau ngày bắt đầu",
                                      "The end date must be after the start date")
    elseif onestop.date.compare(to, onestop.date.add_years(from, MAX_TERM_YEARS)) > 0 then
      out[#out + 1] = onestop.problem("to_date", "TERM_TOO_LONG",
        "Thời hạn tạm trú tối đa 2 năm, đến ngày " .. onestop.date.format(onestop.date.add_years(from, MAX_TERM_YEARS)),
        "A temporary residence term is at most 2 years, until " .. onestop.date.format(onestop.date.add_years(from, MAX_TERM_YEARS)))
    end
  end
  if consents(form, ctx).owner and C.empty(form.owner_name) then
    out[#out + 1] = onestop.problem("owner_name", "OWNER_CONSENT_NEEDED",
      "Cần ý kiến đồng ý của chủ sở hữu chỗ ở hợp pháp", "The owner's consent is needed", "warning")
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "ct01") }
  for _, id in ipairs(LODGING_DOCS[form.lodging_kind] or {}) do out[#out + 1] = C.doc(DOCS, id) end
  return out
end

function P.request(form)
  if not C.empty(form.request) then return form.request end
  local text = "Đăng ký tạm trú tại: " .. (C.address(form) or "…")
  local from, to = iso(form.from_date), iso(form.to_date)
  if from and to then
    text = text .. "; thời hạn từ ngày " .. onestop.date.format(from) .. " đến ngày " .. onestop.date.format(to)
  end
  return text
end

function P.render(form, ctx)
  return { { form = "CT01", data = C.ct01(form, ctx, P.request(form), consents(form, ctx)) } }
end

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)) }
end

return P

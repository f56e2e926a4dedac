-- Đăng ký thường trú (1.004222): Luật Cư trú Art. 20–22; cases and papers per residence.md §3.2.
local C = require("cutru")
local P = {}

-- The lawful-place cases of Law Art. 20 (overseas Vietnamese file CT02, not this form).
local CASES = {
  { value = "own_home", vi = "Chỗ ở hợp pháp thuộc quyền sở hữu của mình (Điều 20 khoản 1)",
    en = "Own lawful home (Art. 20(1))" },
  { value = "relative", vi = "Về ở với người thân (Điều 20 khoản 2)", en = "Joining a relative (Art. 20(2))" },
  { value = "rented", vi = "Thuê, mượn, ở nhờ (Điều 20 khoản 3)", en = "Rented, borrowed or lodged (Art. 20(3))" },
  { value = "religious", vi = "Cơ sở tín ngưỡng, tôn giáo (Điều 20 khoản 4)", en = "Religious establishment (Art. 20(4))" },
  { value = "social_care", vi = "Cơ sở trợ giúp xã hội, hộ gia đình nhận chăm sóc (Điều 20 khoản 5)",
    en = "Social-care facility or a taking-in household (Art. 20(5))" },
  { value = "vehicle", vi = "Phương tiện dùng để ở (Điều 20 khoản 6)", en = "Vehicle or boat used as a home (Art. 20(6))" },
  { value = "barracks", vi = "Đơn vị quân đội, công an (nơi đóng quân)", en = "Army or police barracks" },
}

local RELATIVE_KINDS = {
  { value = "spouse_parent_child", vi = "Vợ về ở với chồng, chồng với vợ, con với cha mẹ, cha mẹ với con (điểm a)",
    en = "Spouse with spouse, child with parent, parent with child (point a)" },
  { value = "elderly", vi = "Người cao tuổi về ở với anh, chị, em ruột, cháu ruột (điểm b)",
    en = "Elderly person with a sibling or grandchild (point b)" },
  { value = "dependent", vi = "Người khuyết tật, không có khả năng lao động, chưa thành niên… về ở với người thân, người giám hộ (điểm c)",
    en = "Disabled, unable to work or minor person with a relative or guardian (point c)" },
}

-- Titles mirror manifest.json "documents" (tests/documents.lua checks they agree).
local DOCS = {
  ct01 = { title = { vi = "Tờ khai thay đổi thông tin cư trú (CT01)", en = "Residence change declaration (CT01)" },
           required = true, available_in_db = false, kind = "Bản chính" },
  proof_ownership = { title = { vi = "Giấy tờ chứng minh chỗ ở hợp pháp thuộc quyền sở hữu", en = "Proof of ownership of the home" },
                      required = true, available_in_db = true },
  proof_relationship = { title = { vi = "Giấy tờ chứng minh quan hệ nhân thân", en = "Proof of the family relationship" },
                         required = true, available_in_db = true },
  proof_dependency = { title = { vi = "Giấy tờ chứng minh cao tuổi, khuyết tật, không có khả năng lao động hoặc chưa thành niên",
                                 en = "Proof of old age, disability, inability to work or minority" },
                       required = true, available_in_db = true },
  lease_contract = { title = { vi = "Hợp đồng cho thuê, cho mượn, cho ở nhờ (công chứng hoặc chứng thực)",
                               en = "Lease, loan or lodging contract (notarised or certified)" },
                     required = true, available_in_db = false },
  proof_floor_area = { title = { vi = "Giấy tờ chứng minh diện tích nhà ở tối thiểu 8 m²/người",
                                 en = "Proof of at least 8 m² of floor area per person" },
                       required = true, available_in_db = true },
  religious_role = { title = { vi = "Giấy tờ chứng minh là chức sắc, chức việc, nhà tu hành hoặc người hoạt động tôn giáo",
                               en = "Proof of the religious role" }, required = true, available_in_db = false },
  religious_confirmation = { title = { vi = "Xác nhận của Ủy ban nhân dân cấp xã về công trình phụ trợ là nhà ở",
                                       en = "Commune confirmation that the building is residential" },
                             required = true, available_in_db = false },
  care_letter = { title = { vi = "Văn bản đề nghị của người đứng đầu cơ sở trợ giúp xã hội", en = "Letter from the care facility head" },
                  required = true, available_in_db = false },
  care_proof = { title = { vi = "Giấy tờ chứng minh việc nhận chăm sóc, nuôi dưỡng, trợ giúp", en = "Proof of the care arrangement" },
                 required = true, available_in_db = false },
  vehicle_registration = { title = { vi = "Giấy chứng nhận đăng ký, an toàn kỹ thuật của phương tiện hoặc xác nhận sử dụng phương tiện để ở",
                                     en = "Vehicle registration and safety certificate, or confirmation of use as a home" },
                           required = true, available_in_db = false },
  mooring_confirmation = { title = { vi = "Xác nhận của Ủy ban nhân dân cấp xã về nơi đậu, đỗ thường xuyên",
                                     en = "Commune confirmation of the usual mooring or parking place" },
                           required = true, available_in_db = false },
  unit_referral = { title = { vi = "Giấy giới thiệu của thủ trưởng đơn vị (quân đội: cấp trung đoàn trở lên)",
                              en = "Referral letter from the unit (army: regiment level or above)" },
                    required = true, available_in_db = false },
}
P.DOCS = DOCS

local CASE_DOCS = {
  own_home = { "proof_ownership" },
  relative = { "proof_relationship" },
  rented = { "lease_contract", "proof_floor_area" },
  religious = { "religious_role", "religious_confirmation" },
  social_care = { "care_letter", "care_proof" },
  vehicle = { "vehicle_registration", "mooring_confirmation" },
  barracks = { "unit_referral" },
}

P.fields = C.concat(C.person_fields(), C.head_fields(true), {
  { id = "case", label = { vi = "Trường hợp đăng ký", en = "Registration case" }, type = "select",
    required = true, source = "staff", options = CASES },
  { id = "relative_kind", label = { vi = "Quan hệ với người thân (Điều 20 khoản 2)", en = "Relationship (Art. 20(2))" },
    type = "select", source = "staff", options = RELATIVE_KINDS },
  { id = "floor_area_per_person", label = { vi = "Diện tích nhà ở bình quân (m²/người)", en = "Floor area per person (m²)" },
    type = "text", source = "applicant", max_length = 10 },
}, C.address_fields({ vi = "Nơi đăng ký thường trú", en = "Permanent residence address" }), {
  { id = "owner_name", label = { vi = "Chủ sở hữu chỗ ở hợp pháp", en = "Owner of the home" }, type = "text",
    source = "applicant", max_length = 100 },
  { id = "owner_id_number", label = { vi = "Số định danh cá nhân của chủ sở hữu", en = "Owner's personal ID number" },
    type = "id_number", source = "applicant" },
}, C.guardian_fields(), C.tail_fields())

function P.prefill(card, household, ctx)
  local form = C.prefill(card, household, ctx)
  form.case = ""
  form.relative_kind = ""
  form.floor_area_per_person = ""
  form.owner_name = ""
  form.owner_id_number = ""
  return form
end

local function is_self(form, id) return not C.empty(id) and id == form.id_number end

-- Which consent blocks of CT01 apply (notes 4–6): head for Art. 20(2) (except a child under 6
-- joining a parent), 20(3), 20(5), 20(6); owner for 20(2)–(6); nobody signs for themselves.
local function consents(form, ctx)
  local case, age = form.case, C.age(form, ctx)
  local head = case == "relative" or case == "rented" or case == "social_care" or case == "vehicle"
  if case == "relative" and form.relative_kind == "spouse_parent_child" and age and age < 6 then head = false end
  local owner = case == "relative" or case == "rented" or case == "religious" or case == "social_care"
                or case == "vehicle"
  return { head = head and not is_self(form, form.head_id_number),
           owner = owner and not is_self(form, form.owner_id_number),
           guardian = age ~= nil and age < 18 }
end
P.consents = consents

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  C.check_address(form, out)
  C.check_guardian(form, ctx, out)
  if form.case == "relative" and C.empty(form.relative_kind) then
    out[#out + 1] = onestop.problem("relative_kind", "REQUIRED", "Chọn quan hệ với người thân theo Điều 20 khoản 2",
                                    "Choose the relationship under Art. 20(2)")
  end
  if form.case == "rented" then
    local area = tonumber(form.floor_area_per_person or "")
    if C.empty(form.floor_area_per_person) then
      out[#out + 1] = onestop.problem("floor_area_per_person", "REQUIRED", "Chưa nhập diện tích nhà ở bình quân",
                                      "The floor area per person is required")
    elseif not area then
      out[#out + 1] = onestop.problem("floor_area_per_person", "NUMBER_INVALID", "Diện tích phải là một số (m²)",
                                      "The floor area must be a number (m²)")
    elseif area < 8 then
      out[#out + 1] = onestop.problem("floor_area_per_person", "FLOOR_AREA_TOO_SMALL",
        "Diện tích nhà ở dưới 8 m²/người (hoặc mức cao hơn do tỉnh quy định)",
        "Less than 8 m² of floor area per person (or the higher provincial figure)")
    end
  end
  if consents(form, ctx).owner and C.empty(form.owner_name) then
    out[#out + 1] = onestop.problem("owner_name", "OWNER_CONSENT_NEEDED",
      "Cần ý kiến đồng ý của chủ sở hữu chỗ ở hợp pháp (trên tờ khai, VNeID hoặc văn bản riêng)",
      "The owner's consent is needed (on the form, in VNeID or by letter)", "warning")
  end
  return out
end

function P.documents(form, ctx)
  local out = { C.doc(DOCS, "ct01") }
  for _, id in ipairs(CASE_DOCS[form.case] or {}) do out[#out + 1] = C.doc(DOCS, id) end
  if form.case == "relative" and form.relative_kind == "dependent" then
    out[#out + 1] = C.doc(DOCS, "proof_dependency")
  end
  return out
end

function P.request(form)
  if not C.empty(form.request) then return form.request end
  return "Đăng ký thường trú tại: " .. (C.address(form) or "…")
end

function P.render(form, ctx)
  return { { form = "CT01", data = C.ct01(form, ctx, P.request(form), consents(form, ctx)) } }
end

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)) }
end

return P

local AN = { source = "chip", id_number = "001095012345", full_name = "Nguyễn Văn An",
             date_of_birth = "1995-06-15", sex = "M" }

local function form_for(case)
  local f = P.prefill(AN, { head = { full_name = "Nguyễn Văn Hùng", id_number = "001065004321" } }, ctx)
  f.case = case
  f.head_relationship = "con"
  f.addr_house = "Số 12"
  f.addr_street = "Phố Giả"
  return f
end

local function ids(docs)
  local out = {}
  for _, d in ipairs(docs) do out[#out + 1] = d.id end
  return out
end

test("documents per case", function()
  expect.eq(ids(P.documents(form_for("own_home"), ctx)), { "ct01", "proof_ownership" })
  expect.eq(ids(P.documents(form_for("relative"), ctx)), { "ct01", "proof_relationship" })
  expect.eq(ids(P.documents(form_for("rented"), ctx)), { "ct01", "lease_contract", "proof_floor_area" })
  expect.eq(ids(P.documents(form_for("religious"), ctx)), { "ct01", "religious_role", "religious_confirmation" })
  expect.eq(ids(P.documents(form_for("barracks"), ctx)), { "ct01", "unit_referral" })
  local dep = form_for("relative")
  dep.relative_kind = "dependent"
  expect.eq(ids(P.documents(dep, ctx)), { "ct01", "proof_relationship", "proof_dependency" })
end)

test("proof of ownership can be looked up, the lease cannot", function()
  local own = P.documents(form_for("own_home"), ctx)
  expect.eq(own[2].available_in_db, true)
  local rented = P.documents(form_for("rented"), ctx)
  expect.eq(rented[2].available_in_db, false)
end)

test("document titles agree with manifest.json", function()
  local by_id = {}
  for _, d in ipairs(manifest.documents) do by_id[d.id] = d end
  for id, d in pairs(P.DOCS) do
    expect.truthy(by_id[id], "manifest lists " .. id)
    expect.eq(d.title, by_id[id].title, id .. " title")
    expect.eq(d.available_in_db, by_id[id].availableInDb, id .. " availableInDb")
  end
  for _, d in ipairs(manifest.documents) do expect.truthy(P.DOCS[d.id], "procedure knows " .. d.id) end
end)

test("manifest: code, time limit, fee, forms", function()
  expect.eq(manifest.id, "thuong-tru")
  expect.eq(manifest.procedureCode, "1.004222")
  expect.eq(manifest.timeLimit.workingDays, 7)
  expect.eq(manifest.fee.inPerson, 20000)
  expect.eq(manifest.fee.online, 10000)
  expect.eq(manifest.forms, { "CT01@116/2026" })
  expect.eq(manifest.receipt, "CT04")
end)

test("render gives CT01 with the contract keys", function()
  local f = form_for("rented")
  f.owner_name = "Phạm Văn Chủ"
  f.owner_id_number = "001070009999"
  f.phone = "+84912345678"
  local out = P.render(f, ctx)
  expect.eq(#out, 1)
  expect.eq(out[1].form, "CT01")
  local d = out[1].data
  expect.eq(d.full_name, "NGUYỄN VĂN AN")
  expect.eq(d.date_of_birth, "15/06/1995")
  expect.eq(d.sex, "Nam")
  expect.eq(d.id_number, "001095012345")
  expect.eq(d.phone, "0912345678")
  expect.eq(d.head_name, "NGUYỄN VĂN HÙNG")
  expect.eq(d.head_relationship, "Con")
  expect.eq(d.head_id_number, "001065004321")
  local addr = onestop.units.format_address{ house = "Số 12", street = "Phố Giả", ward_code = ctx.unit.ward_code }
  expect.eq(d.request, "Đăng ký thường trú tại: " .. addr)
  expect.eq(d.consent_head, true)
  expect.eq(d.consent_owner, true)
  expect.eq(d.consent_guardian, false)
  expect.eq(d.owner_name, "PHẠM VĂN CHỦ")
  expect.eq(d.declarant_name, "NGUYỄN VĂN AN")
  expect.eq(d.signature_place_date,
            onestop.date.signature_line(ctx.today, onestop.units.province(ctx.unit.province_code).short))
  expect.truthy(d.kinh_gui:find(ctx.unit.name, 1, true) == 1, "kinh_gui starts with the unit")
  expect.eq(d.members, nil)
end)

test("render lists the members changing together", function()
  local f = form_for("own_home")
  f.members = { { full_name = "Nguyễn Thị Con", date_of_birth = "2020-01-01", sex = "F", id_number = "001320001111",
                  relationship = "con" } }
  expect.eq(P.render(f, ctx)[1].data.members, { { full_name = "NGUYỄN THỊ CON", date_of_birth = "01/01/2020", sex = "Nữ",
                                                 id_number = "001320001111", relationship = "Con" } })
end)

test("own home: no consent blocks; the head who is the declarant does not consent to himself", function()
  local f = form_for("own_home")
  local d = P.render(f, ctx)[1].data
  expect.eq(d.consent_head, false)
  expect.eq(d.consent_owner, false)
  local r = form_for("rented")
  r.head_id_number = r.id_number
  expect.eq(P.render(r, ctx)[1].data.consent_head, false)
end)

test("boundary change: the address on the papers is added to the request", function()
  local f = form_for("own_home")
  f.addr_on_papers = "Số 12 Phố Giả, phường Cũ, quận Cũ, Hà Nội"
  expect.truthy(P.render(f, ctx)[1].data.request:find("(địa chỉ trên giấy tờ: Số 12 Phố Giả, phường Cũ", 1, true),
                "old address in the request")
end)

test("a typed request overrides the built one", function()
  local f = form_for("own_home")
  f.request = "Đăng ký thường trú cho cả hộ"
  expect.eq(P.render(f, ctx)[1].data.request, "Đăng ký thường trú cho cả hộ")
end)

test("receipt: request and the papers to hand in", function()
  local r = P.receipt(form_for("rented"), ctx)
  expect.truthy(r.request:find("^Đăng ký thường trú tại: "), "request")
  expect.eq(#r.documents, 2)
  expect.eq(r.documents[1], { name = "Tờ khai thay đổi thông tin cư trú (CT01)", kind = "Bản chính", note = "" })
  expect.eq(r.documents[2].name, "Hợp đồng cho thuê, cho mượn, cho ở nhờ (công chứng hoặc chứng thực)")
end)

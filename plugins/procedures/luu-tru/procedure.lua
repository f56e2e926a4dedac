-- Thông báo lưu trú (2.001159): Luật Cư trú Art. 30 as amended by Luật 118/2025/QH15 (from
-- 01/07/2026): an overnight stay; name, DATE OF BIRTH, ID or passport number, reason, period,
-- address; notified before 23:00 of the first day, or before 08:00 the next day for a later
-- arrival (residence.md §3.6). Accepted immediately.
local C = require("cutru")
local P = {}

local HOSTS = {
  { value = "household", vi = "Thành viên hộ gia đình nơi lưu trú", en = "A member of the host household" },
  { value = "accommodation", vi = "Cơ sở lưu trú du lịch", en = "Tourist accommodation establishment" },
  { value = "hospital", vi = "Cơ sở khám bệnh, chữa bệnh", en = "Hospital or clinic" },
  { value = "workers_lodging", vi = "Nhà ở cho người lao động trong khu công nghiệp", en = "Industrial-zone workers' lodging" },
  { value = "vehicle", vi = "Chủ, người quản lý phương tiện", en = "Owner or manager of a vehicle or boat" },
  { value = "guest", vi = "Người lưu trú (không có ai trong hộ ở nhà)", en = "The guest (nobody of the household present)" },
}
local DOCUMENT_KINDS = {
  { value = "cccd", vi = "Căn cước / căn cước công dân", en = "Vietnamese ID card" },
  { value = "passport", vi = "Hộ chiếu", en = "Passport" },
}

-- Titles mirror manifest.json "documents".
local DOCS = {
  guest_document = { title = { vi = "Giấy tờ tùy thân của người lưu trú", en = "The guest's identity document" },
                     required = true, available_in_db = false, kind = "Bản chính",
                     note = { vi = "Xuất trình, không thu", en = "Shown, not kept" } },
}
P.DOCS = DOCS

P.fields = C.concat({
  { id = "full_name", label = { vi = "Họ, chữ đệm và tên người lưu trú", en = "Guest's full name" }, type = "text",
    required = true, source = "card", max_length = 100 },
  { id = "date_of_birth", label = { vi = "Ngày, tháng, năm sinh", en = "Date of birth" }, type = "date", required = true,
    source = "card", year_only_allowed = true },
  { id = "sex", label = { vi = "Giới tính", en = "Sex" }, type = "select", source = "card",
    options = { { value = "M", vi = "Nam", en = "Male" }, { value = "F", vi = "Nữ", en = "Female" } } },
  { id = "document_kind", label = { vi = "Loại giấy tờ", en = "Document kind" }, type = "select", required = true,
    source = "card", options = DOCUMENT_KINDS },
  { id = "document_number", label = { vi = "Số định danh cá nhân hoặc số hộ chiếu", en = "ID or passport number" },
    type = "text", required = true, source = "card", max_length = 20 },
  { id = "reason", label = { vi = "Lý do lưu trú", en = "Reason for the stay" }, type = "text", required = true,
    source = "applicant", max_length = 200 },
  { id = "arrival_date", label = { vi = "Ngày đến", en = "Arrival date" }, type = "date", required = true, source = "applicant" },
  { id = "arrival_time", label = { vi = "Giờ đến (hh:mm)", en = "Arrival time (hh:mm)" }, type = "text", required = true,
    source = "applicant", max_length = 5 },
  { id = "stay_until", label = { vi = "Lưu trú đến ngày", en = "Staying until" }, type = "date", required = true,
    source = "applicant" },
}, C.address_fields({ vi = "Địa chỉ lưu trú", en = "Address of the stay" }), {
  { id = "host_kind", label = { vi = "Người thông báo", en = "Who notifies" }, type = "select", required = true,
    source = "staff", options = HOSTS },
  { id = "host_name", label = { vi = "Họ và tên người thông báo", en = "Notifier's name" }, type = "text", required = true,
    source = "applicant", max_length = 100 },
  { id = "host_phone", label = { vi = "Số điện thoại người thông báo", en = "Notifier's phone" }, type = "phone",
    source = "applicant" },
})

-- The card read is the GUEST's card; the host is typed by staff.
function P.prefill(card, household, ctx)
  local base = C.prefill(card, household, ctx)
  return { full_name = base.full_name, date_of_birth = base.date_of_birth, sex = base.sex,
           document_kind = card and "cccd" or "", document_number = base.id_number, reason = "",
           arrival_date = onestop.date.format(ctx.today), arrival_time = "", stay_until = "",
           addr_house = "", addr_street = "", addr_hamlet = "", addr_on_papers = "",
           addr_province = base.addr_province, addr_ward = base.addr_ward,
           host_kind = "", host_name = "", host_phone = "" }
end

local function iso(v) return not C.empty(v) and onestop.date.parse(v) or nil end

-- "hh:mm" → minutes after midnight, or nil.
local function minutes(v)
  local h, m = tostring(v or ""):match("^(%d%d?):(%d%d)$")
  h, m = tonumber(h), tonumber(m)
  if not h or h > 23 or m > 59 then return nil end
  return h * 60 + m
end

-- The notice deadline as (iso date, minutes): 23:00 the same day, or 08:00 the next day for an
-- arrival at or after 23:00.
function P.deadline(arrival_iso, arrival_minutes)
  if arrival_minutes >= 23 * 60 then return onestop.date.add_days(arrival_iso, 1), 8 * 60 end
  return arrival_iso, 23 * 60
end

-- ctx.now is ISO 8601 local time ("2026-11-23T09:30:00+07:00").
local function now_of(ctx)
  local d, h, m = tostring(ctx.now or ""):match("^(%d%d%d%d%-%d%d%-%d%d)T(%d%d):(%d%d)")
  if not d then return ctx.today, 0 end
  return d, tonumber(h) * 60 + tonumber(m)
end

function P.validate(form, ctx)
  local out = C.check_fields(P.fields, form, ctx)
  C.check_address(form, out)
  if form.document_kind == "cccd" and not C.empty(form.document_number) then
    for _, code in ipairs(onestop.id.check(form.document_number, {})) do
      out[#out + 1] = C.problem("document_number", code, { vi = "Số định danh", en = "ID number" },
                                code == "ID_NOT_12_DIGITS" and "error" or "warning")
    end
  elseif form.document_kind == "passport" and not tostring(form.document_number or ""):match("^%w%w%w%w%w%w%w?%w?%w?%w?%w?%w?$") then
    out[#out + 1] = onestop.problem("document_number", "PASSPORT_NUMBER_INVALID",
      "Số hộ chiếu gồm 6–12 chữ hoặc số", "A passport number has 6–12 letters or digits")
  end
  local at = minutes(form.arrival_time)
  if not C.empty(form.arrival_time) and not at then
    out[#out + 1] = onestop.problem("arrival_time", "TIME_INVALID", "Giờ đến không hợp lệ (hh:mm)",
                                    "The arrival time is not valid (hh:mm)")
  end
  local arrival, until_ = iso(form.arrival_date), iso(form.stay_until)
  if arrival and until_ then
    local order = onestop.date.compare(until_, arrival)
    if order < 0 then
      out[#out + 1] = onestop.problem("stay_until", "DATE_ORDER", "Ngày đi phải từ ngày đến trở đi",
                                      "The stay cannot end before the arrival")
    elseif order == 0 then
      out[#out + 1] = onestop.problem("stay_until", "NOT_OVERNIGHT",
        "Không nghỉ qua đêm: không thuộc diện thông báo lưu trú", "No overnight stay: no notice is due", "warning")
    end
  end
  if arrival and at then
    local due_day, due_min = P.deadline(arrival, at)
    local now_day, now_min = now_of(ctx)
    local cmp = onestop.date.compare(now_day, due_day)
    -- "Before 23:00" / "before 08:00": the deadline minute itself is already late.
    if cmp > 0 or (cmp == 0 and now_min >= due_min) then
      local when = string.format("%02d:%02d ngày %s", due_min // 60, due_min % 60, onestop.date.format(due_day))
      out[#out + 1] = onestop.problem("arrival_time", "LATE_NOTICE",
        "Thông báo muộn: hạn là " .. when .. " (có thể bị xử phạt theo Nghị định 282/2025/NĐ-CP, Điều 10)",
        "Late notice: the deadline was " .. string.format("%02d:%02d on %s", due_min // 60, due_min % 60,
        onestop.date.format(due_day)) .. " (a fine under Decree 282/2025 Art. 10 may apply)", "warning")
    end
  end
  return out
end

function P.documents(form, ctx) return { C.doc(DOCS, "guest_document") } end

function P.request(form)
  local arrival, until_ = iso(form.arrival_date), iso(form.stay_until)
  return "Thông báo lưu trú tại: " .. (C.address(form) or "…") .. "; từ ngày "
         .. (arrival and onestop.date.format(arrival) or "…") .. " đến ngày " .. (until_ and onestop.date.format(until_) or "…")
         .. "; lý do: " .. (C.empty(form.reason) and "…" or form.reason)
end

-- No P.render: nothing is printed but the CT04 receipt (the host then prints no form).

function P.receipt(form, ctx)
  return { request = P.request(form), documents = C.receipt_documents(P.documents(form, ctx)),
           current_residence = C.address(form) or "" }
end

return P

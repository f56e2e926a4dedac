-- The harness of `onestopctl procedure test`: builds the environment of one test file.
-- Loaded by procedure_tools.cpp (embedded at build time); runs inside the procedure's sandbox.
local P, manifest = ...

local function show(v, depth)
  depth = depth or 0
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  if depth > 3 then return "{...}" end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for i, k in ipairs(keys) do
    if i > 12 then parts[#parts + 1] = "..."; break end
    parts[#parts + 1] = (type(k) == "string" and k or "[" .. tostring(k) .. "]") .. "=" .. show(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function deep_equal(a, b, seen)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  seen = seen or {}
  if seen[a] == b then return true end
  seen[a] = b
  for k, v in pairs(a) do
    if not deep_equal(v, b[k], seen) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local function fail(what, message)
  error((what and (what .. ": ") or "") .. message, 3)
end

local expect = {}
function expect.eq(actual, expected, what)
  if not deep_equal(actual, expected) then
    fail(what, "expected " .. show(expected) .. ", got " .. show(actual))
  end
end
function expect.truthy(v, what)
  if not v then fail(what, "expected a truthy value, got " .. show(v)) end
end
function expect.falsy(v, what)
  if v then fail(what, "expected a falsy value, got " .. show(v)) end
end
function expect.problem(problems, field, code)
  if type(problems) ~= "table" then fail(nil, "expected a list of problems, got " .. show(problems)) end
  for _, p in ipairs(problems) do
    if p.field == field and p.code == code then return p end
  end
  local seen = {}
  for _, p in ipairs(problems) do seen[#seen + 1] = tostring(p.field) .. "/" .. tostring(p.code) end
  fail(nil, "no problem " .. tostring(field) .. "/" .. tostring(code) .. " among {" .. table.concat(seen, ", ") .. "}")
end
function expect.no_problems(problems)
  if type(problems) ~= "table" then fail(nil, "expected a list of problems, got " .. show(problems)) end
  local errors = {}
  for _, p in ipairs(problems) do
    if (p.severity or "error") == "error" then errors[#errors + 1] = tostring(p.field) .. "/" .. tostring(p.code) end
  end
  if #errors > 0 then fail(nil, "unexpected problems: " .. table.concat(errors, ", ")) end
end
function expect.error(fn, pattern)
  if type(fn) ~= "function" then fail(nil, "expect.error needs a function") end
  local ok, message = pcall(fn)
  if ok then fail(nil, "expected an error, none was raised") end
  if pattern and not string.find(tostring(message), pattern) then
    fail(nil, "error " .. show(tostring(message)) .. " does not match " .. show(pattern))
  end
end

-- Returns the environment for one file and the list its test() calls fill.
return function(ctx)
  local tests = {}
  local env = setmetatable({
    P = P, manifest = manifest, ctx = ctx, expect = expect,
    test = function(name, fn)
      if type(name) ~= "string" or type(fn) ~= "function" then
        error("test(name, function) expects a string and a function", 2)
      end
      tests[#tests + 1] = { name = name, fn = fn }
    end,
  }, { __index = _G })
  return env, tests
end

local M = {}
function M.upper_name(name)
  return name and onestop.text.upper(onestop.text.trim(name)) or nil
end
return M

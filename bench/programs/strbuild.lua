-- string building: concatenation and table.concat
local total = 0
for round = 1, 40 do
  local parts = {}
  for i = 1, 20000 do parts[#parts + 1] = "item" .. i .. ";" end
  local s = table.concat(parts)
  local t = ""
  for i = 1, 2000 do t = t .. i end
  total = total + #s + #t
end
print(total)

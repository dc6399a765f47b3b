-- string.format: numbers and strings in reports
local total = 0
for i = 1, 300000 do
  local s = string.format("%-10s %5d %8.3f %x %s", "svc" .. (i % 10), i, i / 7, i, i % 2 == 0)
  total = total + #s
end
print(total)

-- string-keyed tables: counting generated words
local words = {}
for i = 1, 2000 do words[i] = "w" .. (i * 7919 % 1543) end
local counts = {}
for round = 1, 6000 do
  for i = 1, #words do
    local w = words[i]
    counts[w] = (counts[w] or 0) + 1
  end
end
local distinct, total = 0, 0
for _, c in pairs(counts) do distinct = distinct + 1; total = total + c end
print(distinct, total)

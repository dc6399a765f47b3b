-- sort with a comparator
local seed = 42
local function rand() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end
local total = 0
for round = 1, 6 do
  local t = {}
  for i = 1, 100000 do t[i] = { key = rand() % 100000, id = i } end
  table.sort(t, function(a, b) if a.key ~= b.key then return a.key < b.key end return a.id < b.id end)
  total = total + t[1].key + t[#t].key
end
print(total)

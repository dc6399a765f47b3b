-- sort with a comparator (keys from the Park-Miller generator: products stay below 2^53;
-- int64 overflow arithmetic is measured on its own by int64.lua)
local seed = 42
local function rand() seed = (seed * 16807) % 2147483647; return seed end
local total = 0
for round = 1, 6 do
  local t = {}
  for i = 1, 100000 do t[i] = { key = rand() % 100000, id = i } end
  table.sort(t, function(a, b) if a.key ~= b.key then return a.key < b.key end return a.id < b.id end)
  total = total + t[1].key + t[#t].key
end
print(total)

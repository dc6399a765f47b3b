-- 64-bit integer arithmetic past 2^53: a 64-bit LCG whose products wrap around, and a hash
local seed = 42
local function lcg() seed = seed * 6364136223846793005 + 1442695040888963407; return seed end
local h, acc = 0, 0
for i = 1, 1000000 do
  local x = lcg()
  acc = acc ~ (x >> 33)
  h = (h * 1099511628211) ~ (i & 0xff)
end
print(acc, h, (seed * 1103515245 + 12345) % 2147483648)

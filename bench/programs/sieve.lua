-- array tables: sieve of Eratosthenes, repeated
local count
for _ = 1, 12 do
  local n = 1000000
  local composite = {}
  for i = 1, n do composite[i] = false end
  count = 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do composite[j] = true end
    end
  end
end
print(count)

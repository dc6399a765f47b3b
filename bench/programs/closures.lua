-- closures: creating and calling counters and adders
local function make_counter()
  local n = 0
  return function(k) n = n + k; return n end
end
local sum = 0
for i = 1, 200000 do
  local c = make_counter()
  for j = 1, 10 do sum = sum + c(j) end
end
local function compose(f, g) return function(x) return f(g(x)) end end
local inc = function(x) return x + 1 end
local h = compose(inc, compose(inc, inc))
for i = 1, 2000000 do sum = sum + h(i) % 3 end
print(sum)

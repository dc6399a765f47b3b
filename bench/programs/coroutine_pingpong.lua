-- coroutines: 2 million resume/yield pairs
local co = coroutine.wrap(function()
  local n = 0
  while true do n = n + coroutine.yield(n) end
end)
co(0)
local last
for i = 1, 2000000 do last = co(1) end
print(last)

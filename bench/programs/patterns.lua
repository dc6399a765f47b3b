-- pattern matching: gsub, gmatch and find on log lines
local lines = {}
for i = 1, 5000 do
  lines[i] = string.format("2026-12-03T10:%02d:%02d level=%s msg=\"request %d done\" dur=%dms", i % 60, i % 60,
    i % 3 == 0 and "warn" or "info", i, i % 250)
end
local warns, total = 0, 0
for round = 1, 10 do
  for _, l in ipairs(lines) do
    if l:find("level=warn", 1, true) then warns = warns + 1 end
    local d = l:match("dur=(%d+)ms")
    total = total + tonumber(d)
    local n = 0
    for k, v in l:gmatch("(%w+)=(%S+)") do n = n + #k end
    total = total + n
    local masked = l:gsub("%d", "#")
    total = total + #masked
  end
end
print(warns, total)

-- json: encode and decode a ~1 MB document (assay: the json builtin; lua5.4: bench/lib/purejson.lua)
local json = json
if json == nil then
  local dir = arg[0]:match("^(.-)[^/]*$")
  package.path = dir .. "../lib/?.lua;" .. package.path
  local pure = require("purejson")
  json = { encode = pure.encode, parse = pure.decode }
end
local items = {}
for i = 1, 7200 do
  items[i] = { id = i, name = "service-" .. i, healthy = i % 3 ~= 0, latency = i * 0.25 + 0.1,
    tags = { "prod", "eu-" .. (i % 4), "tier" .. (i % 3) }, owner = { team = "team" .. (i % 17), oncall = "u" .. i } }
end
local doc = { version = 3, items = items }
local total = 0
for round = 1, 5 do
  local text = json.encode(doc)
  local back = json.parse(text)
  total = total + #text + #back.items
end
print(total)

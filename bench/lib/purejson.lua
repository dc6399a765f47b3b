-- A small pure-Lua JSON encoder/decoder, used by bench/programs/json.lua when running under
-- lua5.4 (which has no json builtin), so both sides do the same work.
local M = {}

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
end

local encode
local function encode_table(t, out)
  if #t > 0 or next(t) == nil then
    out[#out + 1] = "["
    for i = 1, #t do
      if i > 1 then out[#out + 1] = "," end
      encode(t[i], out)
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = encode_string(k)
      out[#out + 1] = ":"
      encode(t[k], out)
    end
    out[#out + 1] = "}"
  end
end

function encode(v, out)
  local ty = type(v)
  if ty == "table" then encode_table(v, out)
  elseif ty == "string" then out[#out + 1] = encode_string(v)
  elseif ty == "number" then out[#out + 1] = math.type(v) == "integer" and tostring(v) or string.format("%.14g", v)
  elseif ty == "boolean" then out[#out + 1] = tostring(v)
  else out[#out + 1] = "null" end
end

function M.encode(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

local decode_value
local function skip(s, i) return s:find("[^ \t\r\n]", i) or #s + 1 end

local function decode_string(s, i)
  local j, parts = i + 1, {}
  while true do
    local k = s:find('["\\]', j)
    parts[#parts + 1] = s:sub(j, k - 1)
    if s:sub(k, k) == '"' then return table.concat(parts), k + 1 end
    local e = s:sub(k + 1, k + 1)
    local map = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }
    if e == "u" then parts[#parts + 1] = utf8.char(tonumber(s:sub(k + 2, k + 5), 16)); j = k + 6
    else parts[#parts + 1] = map[e] or e; j = k + 2 end
  end
end

function decode_value(s, i)
  i = skip(s, i)
  local c = s:sub(i, i)
  if c == "{" then
    local t = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "}" then return t, i + 1 end
    while true do
      local k; k, i = decode_string(s, skip(s, i))
      i = skip(s, i) + 1
      t[k], i = decode_value(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      i = i + 1
      if d == "}" then return t, i end
    end
  elseif c == "[" then
    local t = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "]" then return t, i + 1 end
    while true do
      t[#t + 1], i = decode_value(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      i = i + 1
      if d == "]" then return t, i end
    end
  elseif c == '"' then return decode_string(s, i)
  elseif s:sub(i, i + 3) == "true" then return true, i + 4
  elseif s:sub(i, i + 4) == "false" then return false, i + 5
  elseif s:sub(i, i + 3) == "null" then return nil, i + 4
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    return math.tointeger(tonumber(num)) or tonumber(num), i + #num
  end
end

function M.decode(s)
  return (decode_value(s, 1))
end

return M

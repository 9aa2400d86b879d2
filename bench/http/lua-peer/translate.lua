-- The Lua peer of bench/http/suite.sh: what a Kong or APISIX user would write to translate
-- identifiers in nginx with lua-nginx-module and lua-cjson. It reads the suite's own map
-- (bench/http/suite-maps/suite.yaml, turned into JSON by suite.sh, since there is no YAML
-- parser here), so it uses the same table and the same rules as the gateway's translating
-- route: its prefix, path templates, query parameters and request and response body paths
-- ($.a.b and $.a[*].b, all that route uses). M.handle, run by content_by_lua, does one whole
-- exchange: the request body decoded with cjson, translated and re-encoded, sent upstream by
-- a subrequest (Kong's buffered proxying works the same way: the whole answer is in hand
-- before the status goes out, so an untranslatable answer can still be refused), then the
-- answer decoded, translated and encoded the same way.
local cjson = require "cjson.safe"

local M = {}

-- A value as the table keys it: codes are numbers in JSON bodies but text in paths and
-- queries, so both look up the same key.
local function key_text(value)
  local kind = type(value)
  if kind == "number" then return string.format("%.14g", value) end
  if kind == "string" then return value end
  return nil
end

-- "$.items[*].gameCode" -> {"items", "*", "gameCode"}
local function steps_of(path)
  local steps, rest = {}, path:sub(2)
  while #rest > 0 do
    local name, after = rest:match("^%.([^.%[]+)()")
    if name then
      steps[#steps + 1] = name
    else
      after = rest:match("^%[%*%]()")
      if not after then error("unsupported path " .. path) end
      steps[#steps + 1] = "*"
    end
    rest = rest:sub(after)
  end
  return steps
end

-- concept.key from one context to another: {key text = value in the other context}
local function lookup_of(concepts, rule, from, to)
  local concept, key = rule:match("^([^.]+)%.(.+)$")
  local entries = assert(concepts[concept], "no concept " .. concept).entries
  local lookup = {}
  for _, entry in ipairs(entries) do
    lookup[key_text(entry[from][key])] = entry[to][key]
  end
  return lookup
end

local function rules_of(body, concepts, from, to)
  local rules = {}
  for path, rule in pairs(body or {}) do
    rules[#rules + 1] = {path = path, steps = steps_of(path), lookup = lookup_of(concepts, rule, from, to)}
  end
  return rules
end

-- A path template as a Lua pattern with one capture per {concept.key}, and its literal parts
-- to put the translated captures back between.
local function template_of(template, concepts, from, to)
  local lookups, literals, pattern, last = {}, {}, "^", 1
  for start, rule, finish in template:gmatch("(){([^}]+)}()") do
    local literal = template:sub(last, start - 1)
    literals[#literals + 1] = literal
    pattern = pattern .. literal:gsub("%p", "%%%0") .. "([^/]+)"
    lookups[#lookups + 1] = lookup_of(concepts, rule, from, to)
    last = finish
  end
  literals[#literals + 1] = template:sub(last)
  return {pattern = pattern .. template:sub(last):gsub("%p", "%%%0") .. "$", lookups = lookups, literals = literals}
end

-- Loads the route `route_id` of the map (JSON) at `file`; called once, in init_by_lua.
function M.load(file, route_id)
  local f = assert(io.open(file, "rb"))
  local map = assert(cjson.decode(f:read("*a")))
  f:close()
  local route
  for _, r in ipairs(map.routes) do if r.id == route_id then route = r end end
  assert(route, "no route " .. route_id)
  local request, response = route.request or {}, route.response or {}
  M.strip = route["strip-prefix"] or 0
  M.request_rules = rules_of(request.body, map.concepts, route.from, route.to)
  M.response_rules = rules_of(response.body, map.concepts, route.to, route.from)
  M.templates = {}
  for _, t in ipairs(request["path-templates"] or {}) do
    M.templates[#M.templates + 1] = template_of(t, map.concepts, route.from, route.to)
  end
  M.query = {}
  for name, rule in pairs(request.query or {}) do
    M.query[name] = lookup_of(map.concepts, rule, route.from, route.to)
  end
end

-- Replaces, in place, every value the steps reach from step i; returns the first value it
-- could not translate (nil when all were).
local function apply(node, steps, i, lookup)
  if type(node) ~= "table" then return nil end
  local step, last = steps[i], i == #steps
  if step == "*" then
    for k, v in ipairs(node) do
      if last then
        local t = lookup[key_text(v)]
        if t == nil then return v end
        node[k] = t
      else
        local bad = apply(v, steps, i + 1, lookup)
        if bad ~= nil then return bad end
      end
    end
    return nil
  end
  local v = node[step]
  if v == nil then return nil end
  if last then
    local t = lookup[key_text(v)]
    if t == nil then return v end
    node[step] = t
    return nil
  end
  return apply(v, steps, i + 1, lookup)
end

-- The body translated, or nil and why not.
local function translate_body(text, rules)
  local doc, err = cjson.decode(text)
  if doc == nil then return nil, "not JSON: " .. err end
  for _, rule in ipairs(rules) do
    local bad = apply(doc, rule.steps, 1, rule.lookup)
    if bad ~= nil then return nil, "untranslatable " .. tostring(bad) .. " at " .. rule.path end
  end
  return cjson.encode(doc)
end

-- The path with the route's prefix stripped and its template's identifiers translated, or
-- nil and why not.
local function translate_path(uri)
  for _ = 1, M.strip do uri = uri:gsub("^/[^/]*", "", 1) end
  for _, t in ipairs(M.templates) do
    local captures = {uri:match(t.pattern)}
    if #captures > 0 then
      local out = {t.literals[1]}
      for i, segment in ipairs(captures) do
        local v = t.lookups[i][segment]
        if v == nil then return nil, "untranslatable " .. segment .. " in the path" end
        out[#out + 1] = key_text(v)
        out[#out + 1] = t.literals[i + 1]
      end
      return table.concat(out)
    end
  end
  return uri
end

local function problem(status, title, detail)
  ngx.status = status
  ngx.header["Content-Type"] = "application/problem+json"
  ngx.say(cjson.encode({title = title, status = status, detail = detail}))
  return ngx.exit(status)
end

-- content_by_lua: the whole exchange of one request; upstream_location is the internal
-- location that proxies to the upstream.
function M.handle(upstream_location)
  local path, err = translate_path(ngx.var.uri)
  if not path then return problem(422, "Unknown identifier in the request", err) end
  local args = ngx.req.get_uri_args()
  for name, lookup in pairs(M.query) do
    local v = args[name]
    if v ~= nil then
      local t = lookup[key_text(v)]
      if t == nil then return problem(422, "Unknown identifier in the request", "query " .. name .. "=" .. tostring(v)) end
      args[name] = key_text(t)
    end
  end
  ngx.req.read_body()
  local body = ngx.req.get_body_data()
  if body and #M.request_rules > 0 then
    body, err = translate_body(body, M.request_rules)
    if not body then return problem(422, "Untranslatable request body", err) end
  end
  local res = ngx.location.capture(upstream_location .. path,
    {method = ngx["HTTP_" .. ngx.req.get_method()], body = body, args = args})
  if res.truncated then return problem(502, "Answer cut short", "the upstream's answer was truncated") end
  local answer = res.body
  if res.status == 200 and #M.response_rules > 0 then
    answer, err = translate_body(answer, M.response_rules)
    if not answer then return problem(502, "Untranslatable answer", err) end
  end
  ngx.status = res.status
  ngx.header["Content-Type"] = res.header["Content-Type"]
  ngx.print(answer)
end

return M

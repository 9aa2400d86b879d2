-- wrk script: POST /events with a new order.placed each time (a new id, so none is a duplicate).
-- Each wrk thread numbers its own events; the thread id keeps them apart.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local id = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  local body = '{"specversion":"1.0","id":"' .. id .. '","source":"/bench","type":"order.placed",' ..
    '"datacontenttype":"application/json","data":{"items":[{"sku":"GX-1001","quantity":1},{"sku":"GX-1002","quantity":2}],"amount":10000}}'
  return wrk.format("POST", "/events", {["Content-Type"] = "application/cloudevents+json", ["X-Api-Key"] = "bench-key"}, body)
end

function response(status, headers, body)
  if status ~= 202 and not reported then
    reported = true
    io.stderr:write("unexpected answer " .. status .. ": " .. body .. "\n")
  end
end

-- wrk script of bench/events/load.sh: POSTs LIMIT new events to /events in all (each thread
-- its share), then stops. Environment:
--   RUN       a prefix that makes this run's ids unique (ids: RUN-<thread>-<n>)
--   LIMIT     how many answers in all before the threads stop sending; wrk itself then waits
--             for -d or SIGINT, so load.sh sends SIGINT once the gateway has accepted them
--   THREADS   wrk's -t, so each thread stops after its share of LIMIT
--   TYPE      order.amended (no saga) or order.placed (starts a saga)
--   DEADLINE  optional: the events' deadline attribute, RFC 3339
--   KEY       the publisher's API key (default bench-key)
--   PACE_MS   optional: each connection waits this long before each request (wrk's delay()), so
--             that CONNECTIONS / PACE_MS * 1000 events a second are offered, not as many as the gateway takes
-- Each event carries the time it was sent, in µs since the epoch, as data.sentAt (and as its
-- `time`), so the inboxes can tell how long it took to arrive. wrk's Lua is LuaJIT, whose ffi
-- reaches gettimeofday: os.time() only has seconds.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } dragoman_timeval;
  int gettimeofday(dragoman_timeval *tv, void *tz);
]]
local tv = ffi.new("dragoman_timeval")

local run = os.getenv("RUN") or tostring(os.time())
local limit = tonumber(os.getenv("LIMIT") or "10000")
local event_type = os.getenv("TYPE") or "order.amended"
local deadline = os.getenv("DEADLINE")
if deadline == "" then deadline = nil end
local key = os.getenv("KEY") or "bench-key"
local pace = tonumber(os.getenv("PACE_MS") or "")
local share = math.ceil(limit / tonumber(os.getenv("THREADS") or "1"))
local threads = {}
local counter, answers = 0, 0   -- thread_id is a global each thread gets from setup

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function request()
  counter = counter + 1
  ffi.C.gettimeofday(tv, nil)
  local sec, usec = tonumber(tv.tv_sec), tonumber(tv.tv_usec)
  local body = '{"specversion":"1.0","id":"' .. run .. '-' .. thread_id .. '-' .. counter .. '","source":"/bench-load",' ..
    '"type":"' .. event_type .. '","time":"' .. os.date("!%Y-%m-%dT%H:%M:%S", sec) .. string.format(".%06dZ", usec) .. '",' ..
    (deadline and ('"deadline":"' .. deadline .. '",') or '') ..
    '"datacontenttype":"application/json","data":{"sentAt":' .. string.format("%d%06d", sec, usec) ..
    ',"items":[{"sku":"GX-1001","quantity":1},{"sku":"GX-1002","quantity":2}],"amount":10000}}'
  return wrk.format("POST", "/events", {["Content-Type"] = "application/cloudevents+json", ["X-Api-Key"] = key}, body)
end

if pace then
  function delay()
    return pace
  end
end

function response(status, headers, body)
  answers = answers + 1
  if status ~= 202 and not reported then
    reported = true
    io.stderr:write("unexpected answer " .. status .. ": " .. body .. "\n")
  end
  if answers >= share then
    wrk.thread:stop()
  end
end

-- wrk script of bench/http/suite.sh: POSTs the JSON file named by $BODY with the suite's API key.
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "bench-key"
-- bench/http/tracing.sh: a caller's W3C traceparent on every request, when TRACEPARENT is set.
local traceparent = os.getenv("TRACEPARENT")
if traceparent and traceparent ~= "" then
  wrk.headers["traceparent"] = traceparent
end

-- wrk script: the baseline, the same body POSTed through a plain proxied route (no store).
function request()
  local body = '{"specversion":"1.0","id":"x","source":"/bench","type":"order.placed",' ..
    '"datacontenttype":"application/json","data":{"items":[{"sku":"GX-1001","quantity":1},{"sku":"GX-1002","quantity":2}],"amount":10000}}'
  return wrk.format("POST", "/plain/events", {["Content-Type"] = "application/json", ["X-Api-Key"] = "bench-key"}, body)
end

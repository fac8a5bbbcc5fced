package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/wrk/?.lua"
require("common")
math.randomseed(os.time())
request = function()
  local k = math.random(1, 1000)
  return get("/api/v1/conversations?client_id=" .. id("10000000", client_of(k))
    .. "&contact_id=" .. id("30000000", k) .. "&limit=20")
end

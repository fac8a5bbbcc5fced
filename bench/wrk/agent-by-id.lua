package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/wrk/?.lua"
require("common")
math.randomseed(os.time())
request = function()
  local a = math.random(1, 2000)
  return get("/api/v1/agents/" .. id("20000000", a) .. "?client_id=" .. id("10000000", client_of(a)))
end

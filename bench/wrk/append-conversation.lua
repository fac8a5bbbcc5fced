package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/wrk/?.lua"
require("common")
math.randomseed(os.time())
local message = string.rep("m", 200)
local answer = string.rep("r", 200)
request = function()
  local k = math.random(1001, 100000)
  local c = client_of(k)
  local a = c + 100 * math.random(0, 19)
  local body = string.format(
    '{"client_id":"%s","agent_id":"%s","contact_id":"%s","message":"%s","response":"%s","meta":{"tokens":42}}',
    id("10000000", c), id("20000000", a), id("30000000", k), message, answer)
  return post("/api/v1/conversations", body)
end

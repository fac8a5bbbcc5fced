package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/wrk/?.lua"
require("common")
math.randomseed(os.time())
local sequence = 0
request = function()
  sequence = sequence + 1
  local c = math.random(1, 100)
  local body = string.format(
    '{"client_id":"%s","name":"wrk-%d-%d-%d","type":"llm","model":"bench-model","api_key":"sk-bench-0000-1111-2222-3333","instruction":"Answer briefly."}',
    id("10000000", c), os.time(), math.random(1, 1000000000), sequence)
  return post("/api/v1/agents", body)
end

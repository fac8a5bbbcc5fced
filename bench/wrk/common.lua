-- Shared helpers for the wrk scenarios. EVO_TOKEN contains an admin bearer token, and ids follow BenchIds.
token = os.getenv("EVO_TOKEN")
if token == nil or token == "" then
  error("set EVO_TOKEN to an admin access token")
end

function id(prefix, n)
  return string.format("%s-0000-4000-8000-%012x", prefix, n)
end

function client_of(n)
  return (n - 1) % 100 + 1
end

function get(path)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function post(path, body)
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

-- Prints the first error response, so a run full of errors cannot pass for a fast one unnoticed. wrk itself
-- counts them in its "Non-2xx or 3xx responses" line.
function response(status, headers, body)
  if status >= 400 and not printed then
    printed = true
    io.stderr:write("first error response " .. status .. ": " .. body .. "\n")
  end
end

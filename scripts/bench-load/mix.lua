-- wrk script for `npm run bench:load`: API calls with a bearer token, one route or a mix.
-- Configured by environment: BENCH_TOKEN, BENCH_PROVIDER, BENCH_INSTALLATION, BENCH_METRIC, BENCH_RUN, BENCH_MIX:
-- "mix" (4 list, 2 search, 2 report, 2 ingest in every 10 requests), or one route alone: "health" (the floor:
-- Next.js answering with no work), "me", "list" (the ARGO provider list, page 5 of 20), "search", "report",
-- "series" (the 12-month chart), "ingest" (one usage record). BENCH_EPOCH: first period start of ingest (Unix s).
local token = os.getenv("BENCH_TOKEN")
local provider = os.getenv("BENCH_PROVIDER")
local installation = os.getenv("BENCH_INSTALLATION")
local metric = os.getenv("BENCH_METRIC")
local run = os.getenv("BENCH_RUN")
local mode = os.getenv("BENCH_MIX") or "mix"

local auth = { ["Authorization"] = "Bearer " .. token }
local json = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local searchBody = '{"type":"filter","operator":"AND","criteria":[{"type":"query","field":"name","operand":"like","values":"%Bench%"},{"type":"query","field":"abbreviation","operand":"neq","values":"X"}]}'
local cycle = { "list", "search", "list", "report", "ingest", "list", "search", "report", "list", "ingest" }

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local n = 0
-- BENCH_EPOCH moves every run's records a few seconds apart, so no run repeats an earlier one's natural keys.
local base = tonumber(os.getenv("BENCH_EPOCH") or "1735689600") -- 2025-01-01T00:00:00Z

function request()
  n = n + 1
  local kind = mode == "mix" and cycle[(n % #cycle) + 1] or mode
  if kind == "health" then
    return wrk.format("GET", "/api/health")
  elseif kind == "me" then
    return wrk.format("GET", "/api/me", auth)
  elseif kind == "list" then
    return wrk.format("GET", "/accounting-system/providers?page=5&size=10", auth)
  elseif kind == "search" then
    return wrk.format("POST", "/accounting-system/providers/search?page=1&size=10", json, searchBody)
  elseif kind == "report" then
    return wrk.format("GET", "/accounting-system/providers/" .. provider .. "/report?start=2025-01-01&end=2025-12-31", auth)
  elseif kind == "series" then
    return wrk.format("GET", "/accounting-system/providers/" .. provider .. "/usage-series?start=2025-01-01&end=2025-12-31&group=month", auth)
  else
    local t = base + (tid * 10000000) + n * 60
    local body = string.format('{"metric_definition_id":"%s","time_period_start":"%s","time_period_end":"%s","value":1,"user_id":"bench","record_id":"%s-%s-%d-%d"}',
      metric, os.date("!%Y-%m-%dT%H:%M:%SZ", t), os.date("!%Y-%m-%dT%H:%M:%SZ", t + 60), run, mode, tid, n)
    return wrk.format("POST", "/accounting-system/installations/" .. installation .. "/metrics", json, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end

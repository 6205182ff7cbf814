-- wrk script for `npm run bench:load`: a mix of list, search, report and ingest calls with a bearer token.
-- Configured by environment: BENCH_TOKEN, BENCH_PROVIDER, BENCH_INSTALLATION, BENCH_METRIC, BENCH_RUN, BENCH_MIX
-- ("mix": 4 list, 2 search, 2 report, 2 ingest in every 10 requests; "list": the provider list page only).
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
local base = 1735689600 -- 2025-01-01T00:00:00Z

function request()
  n = n + 1
  local kind = mode == "list" and "list" or cycle[(n % #cycle) + 1]
  if kind == "list" then
    return wrk.format("GET", "/accounting-system/providers?page=" .. ((n % 20) + 1) .. "&size=10", auth)
  elseif kind == "search" then
    return wrk.format("POST", "/accounting-system/providers/search?page=1&size=10", json, searchBody)
  elseif kind == "report" then
    return wrk.format("GET", "/accounting-system/providers/" .. provider .. "/report?start=2025-01-01&end=2025-12-31", auth)
  else
    local t = base + (tid * 10000000) + n * 60
    local body = string.format('{"metric_definition_id":"%s","time_period_start":"%s","time_period_end":"%s","value":1,"user_id":"bench","record_id":"%s-%d-%d"}',
      metric, os.date("!%Y-%m-%dT%H:%M:%SZ", t), os.date("!%Y-%m-%dT%H:%M:%SZ", t + 60), run, tid, n)
    return wrk.format("POST", "/accounting-system/installations/" .. installation .. "/metrics", json, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end

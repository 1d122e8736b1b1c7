-- wrk script for the settlement benchmark (结算压测): every request a new requestId in front of one
-- of the visits that bench/service-bench.mjs wrote (one JSON object per line, from
-- bench/demo-visits.mjs, so both load generators send the same visits). At the end it prints one
-- line of JSON: requests by HTTP status, latency percentiles in ms, and the run's seconds.
--
--   wrk -t2 -c128 -d15s -s bench/wrk-settle.lua http://127.0.0.1:PORT -- VISITS_FILE RUN_TAG

local threads = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local visits = {}
local tag = "wrk"
local sent = 0
statuses = {}

function init(args)
  for line in io.lines(args[1]) do
    -- drop the opening brace: the requestId goes in its place
    visits[#visits + 1] = string.sub(line, 2)
  end
  tag = args[2] or tag
end

local headers = { ["content-type"] = "application/json" }
-- each thread runs its own copy of this script and cannot see how many there are: the bench says
local thread_count = tonumber(os.getenv("WRK_THREADS") or "1")

function request()
  sent = sent + 1
  -- the threads walk the visits interleaved, so together they cover every person as one walker would
  local n = (sent - 1) * thread_count + thread_no
  local body = '{"requestId":"' .. tag .. "-" .. thread_no .. "-" .. sent .. '",' .. visits[n % #visits + 1]
  return wrk.format("POST", "/api/v1/settlements", headers, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    parts[#parts + 1] = string.format('"%d":%d', status, n)
  end
  io.write(string.format(
    '{"seconds":%.3f,"statuses":{%s},"p50":%.2f,"p95":%.2f,"p99":%.2f,"errors":%d}\n',
    summary.duration / 1e6,
    table.concat(parts, ","),
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  ))
end

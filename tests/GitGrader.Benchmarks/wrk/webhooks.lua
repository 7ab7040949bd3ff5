-- wrk script for `--webhooks`: POSTs pre-signed push deliveries to /webhooks/github at a fixed
-- overall rate, each with its own X-GitHub-Delivery, and prints the latency distribution.
-- Usage: wrk -t2 -c16 -d30s -s webhooks.lua URL -- DELIVERIES_FILE RATE CONNECTIONS THREADS [DELIVERY_ID_PREFIX]
-- DELIVERIES_FILE: one delivery per line, "<X-Hub-Signature-256>\t<minified JSON body>".

local deliveries = {}
local next_index = 1
-- thread_id is a global set per thread by setup() (a local here would shadow it).
thread_id = 0
local counter = 0
local pause_ms = 0
local prefix = "wrk"
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  for line in file:lines() do
    local tab = line:find("\t", 1, true)
    table.insert(deliveries, { signature = line:sub(1, tab - 1), body = line:sub(tab + 1) })
  end
  file:close()
  -- Each connection waits connections/rate seconds between requests, so all together send `rate` per second.
  local rate = tonumber(args[2])
  local connections = tonumber(args[3])
  pause_ms = math.floor(1000 * connections / rate)
  -- Each thread sends its own share of the deliveries, so every request is a new commit.
  local threads = tonumber(args[4])
  -- Runs against one server (a warm-up, then the measured run) need their own delivery ids, or they are duplicates.
  prefix = args[5] or "wrk"
  next_index = 1 + thread_id * math.floor(#deliveries / threads)
end

function delay()
  return pause_ms
end

function request()
  local delivery = deliveries[next_index]
  next_index = next_index % #deliveries + 1
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["User-Agent"] = "GitHub-Hookshot/wrk",
    ["X-GitHub-Event"] = "push",
    ["X-GitHub-Delivery"] = string.format("%s-%d-%d", prefix, thread_id, counter),
    ["X-Hub-Signature-256"] = delivery.signature,
  }
  return wrk.format("POST", "/webhooks/github", headers, delivery.body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_s %.3f\n", summary.duration / 1e6))
  io.write(string.format("errors connect %d read %d write %d status %d timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency_p%s_ms %.3f\n", tostring(p), latency:percentile(p) / 1000))
  end
  io.write(string.format("latency_max_ms %.3f\n", latency.max / 1000))
  io.write(string.format("latency_mean_ms %.3f\n", latency.mean / 1000))
end

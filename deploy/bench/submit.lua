-- wrk script: every request is a new JSON response to the demo poll with a submission id of its
-- own, and the replies are counted so the bench can check rows == 201 replies.
threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  others = 0
  counter = 0
  -- Unique across threads and across runs against the same database.
  prefix = string.format("bench-%d-%d-%d", os.time(), tid, math.random(1, 1000000000))
end

local body_format = '{"submission_id":"%s-%d","channel":"bench","lang":"nl",'
  .. '"answers":{"tevreden":4,"meer":["bomen","bankjes"],"helpen":"ja","idee":"Meer bomen bij de school"}}'
local headers = { ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/polls/demo/responses", headers,
    string.format(body_format, prefix, counter))
end

function response(status, hdrs, body)
  if status == 201 then
    created = created + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("others")
  end
  io.write(string.format("BENCH created=%d\n", c))
  io.write(string.format("BENCH other=%d\n", o))
  io.write(string.format("BENCH rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("BENCH p99_ms=%.2f\n", latency:percentile(99) / 1000))
end

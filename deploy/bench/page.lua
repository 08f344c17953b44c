-- wrk script for GET /p/demo: prints the figures in the same form as submit.lua.
function done(summary, latency, requests)
  io.write(string.format("BENCH non2xx=%d\n", summary.errors.status))
  io.write(string.format("BENCH rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("BENCH p99_ms=%.2f\n", latency:percentile(99) / 1000))
end

-- wrk script: the resident flow, as a new respondent each time. GET the poll page, read the form
-- it holds (whatever poll, whatever hidden fields and cookies the page sets), answer it, and POST
-- it back; a flow counts when the POST answers 303 (to the thank-you page).
--
-- It reads the form instead of knowing it, so it keeps working as the page changes: every hidden
-- input is sent back as it came, the first option of every radio group and checkbox group is
-- chosen, text areas and text inputs get a short answer, and the cookies the page set go with
-- the POST (the participation cookie a 303 sets is never sent back: each flow is a new person).
--
-- wrk runs one Lua state per thread for all of that thread's connections, so a page's form is
-- queued and the next request of any connection of the thread sends it: pages and posts stay
-- paired (token with its own cookie), whichever connection carries them. Replies are told apart
-- by status, since they come back in any order across connections: 200 is a page (a POST never
-- answers 200), 303 a flow, anything else a refusal. wrk keeps one value per header name, so a
-- page should set the cookies the form needs in one Set-Cookie header or the last one.
--
-- Usage: wrk -t2 -c64 -d15s --latency -s deploy/bench/flow.lua http://127.0.0.1:8080/p/demo

threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("tid", next_thread)
  table.insert(threads, thread)
end

function init(args)
  flows = 0       -- POSTs answered 303
  pages = 0       -- GETs answered 200 with a form
  refused = 0     -- POSTs answered anything else
  broken = 0      -- GETs without a form
  queue = {}
  head, tail = 1, 0
  path = wrk.path
end

local function decode(s)
  return (s:gsub("&quot;", '"'):gsub("&#39;", "'"):gsub("&#x27;", "'"):gsub("&lt;", "<")
    :gsub("&gt;", ">"):gsub("&amp;", "&"))
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function attr(tag, name)
  local v = tag:match("%s" .. name .. '="([^"]*)"') or tag:match("%s" .. name .. "='([^']*)'")
  return v and decode(v) or nil
end

-- The fields of the poll's form: the first <form method="post"> of the page.
local function read_form(body)
  for form_tag, inner in body:gmatch("(<form[^>]*>)(.-)</form>") do
    local method = (attr(form_tag, "method") or "get"):lower()
    if method == "post" then
      local action = attr(form_tag, "action") or path
      local fields, chosen = {}, {}
      for tag in inner:gmatch("<input[^>]*>") do
        local kind = (attr(tag, "type") or "text"):lower()
        local name = attr(tag, "name")
        if name then
          if kind == "hidden" then
            table.insert(fields, encode(name) .. "=" .. encode(attr(tag, "value") or ""))
          elseif kind == "radio" or kind == "checkbox" then
            if not chosen[name] then
              chosen[name] = true
              table.insert(fields, encode(name) .. "=" .. encode(attr(tag, "value") or "on"))
            end
          elseif kind == "text" or kind == "number" then
            table.insert(fields, encode(name) .. "=" .. encode("3"))
          end
        end
      end
      for tag in inner:gmatch("<textarea[^>]*>") do
        local name = attr(tag, "name")
        if name then
          table.insert(fields, encode(name) .. "=" .. encode("Meer bomen bij de school"))
        end
      end
      for tag, options in inner:gmatch("(<select[^>]*>)(.-)</select>") do
        local name = attr(tag, "name")
        local first = options:match('<option[^>]*value="([^"]+)"')
        if name and first then
          table.insert(fields, encode(name) .. "=" .. encode(decode(first)))
        end
      end
      return action, table.concat(fields, "&")
    end
  end
  return nil
end

-- "a=1; Path=/; HttpOnly" -> "a=1"; several cookies may come folded into one header by wrk.
local function cookies_of(headers)
  local jar = {}
  for name, value in pairs(headers) do
    if name:lower() == "set-cookie" then
      for cookie in (value .. "\n"):gmatch("([^\n]*)\n") do
        local pair = cookie:match("^%s*([^;]+)")
        if pair and pair ~= "" then
          table.insert(jar, pair)
        end
      end
    end
  end
  return table.concat(jar, "; ")
end

function request()
  if head <= tail then
    local form = queue[head]
    queue[head] = nil
    head = head + 1
    local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
    if form.cookie ~= "" then
      headers["Cookie"] = form.cookie
    end
    return wrk.format("POST", form.action, headers, form.body)
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status == 200 then
    local action, fields = read_form(body)
    if action then
      pages = pages + 1
      tail = tail + 1
      queue[tail] = { action = action, body = fields, cookie = cookies_of(headers) }
    else
      broken = broken + 1
    end
  elseif status == 303 then
    flows = flows + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local f, p, r, b = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    f = f + t:get("flows")
    p = p + t:get("pages")
    r = r + t:get("refused")
    b = b + t:get("broken")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("BENCH flows=%d\n", f))
  io.write(string.format("BENCH pages=%d\n", p))
  io.write(string.format("BENCH refused=%d\n", r))
  io.write(string.format("BENCH broken=%d\n", b))
  io.write(string.format("BENCH flows_per_s=%.1f\n", f / seconds))
  io.write(string.format("BENCH rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("BENCH p99_ms=%.2f\n", latency:percentile(99) / 1000))
end

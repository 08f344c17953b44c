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
-- The first page is read in full. Later pages of the same form (same <form> tag, same hidden
-- fields) are only searched for their hidden fields' new values; a page that differs is read in
-- full again. Reading every page in full cost more CPU in wrk than the server spent answering.
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

-- The shape of the poll's form, the first <form method="post"> of the page: its tag, its action,
-- the answers chosen (the same on every page of the poll) and the names of its hidden fields, with
-- this page's values of those (the one-time token changes with every page).
local function read_form(body)
  for form_tag, inner in body:gmatch("(<form[^>]*>)(.-)</form>") do
    local method = (attr(form_tag, "method") or "get"):lower()
    if method == "post" then
      local shape = { tag = form_tag, action = attr(form_tag, "action") or path, hidden = {} }
      local fields, chosen, values = {}, {}, {}
      for tag in inner:gmatch("<input[^>]*>") do
        local kind = (attr(tag, "type") or "text"):lower()
        local name = attr(tag, "name")
        if name then
          if kind == "hidden" then
            table.insert(shape.hidden, name)
            table.insert(values, attr(tag, "value") or "")
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
      shape.answers = table.concat(fields, "&")
      return shape, values
    end
  end
  return nil
end

-- This page's values of the hidden fields of a form of the same shape as the last one read in
-- full, by plain search (no pattern matching: a full read of every page would make wrk, on the
-- same cores as the server, the bottleneck of the run); nil when the page differs in any way the
-- search can see, and then the page is read in full.
local function hidden_values(body, shape)
  if not body:find(shape.tag, 1, true) then
    return nil
  end
  local values = {}
  for i, name in ipairs(shape.hidden) do
    local _, at = body:find('name="' .. name .. '" value="', 1, true)
    if not at then
      return nil
    end
    local close = body:find('"', at + 1, true)
    if not close then
      return nil
    end
    values[i] = decode(body:sub(at + 1, close - 1))
  end
  return values
end

-- The form's body: the hidden fields as the page gave them, then the answers.
local function form_body(shape, values)
  local fields = {}
  for i, name in ipairs(shape.hidden) do
    fields[i] = encode(name) .. "=" .. encode(values[i])
  end
  if shape.answers ~= "" then
    table.insert(fields, shape.answers)
  end
  return table.concat(fields, "&")
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

local shape = nil

function response(status, headers, body)
  if status == 200 then
    local values = shape and hidden_values(body, shape)
    if not values then
      shape, values = read_form(body)
    end
    if shape then
      pages = pages + 1
      tail = tail + 1
      queue[tail] = { action = shape.action, body = form_body(shape, values), cookie = cookies_of(headers) }
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

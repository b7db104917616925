-- Poll votes (row 6) or quiz attempts (row 9) from distinct readers, for bench/run.py:
--   wrk -t2 -c16 -dD -s bench/vote.lua ANSWER_URL -- VOTE_SECONDS BODY COOKIE ORIGIN
--
-- Every vote is a new reader: it carries the HCP confirmation and the site's Origin but no
-- reader cookie, so the app gives it a new reader id, and the one-answer rule (a hash of
-- that id) sees a reader who has not answered yet.
--
-- Each thread votes for VOTE_SECONDS, then asks for /healthz (answered 200, counted apart)
-- until wrk's duration ends, so every vote sent has its answer before wrk stops: the
-- number of votes answered 2xx/3xx can then be compared exactly with the database.
-- The voting time is measured from the first vote sent to the last vote answered.

local threads = {}

function setup(thread)
  -- wrk calls the first thread's request() once before it starts, to check the request;
  -- that call is not a vote sent.
  thread:set("checked", #threads > 0)
  table.insert(threads, thread)
end

local function now()
  -- Wall-clock time with sub-second precision (Lua's os.time counts whole seconds).
  local clock = io.popen("date +%s.%N")
  local value = tonumber(clock:read("*l"))
  clock:close()
  return value
end

function init(args)
  vote_seconds = tonumber(args[1])
  vote = wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = args[3],
    ["Origin"] = args[4],
  }, args[2])
  idle = wrk.format("GET", "/healthz")
  sent, answered, accepted, refused = 0, 0, 0, 0
  started, finished, stop_at = 0, 0, nil
  voting = true
end

function request()
  if not checked then
    checked = true
    return vote
  end
  if voting then
    if stop_at == nil then
      started = now()
      stop_at = os.time() + vote_seconds
    end
    if os.time() < stop_at then
      sent = sent + 1
      return vote
    end
    voting = false
    if answered == sent then
      finished = now()
    end
  end
  return idle
end

function response(status, headers, body)
  if status == 200 then
    return -- /healthz, after this thread's votes
  end
  answered = answered + 1
  if status >= 200 and status < 400 then
    accepted = accepted + 1
  else
    refused = refused + 1
  end
  if not voting and answered == sent then
    finished = now()
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, answered = 0, accepted = 0, refused = 0 }
  local first, last = nil, 0
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    local started, finished = thread:get("started"), thread:get("finished")
    if started > 0 and (first == nil or started < first) then first = started end
    if finished > last then last = finished end
  end
  local seconds = (first and last > first) and (last - first) or 0
  io.write(string.format(
    "votes sent %d answered %d accepted %d refused %d seconds %.3f\n",
    totals.sent, totals.answered, totals.accepted, totals.refused, seconds
  ))
end

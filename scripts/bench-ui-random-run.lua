-- wrk script for scripts/bench-ui.sh: every request asks for the Run page of a random run
-- (ids 1..RUNS from the environment), so most requests miss the dashboard's reply cache.
math.randomseed(7)
local runs = tonumber(os.getenv("RUNS") or "10000")
request = function()
    return wrk.format("GET", "/runs/" .. math.random(1, runs))
end

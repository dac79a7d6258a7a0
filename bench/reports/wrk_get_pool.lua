-- wrk script: GET a pool of paths (one per line in the file named by PATHS_FILE), in turn, so a
-- run mixes filters. Each thread starts at a different offset.
local paths = {}
local n = 0
local i = 0

function init(args)
  local file = os.getenv("PATHS_FILE")
  for line in io.lines(file) do
    if line ~= "" then
      n = n + 1
      paths[n] = wrk.format("GET", line, {["Accept"] = "application/json"})
    end
  end
  i = math.random(n)
end

function request()
  i = i + 1
  if i > n then i = 1 end
  return paths[i]
end

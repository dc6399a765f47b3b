-- A small assay script: builds a report table, sorts it and prints it.
local services = {
  { name = "api", replicas = 3, ready = 3 },
  { name = "worker", replicas = 5, ready = 4 },
  { name = "cron", replicas = 1, ready = 1 },
}
table.sort(services, function(a, b) return a.name < b.name end)
local healthy = 0
for _, s in ipairs(services) do
  local ok = s.ready == s.replicas
  if ok then healthy = healthy + 1 end
  print(string.format("%-8s %d/%d %s", s.name, s.ready, s.replicas, ok and "ok" or "DEGRADED"))
end
print(("%d of %d services healthy"):format(healthy, #services))

-- template rendering: a Jinja2 report over 200 services, rendered 300 times (assay only: lua5.4 has no template engine)
local services = {}
for i = 1, 200 do services[i] = { name = "svc" .. i, ok = i % 7 ~= 0, replicas = i % 5 + 1 } end
local tpl = [[
{% for s in services %}{{ s.name | upper }}: {% if s.ok %}ok{% else %}DOWN{% endif %} ({{ s.replicas }} replicas)
{% endfor %}{{ services | length }} services]]
local total = 0
for i = 1, 300 do total = total + #template.render_string(tpl, { services = services }) end
print(total)

-- float loops: Mandelbrot set membership count
local N, iters = 800, 60
local inside = 0
for py = 0, N - 1 do
  local ci = py * 2.0 / N - 1.0
  for px = 0, N - 1 do
    local cr = px * 3.0 / N - 2.0
    local zr, zi = 0.0, 0.0
    local k = 0
    while k < iters and zr * zr + zi * zi < 4.0 do
      zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
      k = k + 1
    end
    if k == iters then inside = inside + 1 end
  end
end
print(inside)

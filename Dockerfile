# Builds a Lua script into one executable (assay build) and ships only that file.
#   docker build --build-arg SCRIPT=examples/hello.lua -t my-job .
FROM node:24-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends make binutils && rm -rf /var/lib/apt/lists/*
WORKDIR /assay
COPY . .
ARG SCRIPT=examples/hello.lua
RUN make build && bin/assay build "$SCRIPT" -o /job

# The executable embeds Node 24, the runtime and the script: it needs only glibc.
FROM debian:bookworm-slim
COPY --from=build /job /usr/local/bin/job
ENTRYPOINT ["/usr/local/bin/job"]

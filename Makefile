# Baton's two commands: `make run` (build the SPA, start the reference server with demo data) and
# `make test` (every test). Both install what they need first, idempotently (scripts/setup.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
CARGO ?= cargo
BATON_ADDR ?= 127.0.0.1:8080
BATON_DATABASE_URL ?= sqlite://data/baton.db

.PHONY: lighthouse conformance schemathesis run test setup setup-test dist server test-native test-wasm test-e2e sizes clippy

## make run: build the SPA (release), start baton-server on $(BATON_ADDR) with ./data/baton.db and demo data.
run: dist
	$(CARGO) build --release -p baton-server
	./target/release/baton-server --addr $(BATON_ADDR) --database $(BATON_DATABASE_URL) --dist dist --demo

## make test: core, server, browser (wasm-bindgen-test) and end-to-end tests, conformance and
## schemathesis, on SQLite and on a throw-away PostgreSQL (scripts/test.sh says what runs where).
test: setup-test dist
	scripts/test.sh

## make conformance [BASE_URL=http://host:port]: the API conformance suite (spec/conformance), against
## BASE_URL, or against a fresh reference server when BASE_URL is empty.
conformance:
	scripts/conformance.sh $(BASE_URL)

## make schemathesis [BASE_URL=…]: property-based fuzzing of the served OpenAPI document as a customer, an agent and
## an admin against a fresh reference server (bounded: fixed examples per operation, fixed seed).
schemathesis: setup-test
	scripts/schemathesis.sh $(BASE_URL)

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

## The release bundles' compiler flags: erase_components (below), and source paths relative to the
## crate instead of this machine's cargo registry and checkout (panic locations name files), which
## also keeps the build machine's paths out of what browsers download.
DIST_RUSTFLAGS = --cfg erase_components \
	$(foreach dir,$(wildcard $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src/*),--remap-path-prefix=$(dir)/=) \
	--remap-path-prefix=$(CURDIR)/=

## make dist: the release SPA in dist/ (wasm-opt -Oz), with .br/.gz beside each asset: the help
## center (index.html), then the agent workspace (agent.html) in dist/ws/ (the first build empties dist/).
## erase_components: Leptos type-erases every component's view (AnyView), which cut the help center's
## wasm by 35 KB brotli (BENCHMARKS.md); only the release bundles are built with it.
dist: setup
	RUSTFLAGS="$(DIST_RUSTFLAGS) $$RUSTFLAGS" trunk build --release
	RUSTFLAGS="$(DIST_RUSTFLAGS) $$RUSTFLAGS" trunk build agent.html --release --dist dist/ws --public-url /ws/
	RUSTFLAGS="$(DIST_RUSTFLAGS) $$RUSTFLAGS" trunk build admin.html --release --dist dist/adm --public-url /adm/
	node scripts/precompress.mjs dist

## make server: the API and SPA without rebuilding the SPA (for `trunk serve` development).
server:
	$(CARGO) run -p baton-server -- --addr $(BATON_ADDR) --database $(BATON_DATABASE_URL) --dist dist --demo

## make sizes: gzip and brotli sizes of the three release bundles (the numbers in BENCHMARKS.md).
sizes: dist
	@scripts/sizes.sh

## make lighthouse: Lighthouse scores of the release build against a fresh demo server.
lighthouse: dist
	@scripts/lighthouse.sh

clippy:
	$(CARGO) clippy -p baton-core -p baton-server -p baton-e2e --all-targets -- -D warnings
	$(CARGO) clippy -p baton --target wasm32-unknown-unknown --all-targets --features admin -- -D warnings
	$(CARGO) clippy -p baton --target wasm32-unknown-unknown --lib --bin baton-agent --features console -- -D warnings
	$(CARGO) clippy -p baton --target wasm32-unknown-unknown --lib --bin baton -- -D warnings

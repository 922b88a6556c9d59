# Two commands do everything on a fresh Debian machine with Rust, Node and apt:
#   make serve   installs what is missing, builds, serves http://127.0.0.1:8080 with live reload
#   make test    installs what is missing, runs every check and test, ends with one summary line
# Also: make build (release build into dist/), make bench (sizes, Lighthouse, timings).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.PHONY: help serve build test bench tools browser-tools fmt lint unit e2e engines size clean

TRUNK_VERSION := 0.21.14
# Firefox's WebDriver, for the engines' smoke tests.
GECKODRIVER_VERSION := 0.37.1
# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# wasm-opt comes from the npm package in package.json, ahead of any other on the PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
E2E_DIR := tests/e2e
BENCH_DIR := tests/bench
LOG_DIR := target/test-logs

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:8080 (installs what is missing)"
	@echo "make test    run every check and test (installs what is missing)"
	@echo "make build   release build into dist/"
	@echo "make bench   first-load size, Lighthouse mobile scores and timings"

# ---- installation: each step checks first, so a second run installs nothing ----

tools: Cargo.lock
	@if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then \
	  echo "==> Installing the wasm32-unknown-unknown target (under a minute)"; \
	  rustup target add wasm32-unknown-unknown; fi
	@if ! trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)"; then \
	  echo "==> Installing trunk $(TRUNK_VERSION) (about 6 minutes on a first run)"; start=$$SECONDS; \
	  cargo install trunk --locked --version $(TRUNK_VERSION); \
	  echo "    trunk installed in $$((SECONDS - start)) s"; fi
	@if ! wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)"; then \
	  echo "==> Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes on a first run)"; start=$$SECONDS; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	  echo "    wasm-bindgen installed in $$((SECONDS - start)) s"; fi
	@if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules ]; then \
	  echo "==> Installing wasm-opt (npm's binaryen 132, under a minute)"; \
	  npm ci --no-audit --no-fund; touch node_modules; fi

Cargo.lock:
	cargo generate-lockfile

browser-tools:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "==> Installing Debian's chromium and chromium-driver (about 1 minute)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver; fi
	@if ! command -v WebKitWebDriver >/dev/null || ! command -v firefox-esr >/dev/null || ! command -v Xvfb >/dev/null; then \
	  echo "==> Installing Debian's webkit2gtk-driver, firefox-esr and xvfb for the other engines (about 2 minutes)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq webkit2gtk-driver firefox-esr xvfb; fi
	@if ! geckodriver --version 2>/dev/null | grep -q "$(GECKODRIVER_VERSION)"; then \
	  echo "==> Installing geckodriver $(GECKODRIVER_VERSION) from crates.io (about 5 minutes on a first run)"; start=$$SECONDS; \
	  cargo install geckodriver --locked --version $(GECKODRIVER_VERSION); \
	  echo "    geckodriver installed in $$((SECONDS - start)) s"; fi
	@if [ ! -d $(E2E_DIR)/node_modules ] || [ $(E2E_DIR)/package-lock.json -nt $(E2E_DIR)/node_modules ]; then \
	  echo "==> Installing the browser-test packages from $(E2E_DIR)/package-lock.json"; \
	  npm ci --prefix $(E2E_DIR) --no-audit --no-fund; touch $(E2E_DIR)/node_modules; fi

# ---- build and serve ----

build: tools
	trunk build --release

serve: tools
	trunk serve

# ---- tests ----

fmt:
	cargo fmt --all --check

# Natively with the static render (feature ssr), and the browser app for wasm32 (feature csr).
lint: tools
	cargo clippy --all-targets --features ssr -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --features csr --lib --bins -- -D warnings

unit:
	@mkdir -p $(LOG_DIR)
	cargo test --features ssr 2>&1 | tee $(LOG_DIR)/cargo.log

e2e: build browser-tools
	@mkdir -p $(LOG_DIR)
	cd $(E2E_DIR) && npx playwright test 2>&1 | tee ../../$(LOG_DIR)/e2e.log

# Smoke tests in WebKit (WebKitGTK) and Firefox ESR on the release build (tests/e2e/engines/smoke.mjs).
# In `make test` they run on the build the Chromium tests ran on (building only if there is none).
engines: browser-tools
	@ls dist/*.wasm >/dev/null 2>&1 || $(MAKE) --no-print-directory build
	@mkdir -p $(LOG_DIR)
	cd $(E2E_DIR) && node engines/smoke.mjs 2>&1 | tee ../../$(LOG_DIR)/engines.log

# The release wasm against its ceiling (tests/wasm-size-ceiling), brotli as a CDN serves it; in
# `make test` it weighs the build the browser tests ran on (building only if there is none).
size:
	@ls dist/*.wasm >/dev/null 2>&1 || $(MAKE) --no-print-directory build
	@mkdir -p $(LOG_DIR)
	node tests/size.mjs dist 2>&1 | tee $(LOG_DIR)/size.log

# Every step runs even if an earlier one failed, so one run shows everything; the summary line
# counts the native and browser tests, and the target fails if any step did.
test: tools browser-tools
	@start=$$SECONDS; status=0; rm -rf $(LOG_DIR); mkdir -p $(LOG_DIR); \
	for step in fmt lint unit e2e engines size; do \
	  $(MAKE) --no-print-directory $$step || { echo "make $$step FAILED"; status=1; }; done; \
	passed=$$(cat $(LOG_DIR)/*.log 2>/dev/null | grep -oE '[0-9]+ passed' | awk '{s+=$$1} END {print s+0}'); \
	failed=$$(cat $(LOG_DIR)/*.log 2>/dev/null | grep -oE '[0-9]+ failed' | awk '{s+=$$1} END {print s+0}'); \
	echo; echo "checks and tests took $$((SECONDS - start)) s"; \
	echo "summary: $$passed passed, $$failed failed"; \
	exit $$status

bench: build browser-tools
	@if [ ! -d $(BENCH_DIR)/node_modules ] || [ $(BENCH_DIR)/package-lock.json -nt $(BENCH_DIR)/node_modules ]; then \
	  echo "==> Installing the benchmark packages (Lighthouse)"; \
	  npm ci --prefix $(BENCH_DIR) --no-audit --no-fund; touch $(BENCH_DIR)/node_modules; fi
	node $(BENCH_DIR)/bench.mjs

clean:
	cargo clean
	rm -rf dist $(E2E_DIR)/node_modules $(BENCH_DIR)/node_modules

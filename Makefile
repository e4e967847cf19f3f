# Tierboard's two commands:
#   make serve   install what the web app needs (once), then serve it on http://127.0.0.1:8080
#   make test    install everything (once), then run every test and build the release site
# The other targets are the steps `make test` runs, usable alone:
#   lint         cargo fmt --check; clippy -D warnings, native and wasm32 (clippy.toml: one sort)
#   test-native  cargo test: unit, integration and doc tests of the core (no browser)
#   fuzz         examples/fuzz.rs: share links, compose import, generate under time/memory bars
#   test-wasm    browser tests (tests/browser.rs) in headless Chromium via wasm-bindgen-test
#   build        scripts/build-site (trunk build --release, std rebuilt for size) → dist/
#   test-e2e     end-to-end tests (tests/e2e/) against dist/ in Chromium; screenshots in test-results/;
#                then test-e2e-subpath: a build for /tierboard/ (dist-subpath/) served there
#   test-generated  scripts/validate-generated.sh, when present (checks generated projects)
#   test-generated-run  scripts/run-generated-tests.sh: the generated unit tests, stubs and proxy, run for real
#   test-reports    scripts/validate-reports.py: check --format sarif|junit on the corpus and patterns
#                   against the SARIF 2.1.0 schema; scripts/validate-schema.py: the design-file schema;
#                   scripts/test-pre-commit.sh: the pre-commit hook through pre-commit (PyPI)
#   size         raw, gzip and brotli bytes of dist/: initial download vs on demand (the worker);
#                fails when the initial download is over its gzip budget (part of test, after build)
# Installs are done by scripts/setup.sh, which skips whatever is already there.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# npm's binaryen (wasm-opt 132) must shadow any system wasm-opt; cargo-installed tools next.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER ?= wasm-bindgen-test-runner
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Playwright must never download a browser: the tests use Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Python with `jsonschema` (PyPI) for the report and schema checks: the validators' venv has it.
VALIDATORS_PY ?= $(shell p="$${VALIDATORS_HOME:-/opt/validators}/venv/bin/python"; [ -x "$$p" ] && echo "$$p" || echo python3)

.PHONY: help serve test setup-web setup-all lint test-native fuzz test-wasm build test-e2e test-e2e-subpath test-generated size

help:
	@sed -n 's/^#   \{0,1\}//p' Makefile | sed -n '1,20p'

serve: setup-web
	trunk serve

test: setup-all
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory fuzz
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory size
	$(MAKE) --no-print-directory test-generated
	$(MAKE) --no-print-directory test-generated-run
	$(MAKE) --no-print-directory test-reports
	$(MAKE) --no-print-directory test-e2e

setup-web:
	scripts/setup.sh web

setup-all:
	scripts/setup.sh

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --test browser_panels -- -D warnings
	# The web build's split points (src/ui/on_demand.rs) compile only with the feature on.
	cargo clippy --target wasm32-unknown-unknown --lib --features split -- -D warnings

test-native:
	cargo test --all-targets
	cargo test --doc

# Seconds of fuzzing per run (CI: a minute; longer runs: make fuzz FUZZ_SECONDS=600).
FUZZ_SECONDS ?= 60

fuzz:
	cargo run --profile fuzz --example fuzz -- --seconds $(FUZZ_SECONDS)

test-wasm:
	cargo test --target wasm32-unknown-unknown --test browser --test browser_panels

build:
	scripts/build-site

test-generated:
	scripts/validate-generated.sh

test-generated-run:
	scripts/run-generated-tests.sh

test-reports:
	$(VALIDATORS_PY) scripts/validate-reports.py
	$(VALIDATORS_PY) scripts/validate-schema.py
	scripts/test-pre-commit.sh

test-e2e:
	@test -f dist/index.html || { echo "test-e2e: dist/ is missing; run 'make build' first" >&2; exit 1; }
	node --test tests/e2e/
	$(MAKE) --no-print-directory test-e2e-subpath

# The site as GitHub Pages serves a project site: built for and served under /tierboard/
# (service worker scope, manifest and every asset URL follow the base path).
test-e2e-subpath:
	scripts/build-site --public-url /tierboard/ --dist dist-subpath
	E2E_DIST=dist-subpath E2E_PREFIX=/tierboard/ node --test tests/e2e/board.test.mjs tests/e2e/offline.test.mjs

size:
	scripts/size-report.sh dist

# thidua — the two commands a newcomer needs:
#   make serve   build the WebAssembly module and serve the page on http://127.0.0.1:8000/
#   make test    install what is missing, then run every check CI runs
# Both call scripts/setup.sh first, which installs only what is missing.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
.SHELLFLAGS := -euo pipefail -c
# shared/ (dev set, eval) sits beside the clone in CI; SHARED=DIR overrides.
SHARED ?= $(firstword $(wildcard ../shared ../../shared))
NODE_TESTS := tests/node $(wildcard tests/browser)

.PHONY: serve test setup wasm release lint rust-test linear node-test eval size clean bench fuzz

serve:
	scripts/setup.sh --no-browser
	scripts/build-wasm.sh
	scripts/serve.sh

test: setup lint rust-test release linear wasm node-test eval
	@echo "make test: all checks passed"

setup:
	scripts/setup.sh

lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

rust-test:
	cargo test --profile ci

release:
	cargo build --release

# Linear-time checks (ratios of medians): optimised build only, a few seconds.
linear:
	THIDUA_DEVSET=$(if $(SHARED),$(SHARED)/devset) cargo test --release --test linear

# Throughput: every stage and extract (native, MB/s), then the WASM build against the CLI.
bench: release wasm
	THIDUA_DEVSET=$(if $(SHARED),$(SHARED)/devset) cargo bench --bench throughput
	THIDUA_DEVSET=$(if $(SHARED),$(SHARED)/devset) node bench/wasm-bench.mjs

# Fuzzing, 10 minutes a target (FUZZ_SECONDS=N to change).
fuzz:
	THIDUA_DEVSET=$(if $(SHARED),$(SHARED)/devset) scripts/fuzz.sh $${FUZZ_SECONDS:-600}

wasm:
	scripts/build-wasm.sh
	scripts/size-report.sh

node-test:
	THIDUA_DEVSET=$(if $(SHARED),$(SHARED)/devset) node --test $(NODE_TESTS)

# The accuracy score on the dev set, for information: it never fails the run.
eval:
	@if [ -n "$(SHARED)" ] && [ -f $(SHARED)/eval/score.py ]; then \
	  python3 $(SHARED)/eval/score.py || echo "(eval score script failed: informational only)"; \
	else echo "(no $(SHARED)/eval: score skipped)"; fi

size:
	scripts/size-report.sh

clean:
	cargo clean
	rm -rf pkg www/pkg node_modules

# The two commands: `make serve` builds and serves the app (and the team sync server, both on
# 127.0.0.1); `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and skip what is already there.
.PHONY: serve test build bench
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

serve:
	scripts/setup.sh app
	scripts/serve.sh

build:
	scripts/setup.sh app
	trunk build --release

test:
	scripts/test.sh

# The benchmark (not part of `make test`): prints a markdown table and writes it into README.md.
# First the suggestions against their gold set (native, release): precision and recall per kind;
# then the agreement figures' speed on two layers of 10,000 spans (native, release);
# last the team library (two browsers and the sync server on loopback).
bench:
	scripts/setup.sh test
	mkdir -p bench/out
	cargo test --release --test suggest_gold -- --nocapture --test-threads 1 > bench/out/suggest-gold.txt 2>&1; status=$$?; cat bench/out/suggest-gold.txt; exit $$status
	cargo test --release --test agreement_bench -- --nocapture --test-threads 1 > bench/out/agreement.txt 2>&1; status=$$?; if [ $$status = 0 ]; then grep -o 'agreement: .*' bench/out/agreement.txt; else cat bench/out/agreement.txt; fi; exit $$status
	trunk build --release
	node bench/generate.js
	node bench/run.js --readme
	node bench/agreement.js | tee bench/out/agreement.md
	node bench/phone.js | tee bench/out/phone.md
	node bench/team.js | tee bench/out/team.md
	node bench/team-scale.js | tee bench/out/team-scale.md

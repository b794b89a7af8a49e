# The two commands: `make serve` builds and serves the app; `make test` runs every test.
# Both install what is missing first (scripts/setup.sh) and skip what is already there.
.PHONY: serve test build bench
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

serve:
	scripts/setup.sh app
	trunk serve --release --address 127.0.0.1 --port $${PORT:-8080}

build:
	scripts/setup.sh app
	trunk build --release

test:
	scripts/test.sh

# The benchmark (not part of `make test`): prints a markdown table and writes it into README.md.
bench:
	scripts/setup.sh test
	trunk build --release
	node bench/generate.js
	node bench/run.js --readme

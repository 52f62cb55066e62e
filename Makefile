# Two commands for a fresh machine: `make demo` and `make test`.
# The render extra needs no browser to install: without chromium its tests skip.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,render]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/listing-archive demo --db demo.db

# Bytecode first: where PYTHONDONTWRITEBYTECODE is set, each crawl a test starts would compile the project again
# (~0.25 s of CPU a crawl).
test: $(STAMP) lint
	$(BIN)/python -m compileall -q crawler archive pipelines benchmarks >/dev/null
	$(BIN)/python -m pytest -n 3 --dist worksteal -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The benchmark tables of docs/benchmarks.md: crawl against a bare Scrapy spider that follows next links only
# (2,000 pages in 200 listings, then in one listing; median of three),
# the archive at 1,000,000 entries x 5 versions (a few GB in $TMPDIR, about 15 minutes), accuracy.
# Smaller: make bench BENCH_ENTRIES=100000
BENCH_ENTRIES ?= 1000000
bench: $(STAMP)
	$(BIN)/python benchmarks/crawl.py --pages 2000 --listings 200 --rounds 3
	$(BIN)/python benchmarks/crawl.py --pages 2000 --listings 1 --rounds 3
	$(BIN)/python benchmarks/archive.py --entries $(BENCH_ENTRIES) --versions 5
	$(BIN)/python benchmarks/accuracy.py

clean:
	rm -rf $(VENV) demo.db demo.db-* demo-report.html tour.db tour.db-* tour-report.html tour.csv tour.jsonl .pytest_cache

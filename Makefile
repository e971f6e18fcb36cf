# Quick start: `make demo` converts the bundled example; `make test` runs the
# whole test suite.  Each creates .venv (with the package and its test
# extras) when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench bench-startup bench-batch sweep fuzz dist dist-check score clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/transcripts convert examples/tidewater.txt --to yaml

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_parse.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_json.py
	$(BIN)/python bench/bench_batch.py

bench-startup: $(STAMP)
	$(BIN)/python bench/bench_startup.py

bench-batch: $(STAMP)
	$(BIN)/python bench/bench_batch.py

# Not part of CI: 10,000 hostile cases over every reader and command, each
# within 10 s, exit 0 or 1 only; failing cases go to fuzz-failures/.
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz_run.py --cases $${CASES:-10000} --seed $${SEED:-1} --timeout 10

# The sdist and the wheel (needs the network for the build backend), then
# the sdist built, installed and tested on its own in a fresh venv.
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet build
	rm -rf dist
	$(BIN)/python -m build --outdir dist .

dist-check: dist
	rm -rf build/dist-check && mkdir -p build/dist-check
	tar xzf dist/transcripts-*.tar.gz -C build/dist-check
	$(PYTHON) -m venv build/dist-check/venv
	cd build/dist-check/transcripts-* && ../venv/bin/python -m pip install --quiet '.[test]' && ../venv/bin/python -m pytest -q -p no:cacheprovider

sweep: $(STAMP)
	$(BIN)/python bench/sweep.py ../shared/wild

score: $(STAMP)
	$(BIN)/python ../shared/acceptance/score.py ../shared/seeds ../shared/acceptance/expected 2 -- $(BIN)/transcripts convert {} --to json

clean:
	rm -rf $(VENV) build dist fuzz-failures src/*.egg-info .pytest_cache .hypothesis

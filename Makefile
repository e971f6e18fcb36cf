# Quick start: `make demo` converts the bundled example; `make test` runs the
# whole test suite.  Each creates .venv (with the package and its test
# extras) when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench sweep score clean

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

sweep: $(STAMP)
	$(BIN)/python bench/sweep.py ../shared/wild

score: $(STAMP)
	$(BIN)/python ../shared/acceptance/score.py ../shared/seeds ../shared/acceptance/expected 2 -- $(BIN)/transcripts convert {} --to json

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis

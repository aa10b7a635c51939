# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= data/inventory.duckdb

.PHONY: run test db clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(DB): | $(VENV)/.installed
	mkdir -p $(dir $(DB))
	$(PY) -m inventory init --db $(DB) --sample

db: $(DB)

run: $(VENV)/.installed $(DB)
	INVENTORY_DB=$${INVENTORY_DB:-$(DB)} $(PY) -m streamlit run app.py

test: $(VENV)/.installed
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache

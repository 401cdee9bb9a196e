# Two commands on a fresh machine: `make run` (dashboard on the embedded default data)
# and `make test` (the whole suite: lint, unit, page and browser tests).
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test setup system-deps build bench lint

run: setup
	$(PY) -m streamlit run dashboard.py

test: setup system-deps lint
	$(PY) -m pytest

setup: $(VENV)/.installed
	@$(PY) -m ita.ui.plotly_bundle

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian's chromium for the browser tests and Thai fonts so screenshots show Thai text.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi tlwg; then \
		apt-get update -q && apt-get install -y -q chromium fonts-thai-tlwg; \
	fi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

build: setup
	$(PY) -m ita build

bench: setup
	$(PY) bench/bench_data.py

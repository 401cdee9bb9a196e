# Two commands on a fresh machine: `make run` (dashboard on the embedded default data)
# and `make test` (the whole suite: lint, unit, page and browser tests).
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test setup system-deps ocr-deps serve serve-deps build bench lint

# the first start builds the database here, in the terminal, so no visitor waits on a half-drawn page
run: setup ocr-deps
	$(PY) -m ita build --if-missing
	$(PY) -m streamlit run dashboard.py

test: setup system-deps lint
	$(PY) -m pytest

setup: $(VENV)/.installed
	@$(PY) -m ita.ui.plotly_bundle

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Tesseract with its Thai model reads scanned PDFs and page images; the Thai fonts check the digits it
# reads (and the test PDFs are set in Laksaman). Installed where this runs as root, else named once.
OCR_PACKAGES := fonts-thai-tlwg tesseract-ocr tesseract-ocr-tha
# Debian's chromium for the browser tests, and the Thai fonts so screenshots show Thai text.
SYSTEM_PACKAGES := chromium $(OCR_PACKAGES)

ocr-deps:
	@if ! fc-list 2>/dev/null | grep -qi tlwg || ! tesseract --list-langs 2>/dev/null | grep -qx tha; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q $(OCR_PACKAGES); \
		else echo "Scanned PDFs and page images need Tesseract: sudo apt-get install $(OCR_PACKAGES)"; fi; \
	fi

system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi tlwg \
		|| ! tesseract --list-langs 2>/dev/null | grep -qx tha; then \
		apt-get update -q && apt-get install -y -q $(SYSTEM_PACKAGES); \
	fi

# WORKERS dashboard processes behind Debian's HAProxy on PORT, sessions pinned by cookie (README, "Running
# it for a province"); HAProxy is installed only when this target is used.
WORKERS ?= 2
PORT ?= 8501
serve: setup ocr-deps serve-deps
	$(PY) -m ita serve --workers $(WORKERS) --port $(PORT)

serve-deps:
	@command -v haproxy >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q haproxy; \
		else echo "make serve needs HAProxy: sudo apt-get install haproxy"; exit 1; fi; }

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

build: setup
	$(PY) -m ita build

bench: setup
	$(PY) bench/bench_data.py

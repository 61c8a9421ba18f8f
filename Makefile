# Whereas — the two set-up commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
# two pytest-xdist workers: the suite runs in about half the time on two cores
PYTEST_ARGS ?= -n 2

.PHONY: run test bench bench-scale prerequisites serve migrate demo clean

run: prerequisites $(VENV)/.installed migrate demo
	@echo ""
	@echo "Whereas is starting at http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	@echo "Demo logins: lead@example.org, cofiler@example.org, curator@example.org — password: whereas-demo-2026"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: prerequisites $(VENV)/.installed-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: prerequisites $(VENV)/.installed-dev
	$(BIN)/python -m bench

prerequisites:
	@PYTHON=$(PYTHON) sh scripts/check_prerequisites.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

migrate: $(VENV)/.installed
	$(BIN)/python manage.py migrate --no-input

demo: migrate
	$(BIN)/python manage.py load_demo

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# The search growth curve on to 50k precedents and 1M snippets (copied in SQL); adds its figures
# (and ratios.search_growth_1m) to the bench/results.json of the last `make bench`.
bench-scale: prerequisites $(VENV)/.installed-dev
	$(BIN)/python -m bench --scale

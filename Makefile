# The front door. `make appendix` and `make test` set everything up on first use.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
YEAR   ?=
LANG_  ?= vi
JOBS   ?=

.PHONY: appendix all-years test test-fast audit lab refresh-notebooks bench clean help

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (phụ lục)" > /dev/null
	touch $(STAMP)

appendix: $(STAMP)  ## Build the appendix for YEAR (default: the latest year with data)
	$(PY) -m helpers build $(if $(YEAR),--year $(YEAR)) --lang $(LANG_) $(if $(JOBS),--jobs $(JOBS))

all-years: $(STAMP)  ## Build the appendix for every year with data
	$(PY) -m helpers build --all --lang $(LANG_) $(if $(JOBS),--jobs $(JOBS))

audit: $(STAMP)  ## Check that data/figures/2023.csv holds every number of the 2023 report
	$(PY) -m helpers audit --year 2023 --report ../shared/sources/2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt

test: $(STAMP)  ## Run every test: unit tests, data checks, notebooks (papermill and nbval), build
	$(PY) -m pytest -q -n 2 --dist loadgroup tests/
	$(PY) -m pytest -q -n 2 --dist loadfile --nbval notebooks/ --nbval-sanitize-with tests/nbval_sanitize.cfg

lab: $(STAMP)  ## Open JupyterLab on the project's kernel
	$(VENV)/bin/jupyter lab notebooks/

refresh-notebooks: $(STAMP)  ## Re-execute the committed notebooks (2023, vi) so nbval compares against fresh outputs
	$(PY) -m helpers refresh-notebooks

bench: $(STAMP)  ## Time the build against the naive papermill + nbconvert route
	$(PY) bench/bench_build.py

clean:  ## Remove the environment and built outputs
	rm -rf $(VENV) outputs/[0-9]* build

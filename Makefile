# The front door. `make appendix` and `make test` set everything up on first use.
# The first Python 3.11 or later on the PATH, unless PYTHON is given (make PYTHON=/path/to/python3.12 ...).
# A name that exists but does not run (a pyenv shim for a version that is not installed) is passed over.
PYTHON_CANDIDATES ?= python3.11 python3.12 python3.13 python3
PYTHON_OK := import sys; sys.exit(sys.version_info < (3, 11))
PYTHON ?= $(firstword $(foreach p,$(PYTHON_CANDIDATES),$(shell $(p) -c '$(PYTHON_OK)' >/dev/null 2>&1 && echo $(p))))
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
YEAR   ?=
LANG_  ?= vi
JOBS   ?=
AS_OF  ?=
# JupyterLab refuses to run as root unless told, and in a container one usually is root. Inside a
# container it listens on every interface so that a published port reaches it; elsewhere on localhost only.
LAB_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_IP   ?= $(if $(wildcard /.dockerenv /run/.containerenv),0.0.0.0,127.0.0.1)
LAB_PORT ?= 8888

.PHONY: appendix all-years test test-fast audit lab lint refresh-notebooks bench clean help python

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

python:  ## Print the Python that would create .venv (the first 3.11 or later found)
	@$(CHECK_PYTHON) && echo "$(PYTHON)"

# A clear sentence instead of a venv built on the wrong Python.
CHECK_PYTHON = if [ -z "$(PYTHON)" ]; then \
	  echo "error: no Python 3.11 or later found (tried $(PYTHON_CANDIDATES)); install one, or run make PYTHON=/path/to/python3" >&2; \
	  exit 1; \
	elif ! $(PYTHON) -c '$(PYTHON_OK)' >/dev/null 2>&1; then \
	  echo "error: PYTHON=$(PYTHON) does not run, or is older than Python 3.11" >&2; \
	  exit 1; \
	fi

# The runtime packages: enough to build the appendix and to explore it in JupyterLab.
$(STAMP): requirements.txt pyproject.toml
	@$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (phụ lục)" > /dev/null
	touch $(STAMP)

# On top: the test and development packages (pytest, nbval, playwright, ruff, pre-commit).
$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

appendix: $(STAMP)  ## Build the appendix for YEAR (default: the latest year with data); AS_OF=YYYY-MM-DD: the revised edition
	$(PY) -m helpers build $(if $(YEAR),--year $(YEAR)) --lang $(LANG_) $(if $(JOBS),--jobs $(JOBS)) $(if $(AS_OF),--as-of '$(AS_OF)')

all-years: $(STAMP)  ## Build the appendix for every year with data
	$(PY) -m helpers build --all --lang $(LANG_) $(if $(JOBS),--jobs $(JOBS))

audit: $(STAMP)  ## Check that data/figures/2023.csv holds every number of the 2023 report
	$(PY) -m helpers audit --year 2023 --report ../shared/sources/2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt

test: $(DEV_STAMP)  ## Run every test: unit tests, back-tests, data checks, notebooks (papermill and nbval), build
	$(PY) -m pytest -q -n 2 --dist loadgroup tests/
	$(PY) -m pytest -q -n 2 --dist loadfile --nbval notebooks/ --nbval-sanitize-with tests/nbval_sanitize.cfg

lint: $(DEV_STAMP)  ## Check src/ and tests/ with ruff (configured in pyproject.toml)
	$(VENV)/bin/ruff check src tests

lab: $(STAMP)  ## Open JupyterLab at the project root, with notebooks/ shown (LAB_PORT=8888, LAB_IP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. --ServerApp.ip=$(LAB_IP) --ServerApp.port=$(LAB_PORT) \
	  --LabApp.default_url=/lab/tree/notebooks $(LAB_ROOT)

refresh-notebooks: $(STAMP)  ## Re-execute the committed notebooks (2023, vi) so nbval compares against fresh outputs
	$(PY) -m helpers refresh-notebooks

bench: $(STAMP)  ## Time the build against the naive papermill + nbconvert route
	$(PY) bench/bench_build.py

clean:  ## Remove the environment and built outputs
	rm -rf $(VENV) outputs/[0-9]* build

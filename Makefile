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
LAB_DIR  ?= outputs/lab

# YEAR, LANG_, JOBS and AS_OF reach the shell: before the targets that use them run anything, each is checked to be
# what it stands for (digits, or vi/en), read with $(value ...) so that a value such as `$(shell cmd)` is
# never expanded; they are quoted all the same. A bad value stops make with one line naming it.
NONDIGITS = $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst 7,,$(subst 8,,$(subst 9,,$(1)))))))))))
IS_NUMBER = $(if $(filter 1,$(words $(1))),$(if $(strip $(call NONDIGITS,$(1))),,yes))
CHECK_ARGS = $(strip \
  $(if $(value YEAR),$(if $(filter latest,$(value YEAR))$(call IS_NUMBER,$(value YEAR)),,\
    $(error YEAR must be a year in digits such as 2023 (or latest), not '$(value YEAR)'))) \
  $(if $(value JOBS),$(if $(call IS_NUMBER,$(value JOBS)),,\
    $(error JOBS must be a number of notebooks in digits such as 2, not '$(value JOBS)'))) \
  $(if $(filter-out 1,$(words $(value LANG_)))$(filter-out vi en,$(value LANG_)),\
    $(error LANG_ must be vi or en, not '$(value LANG_)')) \
  $(if $(value AS_OF),$(if $(call IS_NUMBER,$(subst -,,$(value AS_OF))),,\
    $(error AS_OF must be a date such as 2026-06-30, not '$(value AS_OF)'))))
ifneq ($(filter appendix all-years,$(MAKECMDGOALS)),)
ARGS_CHECKED := $(CHECK_ARGS)
endif

.PHONY: appendix all-years test test-fast audit lab lab-notebooks lint refresh-notebooks bench clean help python

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
	$(PY) -m helpers build $(if $(value YEAR),--year '$(value YEAR)') --lang '$(value LANG_)' $(if $(value JOBS),--jobs '$(value JOBS)')$(if $(value AS_OF), --as-of '$(value AS_OF)')

all-years: $(STAMP)  ## Build the appendix for every year with data
	$(PY) -m helpers build --all --lang '$(value LANG_)' $(if $(value JOBS),--jobs '$(value JOBS)')

audit: $(STAMP)  ## Check that the data hold every number of the 2023 report and of every quote in data/figures
	$(PY) -m helpers audit --quotes --year 2023 --report ../shared/sources/2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt

test: $(DEV_STAMP)  ## Run every test: the stage order, unit tests, back-tests, data checks, notebooks (papermill and nbval), build
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -n 2 --dist loadgroup tests/
	$(PY) -m pytest -q -n 2 --dist loadfile --nbval notebooks/ --nbval-sanitize-with tests/nbval_sanitize.cfg

lint: $(DEV_STAMP)  ## Check src/ and tests/ with ruff, and the stage order with import-linter (both in pyproject.toml)
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/lint-imports

# JupyterLab works on scratch copies in LAB_DIR (git-ignored): its autosave never rewrites the committed
# notebooks, which nbval compares against. A copy is made once; delete it to take a fresh one.
lab-notebooks:
	@mkdir -p $(LAB_DIR)
	@for nb in notebooks/[0-9][0-9]_*.ipynb; do \
	  if [ -e "$(LAB_DIR)/$${nb##*/}" ]; then echo "kept $(LAB_DIR)/$${nb##*/}"; \
	  else cp "$$nb" "$(LAB_DIR)/" && echo "copied $$nb to $(LAB_DIR)/"; fi; \
	done

lab: $(STAMP) lab-notebooks  ## Open JupyterLab on scratch copies of the notebooks in outputs/lab/ (LAB_PORT=8888, LAB_IP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=$(LAB_DIR) --ServerApp.ip=$(LAB_IP) --ServerApp.port=$(LAB_PORT) \
	  $(LAB_ROOT)

refresh-notebooks: $(STAMP)  ## Re-execute the committed notebooks (2023, vi) so nbval compares against fresh outputs
	$(PY) -m helpers refresh-notebooks

bench: $(STAMP)  ## Time the build against the naive route; measure the draft (issue 17)
	$(PY) bench/bench_build.py
	$(PY) bench/bench_draft.py

clean:  ## Remove the environment and built outputs
	rm -rf $(VENV) outputs/[0-9]* build

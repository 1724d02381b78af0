# Reproducible sluttrapport: `make report` builds the book, `make test` runs the tests.
# Both create the virtual environment (.venv) from requirements.lock on first use.

PYTHON  ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.DEFAULT_GOAL := help

.PHONY: help report docx examples test test-toolkit check data codebook lab preview changes baseline bench bench-scale bench-preview clean distclean lock

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@echo "==> creating $(VENV) from requirements.lock"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	@rm -f $(VENV)/lib/python3.11/site-packages/rapport-src.pth
	@$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

report: $(STAMP) ## Build the report: _book/index.html (HTML book) and the PDF
	@$(VENV)/bin/rapport report

docx: $(STAMP) ## The report, and a Word copy for reviewers' comments (a draft): _book/<name>.docx
	@$(VENV)/bin/rapport docx

examples: $(STAMP) ## Build every report under examples/ (each: make -C examples/<name> report)
	@for d in examples/*/; do $(MAKE) --no-print-directory -C $$d report || exit 1; done

data: $(STAMP) ## Run the report's data command (report.data-command in _quarto.yml), if any
	@$(VENV)/bin/rapport data

codebook: $(STAMP) ## Regenerate data/codebook/README.md from the YAML codebooks
	@$(PY) -c "from rapport.data import write_codebook_readme as w; print(w())"

test: $(STAMP) ## Run all tests: the toolkit's, every report end to end, each report's own
	@for d in examples/*/; do $(MAKE) --no-print-directory -C $$d test || exit 1; done
	@$(PY) -m pytest

test-toolkit: $(STAMP) ## Run the toolkit's fast tests only (tests/toolkit, no builds)
	@$(PY) -m pytest tests/toolkit -m "not slow"

lab: $(STAMP) ## Open the notebooks in JupyterLab (docs/cookbook.md: what differs there)
	@$(VENV)/bin/jupyter lab --notebook-dir=. notebooks

preview: $(STAMP) ## Serve the HTML book on localhost:4848, rebuilt and reloaded on every save
	@$(VENV)/bin/rapport preview

baseline: $(STAMP) ## Mark the current build as the version reviewers have read
	@$(VENV)/bin/rapport baseline

changes: $(STAMP) ## What changed since the baseline: facts, table cells, figure data, prose
	@$(VENV)/bin/rapport changes

check: $(STAMP) ## Lint and validate the CI workflow
	@$(PY) -m ruff check src tests notebooks
	@$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

bench: $(STAMP) ## Time cold, no-op, prose-edit and data-edit builds (bench/run.py); writes bench/results.md
	@$(PY) bench/run.py

bench-scale: $(STAMP) ## Time the register notebooks at 1x, 2x, 5x, 10x, 15x the persons (bench/scale.py); the «Scale» section of bench/results.md
	@nice $(PY) bench/run.py scale

bench-preview: $(STAMP) ## Time the live preview from a save to the reloaded page, prose and notebook edits (bench/preview.py)
	@$(PY) bench/run.py preview --repeat 3

clean: ## Remove build outputs and the notebook cache (forces a full rebuild)
	rm -rf _build _book _variables.yml

distclean: clean ## Also remove the environment and every git-ignored file under data/ (generated inputs)
	rm -rf $(VENV)
	git clean -fdX data/

lock: ## Re-resolve requirements.lock from pyproject.toml (needs network)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

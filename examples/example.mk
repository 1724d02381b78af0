# The part every example's Makefile shares: the toolkit of this checkout (package, renderer,
# venv), the build's fixed environment, and the targets help, report, test and clean. An
# example's Makefile opens with what it is, includes this file, and adds targets of its own.

TOOLKIT ?= ../..
PY      := $(TOOLKIT)/.venv/bin/python
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
# One BLAS thread per process: the regressions are small, and on a shared 2-core machine
# threaded BLAS is many times slower.
export OMP_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1

.DEFAULT_GOAL := help
.PHONY: help toolkit report test clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

toolkit:
	@$(MAKE) --no-print-directory -C $(TOOLKIT) .venv/.installed

report: toolkit ## Build the report: _book/index.html (HTML book) and the PDF/UA-1
	@$(PY) -m rapport.pipeline.cli report --root .

test: report ## Build the report, then run this example's tests (backtests against data/reference/)
	@$(PY) -m pytest -q -p no:cacheprovider --rootdir=. tests

clean: ## Remove build outputs and the notebook cache
	rm -rf _build _book _variables.yml

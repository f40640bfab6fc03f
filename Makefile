# framing-lab: `make report` runs the main job on seeds/, `make test` runs the test suite.
# Both create .venv from requirements.txt first when it is missing or out of date.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: report test train-sentiment bench evaluate clean-venv

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

report: $(STAMP)
	$(PY) -m analysis report seeds/ --out reports

test: $(STAMP)
	$(PY) -m pytest -q

# Reproduces analysis/data/sentiment_model.json from the NewsMTSC training split.
train-sentiment: $(STAMP)
	$(PY) -m analysis.sentiment train --newsmtsc $(SHARED)/data/newsmtsc/train.jsonl --out analysis/data/sentiment_model.json

evaluate: $(STAMP)
	$(PY) -m analysis evaluate quotes --polnear $(SHARED)/data/polnear-train
	$(PY) -m analysis evaluate sentiment --newsmtsc $(SHARED)/data/newsmtsc/dev_rw.jsonl
	$(PY) -m analysis evaluate sentiment --newsmtsc $(SHARED)/data/newsmtsc/dev_mt.jsonl

bench: $(STAMP)
	$(PY) -m analysis bench --corpus $(SHARED)/data/abp-articles.jsonl.gz --n 1000 --jobs 2

clean-venv:
	rm -rf $(VENV)

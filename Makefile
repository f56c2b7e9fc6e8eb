# The front door. `make site` and `make test` each set up .venv from requirements.txt first.
#   make site [ORG=id,id] [SHARD=i/n]  all sites, PDFs and the portal into site/ (incremental)
#   make pdf [ORG=id,id]           only the PDFs, into site/<org>/pdf/
#   make serve [ORG=id] [LANG=en]  live preview of one organisation in one language
#   make check                     every reference and page, without building
#   make translations [MARK=file]  translation status; MARK records a reviewed translation
#   make addresses                 record the addresses of new pages as published (permanent)
#   make edition ORG=id NOTE="…" [VERSION=v] [APPROVED_BY="…"] [APPROVED_ON=YYYY-MM-DD] [IN_FORCE_FROM=YYYY-MM-DD]
#                                  record the current sources as the organisation's next edition (archived)
#   make new-org ID=x NAME="X" LANGUAGES=da,en   a new organisation that builds at once
#   make bench [ORGS=100]          build-speed figures; writes bench-results.json
#   make test                      the whole test suite
#   make lint                      ruff

VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1
AXE_CORE := $(VENV)/npm/node_modules/axe-core/axe.min.js
AXE_CORE_VERSION := 4.11.0
export AXE_CORE_JS := $(CURDIR)/$(AXE_CORE)
RUFF := $(PYTHON) -m ruff check --line-length 120 --select E,F,W,I,UP,B,SIM --target-version py311 hooks tests

# LANG is also the locale variable of every shell: only a LANG given on make's command line
# chooses the preview language.
ifeq ($(origin LANG),command line)
SERVE_LANG := --lang $(LANG)
endif

.PHONY: site pdf serve bench check translations addresses edition new-org test lint clean

$(INSTALLED): requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

site: $(INSTALLED)
	$(PYTHON) -m publisher build $(if $(ORG),--org $(ORG)) $(if $(SHARD),--shard $(SHARD))

pdf: $(INSTALLED)
	$(PYTHON) -m publisher pdf $(if $(ORG),--org $(ORG))

serve: $(INSTALLED)
	$(PYTHON) -m publisher serve $(if $(ORG),--org $(ORG)) $(SERVE_LANG)

check: $(INSTALLED)
	$(PYTHON) -m publisher check

new-org: $(INSTALLED)
	$(PYTHON) -m publisher new-org --id "$(ID)" --name "$(NAME)" --languages "$(LANGUAGES)" \
		$(if $(COUNTRY),--country $(COUNTRY)) $(if $(DOMAIN),--domain $(DOMAIN))

bench: $(INSTALLED)
	$(PYTHON) -m publisher bench $(if $(ORGS),--orgs $(ORGS))

addresses: $(INSTALLED)
	$(PYTHON) -m publisher addresses

# The values reach Python through the environment, never through the shell command line.
edition: export EDITION_ORG = $(ORG)
edition: export EDITION_NOTE = $(NOTE)
edition: export EDITION_NOTE_DA = $(NOTE_DA)
edition: export EDITION_NOTE_NB = $(NOTE_NB)
edition: export EDITION_NOTE_EN = $(NOTE_EN)
edition: export EDITION_VERSION = $(VERSION)
edition: export EDITION_APPROVED_BY = $(APPROVED_BY)
edition: export EDITION_APPROVED_ON = $(APPROVED_ON)
edition: export EDITION_IN_FORCE_FROM = $(IN_FORCE_FROM)
edition: $(INSTALLED)
	$(PYTHON) -m publisher edition

translations: $(INSTALLED)
	$(PYTHON) -m publisher translations $(if $(MARK),--mark $(MARK))

# axe-core (accessibility rules) from npm, for the browser tests; Chromium comes from Debian.
$(AXE_CORE):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm axe-core@$(AXE_CORE_VERSION)

test: $(INSTALLED) $(AXE_CORE)
	$(RUFF)
	$(PYTHON) -m pytest tests

lint: $(INSTALLED)
	$(RUFF)

clean:
	rm -rf site site.staging-* .pytest_cache

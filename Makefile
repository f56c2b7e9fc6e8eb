# The front door. `make site` and `make test` each set up .venv from the hashed locks alone first
# (tools/locked_venv.py: pinned pip, then every locked file with --no-deps, then pip check;
# requirements.txt is the list people edit).
#   make site [ORG=id,id] [SHARD=i/n]  all sites, PDFs and the portal into site/ (incremental)
#   make pdf [ORG=id,id]           only the PDFs, into site/<org>/pdf/
#   make serve [ORG=id] [LANG=en] [PORT=8001]  live preview: findings with file:line, keeps serving
#   make check [HINTS=1]           every reference and page, without building; HINTS=1 lists readability hints
#   make translations [MARK=file]  translation status; MARK records a reviewed translation
#   make addresses                 record the addresses of new pages as published (permanent)
#   make new-org ID=x NAME="X" LANGUAGES=da,en   a new organisation (a draft) that builds at once
#   make import ORG=x FILE=doc.docx [LANG=da]    its pages from its document (.docx .odt .pdf .txt)
#   make import ORG=x FILE=doc ADOPT=1 [TOPIC=id] [WORDING=topic/wording]  and adopt the model texts it shares
#   make edition ORG=id NOTE="…" [VERSION=v] [APPROVED_BY="…"] [APPROVED_ON=YYYY-MM-DD] [IN_FORCE_FROM=YYYY-MM-DD]
#                                  record the current sources as the organisation's next edition (archived)
#   make match FILE=doc [ORG=x | NAME="X" DOMAIN=x.no]  passages the document shares with others (writes nothing)
#   make bench [ORGS=100] [LIGHTHOUSE_PAGES=n] [RUNS=3]  build-speed figures; writes bench-results.json
#   make wordforms                 regenerate search's word-form tables (needs hunspell-da/-no/-en-us)
#   make test                      the whole test suite
#   ENGINE=properdocs              with site, serve, bench or test: build with ProperDocs, not MkDocs
#   make lint                      ruff

VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1
AXE_CORE := tools/axe/node_modules/axe-core/axe.min.js
export AXE_CORE_JS := $(CURDIR)/$(AXE_CORE)
# Lighthouse 12.2 runs on Node 20 (13 needs Node 22); budgets in tests, scores in make bench.
LIGHTHOUSE := tools/lighthouse/node_modules/.bin/lighthouse
RUFF := $(PYTHON) -m ruff check --line-length 120 --select E,F,W,I,UP,B,SIM --target-version py311 hooks tests tools/locked_venv.py

# Values typed on make's command line reach Python unchanged, through the environment: each
# GUIDE_ARG_<NAME> holds $(value NAME), the text as typed, which neither make nor a shell ever
# expands or runs. The variables themselves are not exported (make would expand them).
# ENGINE (mkdocs or properdocs) is checked by the publisher, which rejects a name it does not know.
ARGUMENTS := ORG SHARD ID NAME LANGUAGES COUNTRY DOMAIN MARK ORGS LIGHTHOUSE_PAGES RUNS ADDR FILE PORT HINTS ENGINE \
	ADOPT TOPIC WORDING \
	NOTE NOTE_DA NOTE_NB NOTE_EN VERSION APPROVED_BY APPROVED_ON IN_FORCE_FROM
unexport $(ARGUMENTS)
$(foreach name,$(ARGUMENTS),$(eval export GUIDE_ARG_$(name) := $$(value $(name))))
# The names (never the values) of all variables typed on make's command line, whatever their spelling:
# each command refuses one it does not take (make edition VERSON=2.0 would otherwise record no version).
export GUIDE_MAKE_VARIABLES := $(strip $(foreach name,$(.VARIABLES),$(if $(filter command line,$(origin $(name))),$(name))))
# LANG is also the locale variable of every shell: only a LANG given on make's command line
# chooses the preview language.
ifeq ($(origin LANG),command line)
export GUIDE_ARG_LANG := $(value LANG)
endif

.PHONY: site pdf serve bench check translations addresses edition new-org import match wordforms test lint clean

# Both engines: requirements-properdocs.lock adds ProperDocs (hashed) to requirements.lock.
# The installer writes $(INSTALLED) last, only when every step passed.
$(INSTALLED): requirements-pip.lock requirements.lock requirements-properdocs.lock tools/locked_venv.py
	python3 tools/locked_venv.py $(VENV) requirements-properdocs.lock

site: $(INSTALLED)
	$(PYTHON) -m publisher build

pdf: $(INSTALLED)
	$(PYTHON) -m publisher pdf

serve: $(INSTALLED)
	$(PYTHON) -m publisher serve

check: $(INSTALLED)
	$(PYTHON) -m publisher check

new-org: $(INSTALLED)
	$(PYTHON) -m publisher new-org

import: $(INSTALLED)
	$(PYTHON) -m publisher import

match: $(INSTALLED)
	$(PYTHON) -m publisher match

bench: $(INSTALLED) $(LIGHTHOUSE)
	$(PYTHON) -m publisher bench

wordforms: $(INSTALLED)
	$(PYTHON) -m publisher.commands.wordforms --root $(CURDIR)

addresses: $(INSTALLED)
	$(PYTHON) -m publisher addresses

# The values reach Python through the environment as typed ($(value ...)): never expanded by make, never
# pasted into a shell command line.
edition: export EDITION_ORG = $(value ORG)
edition: export EDITION_NOTE = $(value NOTE)
edition: export EDITION_NOTE_DA = $(value NOTE_DA)
edition: export EDITION_NOTE_NB = $(value NOTE_NB)
edition: export EDITION_NOTE_EN = $(value NOTE_EN)
edition: export EDITION_VERSION = $(value VERSION)
edition: export EDITION_APPROVED_BY = $(value APPROVED_BY)
edition: export EDITION_APPROVED_ON = $(value APPROVED_ON)
edition: export EDITION_IN_FORCE_FROM = $(value IN_FORCE_FROM)
edition: $(INSTALLED)
	$(PYTHON) -m publisher edition

translations: $(INSTALLED)
	$(PYTHON) -m publisher translations

# axe-core (accessibility rules) from npm, exactly as locked in tools/axe/package-lock.json, for
# the browser tests; Chromium comes from Debian.
$(AXE_CORE): tools/axe/package-lock.json
	npm ci --silent --no-audit --no-fund --prefix tools/axe
	touch $@

$(LIGHTHOUSE): tools/lighthouse/package-lock.json
	npm ci --silent --no-audit --no-fund --prefix tools/lighthouse
	touch $@

# Two processes (pytest-xdist), each test file whole in one of them: the suite is mostly one core's work
# (the browser and the builds use a second now and then). The real sites are built once for both
# (tests/conftest.py, real_site).
test: $(INSTALLED) $(AXE_CORE) $(LIGHTHOUSE)
	$(RUFF)
	$(PYTHON) -m pytest -n 2 --dist loadfile tests

lint: $(INSTALLED)
	$(RUFF)

clean:
	rm -rf site site.staging-* .pytest_cache .cache

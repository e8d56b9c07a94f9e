# závazek: two commands.
#   make site   installs what is needed and builds the example site into site/
#   make test   installs what is needed and runs every test
# Both work on a fresh Debian/Ubuntu machine; Debian packages are installed
# with apt-get when missing (as root, or through sudo).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

# Debian packages: fonts with Czech, Cyrillic and Vietnamese glyphs, Pango and
# HarfBuzz's subsetter (PDF posters: WeasyPrint embeds font subsets made by HarfBuzz
# when it is there, by fontTools otherwise, and the bytes of a PDF depend on which);
# Chromium and Poppler for the tests.
SITE_PACKAGES := python3-venv fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
TEST_PACKAGES := chromium poppler-utils
# The packages of what make is asked to do, installed at once (one apt-get update).
SYSTEM_PACKAGES := $(sort $(SITE_PACKAGES) $(if $(filter test bench,$(MAKECMDGOALS)),$(TEST_PACKAGES)))

.PHONY: site test serve validate check-data bench clean system bytecode

site: $(BIN)/.site-ready system bytecode
	$(BIN)/zavazek build .
	$(BIN)/zavazek build examples/icp
	$(BIN)/zavazek build examples/opu

test: $(BIN)/.test-ready system bytecode
	$(BIN)/python -m pytest -n auto --dist loadscope

serve: $(BIN)/.site-ready bytecode
	$(BIN)/zavazek serve .

validate: $(BIN)/.site-ready bytecode
	$(BIN)/zavazek validate .

bench: $(BIN)/.test-ready system bytecode
	$(BIN)/python bench/benchmark.py

# The requirements files pin every package. uv, itself pinned here and installed with the environment's
# pip, installs them (about 5 s with their byte code, where pip took 30 s: it downloads and unpacks in
# parallel), without resolving (--no-deps; only závazek's own build backend, named in pyproject.toml, is
# fetched to install it); uv pip check then makes sure that each package's own needs are among them.
# uv reads none of pip's settings: it trusts the system's certificates (--system-certs, as Debian's pip
# does), and a package index set for pip in the environment is passed on.
UV_VERSION := 0.13.9
UV_READY   := $(BIN)/.uv-$(UV_VERSION)
UV_PIP     := $(if $(PIP_INDEX_URL),UV_DEFAULT_INDEX='$(PIP_INDEX_URL)') $(BIN)/uv pip --quiet --system-certs
UV_INSTALL := $(UV_PIP) install --python $(BIN)/python --no-deps --compile-bytecode

$(UV_READY): | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	touch $@

$(BIN)/.site-ready: requirements.txt pyproject.toml $(UV_READY) | system
	$(UV_INSTALL) -r requirements.txt -e .
	$(UV_PIP) check --python $(BIN)/python
	touch $@

$(BIN)/.test-ready: $(BIN)/.site-ready requirements-test.txt
	$(UV_INSTALL) -r requirements-test.txt
	$(UV_PIP) check --python $(BIN)/python
	touch $@

# závazek's own modules compiled once: where PYTHONDONTWRITEBYTECODE is set (as on some CI machines)
# Python caches no bytecode, and each zavazek process of a build or a test would compile them again
# (0.2 s a process; the tests start a few hundred).
bytecode: $(BIN)/.site-ready
	@$(BIN)/python -m compileall -q src

system:
	@./tools/apt-ensure $(SYSTEM_PACKAGES)

clean:
	rm -rf site examples/*/site .zavazek examples/*/.zavazek

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

.PHONY: site test serve validate check-data bench clean system-site system-test bytecode

site: $(BIN)/.site-ready system-site bytecode
	$(BIN)/zavazek build .
	$(BIN)/zavazek build examples/icp
	$(BIN)/zavazek build examples/opu

test: $(BIN)/.test-ready system-site system-test bytecode
	$(BIN)/python -m pytest -n auto --dist loadscope

serve: $(BIN)/.site-ready bytecode
	$(BIN)/zavazek serve .

validate: $(BIN)/.site-ready bytecode
	$(BIN)/zavazek validate .

bench: $(BIN)/.test-ready system-site system-test bytecode
	$(BIN)/python bench/benchmark.py

# The requirements files pin every package, so pip installs just those (--no-deps: no resolving, a few
# seconds less; only závazek's own build backend, named in pyproject.toml, is fetched to install it), and
# pip check then makes sure that each package's own needs are among them.
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check --no-deps

$(BIN)/.site-ready: requirements.txt pyproject.toml | system-site
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt -e .
	$(BIN)/pip check --disable-pip-version-check
	touch $@

$(BIN)/.test-ready: $(BIN)/.site-ready requirements-test.txt
	$(PIP_INSTALL) -r requirements-test.txt
	$(BIN)/pip check --disable-pip-version-check
	touch $@

# závazek's own modules compiled once: where PYTHONDONTWRITEBYTECODE is set (as on some CI machines)
# Python caches no bytecode, and each zavazek process of a build or a test would compile them again
# (0.2 s a process; the tests start a few hundred).
bytecode: $(BIN)/.site-ready
	@$(BIN)/python -m compileall -q src

system-site:
	@./tools/apt-ensure $(SITE_PACKAGES)

system-test:
	@./tools/apt-ensure $(TEST_PACKAGES)

clean:
	rm -rf site examples/*/site .zavazek examples/*/.zavazek

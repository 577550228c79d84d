# Two commands on a fresh machine (see README):
#   make demo   install, then summarize the seed article with the default backend
#   make test   install with the dev, local-model and browser extras, then run the tests
# Both create ./.venv; set VENV=... to use another one.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# llama-cpp-python compiles llama.cpp; a native build (-DGGML_NATIVE=ON) dies with
# "Illegal instruction" on CPUs that advertise AMX inside sandboxes, so build portably.
CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
export CMAKE_ARGS
SEED := evals/fixtures/ar_001_ghouta_seed.txt

.PHONY: demo test install install-dev lint typecheck bench clean

$(BIN)/pip:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/pip
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/pip
	$(BIN)/pip install --quiet -e ".[dev,local,browser]"

demo: install
	$(BIN)/summarizer summarize $(SEED) --format markdown

test: install-dev
	$(BIN)/pytest -q

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	bash scripts/typecheck.sh $(BIN)/mypy

bench: install-dev
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

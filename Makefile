# Two commands for a fresh Debian machine: `make demo` and `make test`.
# Both install GLPK (libglpk-dev; glpsol from glpk-utils for one test) when it is missing.

SWIFT ?= swift
ZHUDIAN = .build/release/zhudian

.PHONY: deps export-deps build demo test examples export-check bench fuzz fuzz-loader clean

deps:
	@if [ ! -f /usr/include/glpk.h ] || ! command -v glpsol >/dev/null 2>&1; then \
		echo "installing libglpk-dev and glpk-utils"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev glpk-utils >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product zhudian

demo: build
	$(ZHUDIAN) validate Scenarios/taierzhuang-2022.yaml
	@echo "--- the notice's own 2022 plan, under structure: cycles (minCycle 2) ---"
	$(ZHUDIAN) check Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json
	@echo "--- the same plan under structure: ring (expected to fail: 双顶山 ⇄ 泉兴 is a mutual pair) ---"
	@$(ZHUDIAN) check Scenarios/taierzhuang-2022-ring.yaml Scenarios/taierzhuang-2022-notice.json \
		|| echo "(check exited $$?, as it should: the notice's plan is not one ring)"
	@echo "--- the next half-year from the notice's plan: one ring through all six mines ---"
	$(ZHUDIAN) next Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json \
		--set rules.structure=ring --set "name=台儿庄区非煤矿山驻点监督 2023上半年" -o out/taierzhuang-2023.yaml
	$(ZHUDIAN) plan out/taierzhuang-2023.yaml -o out/taierzhuang-2023
	$(ZHUDIAN) check out/taierzhuang-2023.yaml out/taierzhuang-2023/roster.json
	@echo "--- visiting mode (两人一企): 兖州区's thirty chemical plants, month by month from 2023-08 ---"
	$(ZHUDIAN) plan Scenarios/jining-chemical-2023.yaml -o out/jining-chemical-2023
	$(ZHUDIAN) check Scenarios/jining-chemical-2023.yaml out/jining-chemical-2023/roster.json

# The tests run in parallel, one process per test, as many at once as the machine has cores
# (`--parallel`): on 2 cores the tests take about 150 s instead of 250 s (BENCHMARKS.md, "The
# test suite"), which keeps CI inside its time. A failing test still fails `make test` (exit 1) and prints its log.
test: deps
	$(SWIFT) test --parallel
	@$(MAKE) --no-print-directory examples
	@$(MAKE) --no-print-directory export-check

# Every scenario in Scenarios/ planned and checked with the release binary (the city is too slow in debug),
# and README's half-year run as written on a fresh clone.
examples: build
	Tests/plan-examples.sh $(ZHUDIAN)
	scripts/half-year.sh $(ZHUDIAN)

# The independent readers of the exports (openpyxl, icalendar, html5lib, LibreOffice),
# installed only when missing (about 10 s for pip and 45 s for libreoffice-calc-nogui).
export-deps:
	@python3 -c "import openpyxl, icalendar, html5lib, yaml" 2>/dev/null || \
		python3 -m pip install -q openpyxl icalendar html5lib pyyaml
	@command -v libreoffice >/dev/null 2>&1 || { echo "installing libreoffice-calc-nogui"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; }

export-check: deps export-deps
	$(SWIFT) build --product zhudian
	scripts/export-check.sh $$($(SWIFT) build --show-bin-path)/zhudian

bench: deps
	$(SWIFT) run -c release zhudian-bench

# Seeded mutants of the small examples and the loader's fixtures through the release build:
# `validate` and `plan --time-limit 5` must never trap, hang, exit 70, exit outside SPEC §5,
# or fail without an `error:` line. Findings' mutants go to fuzz-findings/.
FUZZ_COUNT ?= 3000
FUZZ_SEED ?= 1
fuzz: deps
	$(SWIFT) build -c release --product zhudian
	$(SWIFT) build -c release --product zhudian-fuzz
	.build/release/zhudian-fuzz --tool $(ZHUDIAN) --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) \
		Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2023.yaml Scenarios/infeasible-leave.yaml \
		Tests/ZhudianScenarioTests/Fixtures/bad/*.yaml Tests/ZhudianScenarioTests/Fixtures/good/*.yaml

# libFuzzer (coverage-guided) straight into the scenario loader, libyaml included, with
# AddressSanitizer; a crash or a hang (10 s) is saved in fuzz-findings/. Linked by lld:
# gold fails on the sanitized objects, and the driver entry must be exported.
FUZZ_SECONDS ?= 300
LIBFUZZER_BUILD = .build-libfuzzer
fuzz-loader: deps
	$(SWIFT) build -c release --build-path $(LIBFUZZER_BUILD) --product zhudian-loader-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld \
		-Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver
	mkdir -p $(LIBFUZZER_BUILD)/corpus fuzz-findings
	cp Scenarios/*.yaml Tests/ZhudianScenarioTests/Fixtures/bad/*.yaml Tests/ZhudianScenarioTests/Fixtures/good/*.yaml \
		$(LIBFUZZER_BUILD)/corpus/
	$(LIBFUZZER_BUILD)/release/zhudian-loader-fuzz $(LIBFUZZER_BUILD)/corpus -max_total_time=$(FUZZ_SECONDS) \
		-timeout=10 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=fuzz-findings/

clean:
	rm -rf .build .build-libfuzzer out fuzz-findings

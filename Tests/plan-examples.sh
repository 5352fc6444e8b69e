#!/usr/bin/env bash
# `make examples`: plans and checks every scenario in Scenarios/ with a built zhudian
# (STYLE habit 9). The debug build of the test suite is too slow for the city, so this runs
# the release binary: usage `Tests/plan-examples.sh .build/release/zhudian`.
#
# A scenario whose leading comment says INFEASIBLE must make `plan` exit 1, write a roster
# with status infeasible and its explanation, and make `check` exit 1; every other scenario
# must plan with exit 0 (within 120 s; a roster stopped by the limit is written with its gap
# and still exits 0) and its roster must pass `check`. The notice's own roster is checked
# as `make demo` does: it passes under cycles and fails under ring. Any other exit code fails.
set -uo pipefail
zhudian=$(realpath "${1:?usage: $0 ZHUDIAN}")
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0

# expect CODE COMMAND...: runs the command, output into $out/last; complains unless it exits CODE.
expect() {
    local want=$1
    shift
    "$@" >"$out/last" 2>&1
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: zhudian ${*:2} exited $got, expected $want" >&2
        sed 's/^/    /' "$out/last" >&2
        failures=$((failures + 1))
        return 1
    fi
}

# The comment block at the top of the file says whether no roster exists.
infeasible() { awk '/^#/ || /^[[:space:]]*$/ { print; next } { exit }' "$1" | grep -q INFEASIBLE; }

for scenario in Scenarios/*.yaml; do
    name=$(basename "$scenario" .yaml)
    roster="$out/$name/roster.json"
    started=$SECONDS
    if infeasible "$scenario"; then
        expect 1 "$zhudian" plan "$scenario" -o "$out/$name" --time-limit 120 || continue
        if ! grep -q '"status": *"infeasible"' "$roster" || ! grep -q '"explanation"' "$roster"; then
            echo "FAIL: $roster is not an infeasible roster with an explanation" >&2
            failures=$((failures + 1))
            continue
        fi
        expect 1 "$zhudian" check "$scenario" "$roster" || continue
        echo "ok  $name: infeasible, explained ($((SECONDS - started)) s)"
    else
        expect 0 "$zhudian" plan "$scenario" -o "$out/$name" --time-limit 120 || continue
        status=$(tail -n 1 "$out/last")
        expect 0 "$zhudian" check "$scenario" "$roster" || continue
        echo "ok  $name: $status, checked ($((SECONDS - started)) s)"
    fi
done

expect 0 "$zhudian" check Scenarios/taierzhuang-2022.yaml Scenarios/taierzhuang-2022-notice.json &&
    echo "ok  the notice's roster passes under cycles"
expect 1 "$zhudian" check Scenarios/taierzhuang-2022-ring.yaml Scenarios/taierzhuang-2022-notice.json &&
    echo "ok  the notice's roster fails under ring (双顶山 ⇄ 泉兴 is a mutual pair)"

if [ "$failures" -ne 0 ]; then
    echo "$failures example(s) failed" >&2
    exit 1
fi

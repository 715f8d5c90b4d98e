#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the `fuzz` preset and runs every libFuzzer target for a fixed number of executions, starting
# from the seed corpora in tests/fuzz/corpus/<target>. Prints, per target, the executions and whether
# anything was found; exits non-zero when any target crashed, hung, ran out of memory or broke an
# invariant. The inputs that did are left in the work directory, named by the printed path.
#
#   tests/fuzz/run-fuzzers.sh [RUNS]        RUNS executions per target, 200000 by default
#
# Environment: BUILD_DIR (default <repo>/build-fuzz), WORK_DIR (default $BUILD_DIR/fuzz-work, where new
# corpus entries and findings go; the seed corpora are never written), FUZZERS (a space-separated subset
# of the targets), JOBS (parallel compile jobs).
set -euo pipefail

runs=${1:-200000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$repo/build-fuzz}
work=${WORK_DIR:-$build/fuzz-work}
read -r -a targets <<<"${FUZZERS:-project kubeconfig quantity prometheus collectorconfig yaml}"

# Longest input per target: room for a real file of its kind, small enough to keep runs fast.
declare -A maxLength=([project]=16384 [kubeconfig]=16384 [quantity]=64 [prometheus]=8192
                      [collectorconfig]=16384 [yaml]=8192)

cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}" ${JOBS:+-j "$JOBS"}

failed=0
printf '\n%-16s %12s  %s\n' target executions result
for target in "${targets[@]}"; do
    dir=$work/$target
    mkdir -p "$dir/corpus"
    rm -f "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*
    status=0
    "$build/bin/fuzz_$target" -runs="$runs" -max_len="${maxLength[$target]:-4096}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" \
        "$dir/corpus" "$repo/tests/fuzz/corpus/$target" >"$dir/log" 2>&1 || status=$?

    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    findings=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | sort)
    if [[ $status -eq 0 && -z $findings ]]; then
        result="nothing found"
    else
        failed=1
        result="FOUND (exit $status): ${findings:-see $dir/log}"
    fi
    printf '%-16s %12s  %s\n' "$target" "${executions:-?}" "$result"
done
exit "$failed"

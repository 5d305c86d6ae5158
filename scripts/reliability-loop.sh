#!/usr/bin/env bash
# Runs the reliability tests (import crash and restart, fault mix, webhook restart and stop) again and again at
# -Pquick size, to show that they pass every time and not by luck. Not part of the normal build.
#
#   scripts/reliability-loop.sh [iterations]      (default 20)
#
# Each failed iteration keeps its surefire reports (with the sandbox's random seed of the failing test, and a
# thread dump if a test timed out) under target/reliability-loop/<iteration>/. Exits non-zero if any failed.
set -uo pipefail

iterations="${1:-20}"
cd "$(dirname "$0")/.."
out="target/reliability-loop"
rm -rf "$out"
mkdir -p "$out"
tests='InvestorImportCrashTest,InvestorImportFaultMixTest,WebhookRestartReliabilityTest,WebhookStopDuringDeliveryTest,SandboxReliabilityTest'
passed=0
failed=0
for i in $(seq 1 "$iterations"); do
    start=$(date +%s)
    if mvn -o -B -ntp -q -Pquick -pl routes -am verify -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
            > "$out/run-$i.log" 2>&1; then
        passed=$((passed + 1))
        result=passed
        rm "$out/run-$i.log"
    else
        failed=$((failed + 1))
        result=FAILED
        mkdir -p "$out/$i"
        cp -r routes/target/surefire-reports "$out/$i/routes" 2>/dev/null
        cp -r camel-zest-component/target/surefire-reports "$out/$i/component" 2>/dev/null
    fi
    echo "iteration $i/$iterations: $result in $(( $(date +%s) - start )) s"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

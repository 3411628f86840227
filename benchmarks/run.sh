#!/usr/bin/env bash
# The benchmark command: builds the service, starts Kafka (KRaft), PostgreSQL and the packaged
# service as separate processes on loopback, measures them side by side with their raw limits,
# and prints a table and one JSON object (also written under benchmarks/target/run-*/).
# Knobs are -Dbench.* arguments, e.g. ./benchmarks/run.sh -Dbench.open.tickets=200000
# (see benchmarks/src/main/java/dev/slaservice/bench/Settings.java). It never fails on a figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "[bench] building"
./mvnw -B -q -DskipTests -Dimage.skip install
./mvnw -B -q -pl benchmarks dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx2g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "$@" \
  dev.slaservice.bench.PipelineBenchmark

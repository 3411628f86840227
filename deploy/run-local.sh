#!/usr/bin/env bash
# Builds the SLA service and runs it on http://localhost:8080 with its own Kafka broker (KRaft,
# 127.0.0.1:19092) and PostgreSQL (127.0.0.1:15432), data under .local-stack/. Given
# KAFKA_BOOTSTRAP_SERVERS or SLA_DB_HOST (with SLA_DB_PORT, SLA_DB_NAME, QUARKUS_DATASOURCE_USERNAME,
# QUARKUS_DATASOURCE_PASSWORD) it starts that server no more and uses the one given.
# Ctrl-C stops everything it started; the next start reuses the data.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "[local-stack] building (first time: a few minutes while Maven fetches dependencies)"
./mvnw -B -q -DskipTests -Dimage.skip install
./mvnw -B -q -pl deploy/local-stack dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -cp "deploy/local-stack/target/classes:$(cat deploy/local-stack/target/classpath.txt)" \
  dev.slaservice.localstack.LocalStack "$root"

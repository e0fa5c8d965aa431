#!/usr/bin/env bash
# Submits the job jar to the session cluster, detached, with this script's arguments as the job's program arguments.
# A job of the same name that is already running is left alone, so `docker compose up` can run again without
# starting a second copy writing the same tables.
set -euo pipefail
: "${JOB_NAME:?}" "${JOB_JAR:?}" "${ENTRY_CLASS:?}" "${JOBMANAGER_REST_ADDRESS:?}" "${JOBMANAGER_REST_PORT:?}"

# The CLI's own configuration names the cluster's REST endpoint: it does not depend on how the image's entrypoint
# treats FLINK_PROPERTIES for commands other than jobmanager/taskmanager.
client_conf=$(mktemp -d)
printf 'rest.address: %s\nrest.port: %s\n' "$JOBMANAGER_REST_ADDRESS" "$JOBMANAGER_REST_PORT" > "$client_conf/config.yaml"
cp "$FLINK_HOME/conf/log4j-cli.properties" "$client_conf/" 2>/dev/null || true
export FLINK_CONF_DIR=$client_conf

# Read the whole listing first: with pipefail, grep -q ending early could fail the pipeline on a match.
running=$(flink list --running)
if grep -qF ": $JOB_NAME (RUNNING)" <<<"$running"; then
  echo "$JOB_NAME is already running"
  exit 0
fi
exec flink run --detached --class "$ENTRY_CLASS" "$JOB_JAR" "$@"

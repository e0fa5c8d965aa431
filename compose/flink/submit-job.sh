#!/usr/bin/env bash
# Submits the job jar to the session cluster, detached, with this script's arguments as the job's program arguments.
# A job of the same name that is already running is left alone, so `docker compose up` can run again without
# starting a second copy writing the same tables.
set -euo pipefail
: "${JOB_NAME:?}" "${JOB_JAR:?}" "${ENTRY_CLASS:?}"
if flink list --running | grep -qF ": $JOB_NAME (RUNNING)"; then
  echo "$JOB_NAME is already running"
  exit 0
fi
exec flink run --detached --class "$ENTRY_CLASS" "$JOB_JAR" "$@"

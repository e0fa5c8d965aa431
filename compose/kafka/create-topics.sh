#!/usr/bin/env bash
# Creates the lakehouse topics once; topics that exist are left as they are, so the stack can start again.
# Records are kept forever: the seeds carry event times from the past, which the producer writes as record
# timestamps, and Kafka's time retention would delete a replayed topic at its next check.
set -euo pipefail
: "${BOOTSTRAP_SERVERS:?}" "${TOPICS:?}" "${PARTITIONS:?}"
for topic in ${TOPICS//,/ }; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1 \
    --config retention.ms=-1 --config retention.bytes=-1 --config max.message.bytes=8388608
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --list

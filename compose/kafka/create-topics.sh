#!/usr/bin/env bash
# Creates the lakehouse topics once; topics that exist are left as they are, so the stack can start again.
# Records are kept forever: the seeds carry event times from the past, which the producer writes as record
# timestamps, and Kafka's time retention would delete a replayed topic at its next check. Nor do segments roll by
# time: the broker rolls a segment once its records span that much record time, and a replay packs a year of event
# time into minutes.
set -euo pipefail
: "${BOOTSTRAP_SERVERS:?}" "${TOPICS:?}" "${PARTITIONS:?}"
for topic in ${TOPICS//,/ }; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1 \
    --config retention.ms=-1 --config retention.bytes=-1 --config segment.ms=9223372036854775807 \
    --config max.message.bytes=8388608
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --list

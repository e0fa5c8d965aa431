#!/bin/sh
# Bootstraps Lakekeeper and creates the warehouse the jobs and Trino name, once: a second run finds both and exits 0.
# Lakekeeper neither vends credentials nor signs requests here (sts-enabled, remote-signing-enabled false): Flink
# and Trino reach MinIO with their own S3 credentials, and Lakekeeper with the same ones, stored encrypted.
set -eu
: "${CATALOG:?}" "${WAREHOUSE:?}" "${BUCKET:?}" "${S3_ENDPOINT:?}" "${S3_REGION:?}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"

if ! curl -fsS "$CATALOG/management/v1/info" | grep -q '"bootstrapped":true'; then
  curl -fsS -X POST "$CATALOG/management/v1/bootstrap" -H 'Content-Type: application/json' \
    --data '{"accept-terms-of-use": true}'
fi

if curl -fsS "$CATALOG/management/v1/warehouse" | grep -q "\"name\":\"$WAREHOUSE\""; then
  echo "warehouse $WAREHOUSE exists"
  exit 0
fi

curl -fsS -X POST "$CATALOG/management/v1/warehouse" -H 'Content-Type: application/json' --data @- <<JSON
{
  "warehouse-name": "$WAREHOUSE",
  "storage-profile": {
    "type": "s3",
    "bucket": "$BUCKET",
    "key-prefix": "warehouse",
    "endpoint": "$S3_ENDPOINT",
    "region": "$S3_REGION",
    "path-style-access": true,
    "flavor": "s3-compat",
    "sts-enabled": false,
    "remote-signing-enabled": false
  },
  "storage-credential": {
    "type": "s3",
    "credential-type": "access-key",
    "aws-access-key-id": "$AWS_ACCESS_KEY_ID",
    "aws-secret-access-key": "$AWS_SECRET_ACCESS_KEY"
  },
  "delete-profile": { "type": "hard" }
}
JSON
echo
echo "warehouse $WAREHOUSE created"

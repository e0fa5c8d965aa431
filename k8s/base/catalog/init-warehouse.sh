#!/bin/sh
# Bootstraps Lakekeeper and creates the warehouse, once. Exits non-zero while Lakekeeper is not up yet, so the Job
# retries (restartPolicy OnFailure, with Kubernetes' back-off).
set -eu
: "${CATALOG:?}" "${WAREHOUSE:?}" "${BUCKET:?}" "${S3_ENDPOINT:?}" "${S3_REGION:?}" "${S3_PATH_STYLE_ACCESS:?}" "${S3_FLAVOR:?}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"

curl -fsS "$CATALOG/health" >/dev/null

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
    "path-style-access": $S3_PATH_STYLE_ACCESS,
    "flavor": "$S3_FLAVOR",
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
echo "warehouse $WAREHOUSE created"

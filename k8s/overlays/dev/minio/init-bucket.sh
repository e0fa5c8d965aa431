#!/bin/sh
# Creates the lakehouse bucket and the lakehouse's S3 user with read-write access; what exists is left as it is.
# Exits non-zero while MinIO is not up yet, so the Job retries.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"
: "${S3_ENDPOINT:?}" "${BUCKET:?}"
# mc keeps its aliases under $HOME, which is not writable for an arbitrary user id
export HOME=/tmp
mc alias set minio "$S3_ENDPOINT" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "minio/$BUCKET"
mc admin user add minio "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"
# attaching a policy that is already attached is an error: attach it only when missing (matched in the shell: the
# MinIO image, which brings mc, has no grep)
user_info=$(mc admin user info minio "$AWS_ACCESS_KEY_ID")
case "$user_info" in
  *readwrite*) echo "$AWS_ACCESS_KEY_ID already has readwrite" ;;
  *) mc admin policy attach minio readwrite --user "$AWS_ACCESS_KEY_ID" ;;
esac

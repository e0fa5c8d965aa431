#!/bin/sh
# Creates the lakehouse bucket and the lakehouse's own S3 user (not MinIO's administrator) with read-write access.
# Safe to run again: nothing that exists is changed.
set -eu
: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}" "${BUCKET:?}"
mc alias set minio http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "minio/$BUCKET"
mc admin user add minio "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"
# Attaching a policy that is already attached is an error: attach only when missing (shell matching, as the
# image has no grep).
user_info=$(mc admin user info minio "$AWS_ACCESS_KEY_ID")
case "$user_info" in
  *readwrite*) echo "$AWS_ACCESS_KEY_ID already has readwrite" ;;
  *) mc admin policy attach minio readwrite --user "$AWS_ACCESS_KEY_ID" ;;
esac

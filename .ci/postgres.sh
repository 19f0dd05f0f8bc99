#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the test suite; print its URL on stdout.
# Installs Debian's postgresql package when no server binaries are present.
# `postgres.sh stop DATA` stops the server whose files are in DATA (the folder the start wrote down).
set -euo pipefail
PORT="${PARALLAX_PG_PORT:-55432}"
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
BIN="$(find_bin || true)"
if [ "${1:-}" = stop ]; then
  DATA="${2:?usage: postgres.sh stop DATA}"
  if [ -n "$BIN" ]; then run "$BIN/pg_ctl" -D "$DATA/data" -m fast stop >/dev/null || true; fi
  exit 0
fi
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
DATA="$(mktemp -d /tmp/parallax-pg.XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$DATA"
run "$BIN/initdb" -D "$DATA/data" -A trust -U postgres -E UTF8 >&2
run "$BIN/pg_ctl" -D "$DATA/data" -l "$DATA/log" -w -o "-p $PORT -k $DATA -h 127.0.0.1 -c fsync=off" start >&2
run "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres parallax_test >&2
# Where the server's files are, for whoever stops it (`pg_ctl -D "$DATA/data" stop`).
[ -n "${PARALLAX_PG_DATA_FILE:-}" ] && echo "$DATA" > "$PARALLAX_PG_DATA_FILE"
echo "postgresql://postgres@127.0.0.1:$PORT/parallax_test"

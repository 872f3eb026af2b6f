#!/usr/bin/env bash
# Reproduces the Docker image's build without Docker: a clean clone, `npm ci`, `npm run build`,
# `npm prune --omit=dev`, then the server started from that pruned tree with NODE_ENV=production against
# MariaDB, and the smoke flow (.ci/smoke.cjs). Proves the runtime needs no dev dependency.
# Writes its counts to $1 ("passed failed").
set -euo pipefail
out="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
echo "0 1" > "$out"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
db="sw_smoke_$$"
port=4599
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  mysql --protocol=tcp -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$repo" "$work/app"
cd "$work/app"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
if [ -e node_modules/typescript ] || [ -e node_modules/vite ]; then
  echo "npm prune left dev dependencies behind"
  exit 1
fi
mysql --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE $db"
NODE_ENV=production DATABASE_URL="mysql://root@127.0.0.1:3306/$db" PORT=$port COOKIE_SECURE=false SEED_DEMO=true \
  MANUAL_PAYMENT_INSTRUCTIONS="Pay at the counter when you collect the order." \
  node --max-semi-space-size=4 dist/server/main.js > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
status=0
node "$repo/.ci/smoke.cjs" "http://127.0.0.1:$port" | tee "$work/smoke.out" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log"
  cat "$work/server.log"
fi
counts="$(sed -n 's/^smoke: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$work/smoke.out")"
echo "${counts:-0 1}" > "$out"
exit "$status"

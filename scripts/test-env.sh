#!/usr/bin/env bash
# Makes sure what the test suites need is here: Debian's Chromium and a reachable PostgreSQL.
# Idempotent; installs or starts only what is missing, and fails loudly instead of skipping.
set -euo pipefail

PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "test-env: need root to run: $*" >&2
		return 1
	fi
}

if [ ! -x "$CHROMIUM" ]; then
	echo "test-env: installing Debian's chromium …"
	as_root apt-get update -qq
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
[ -x "$CHROMIUM" ] || { echo "test-env: $CHROMIUM is missing; the browser suites cannot run" >&2; exit 1; }

pg_reachable() {
	node -e "
		const pg = require('pg');
		const client = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
		client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
	" "$PG_URL"
}

if ! pg_reachable; then
	if ! command -v pg_ctlcluster >/dev/null && [ ! -d /etc/postgresql ]; then
		echo "test-env: installing Debian's postgresql …"
		as_root apt-get update -qq
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
		for conf in /etc/postgresql/*/main/pg_hba.conf; do
			as_root sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(local\s+all\s+postgres\s+)\S+/\1trust/' "$conf"
		done
	fi
	for version in $(ls /etc/postgresql 2>/dev/null); do
		echo "test-env: starting PostgreSQL $version …"
		as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
	done
	for _ in $(seq 1 30); do pg_reachable && break; sleep 1; done
fi
pg_reachable || { echo "test-env: PostgreSQL at $PG_URL is not reachable; the PostgreSQL suites cannot run" >&2; exit 1; }
echo "test-env: chromium and PostgreSQL ready"

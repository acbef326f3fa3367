#!/usr/bin/env bash
# The whole suite: unit, integration on SQLite and PostgreSQL, end-to-end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-env.sh
npx svelte-kit sync
npx vite build
npx vitest run

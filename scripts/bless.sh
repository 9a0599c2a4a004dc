#!/usr/bin/env bash
# Rewrites the golden trees of the fixture sites (tests/fixtures/*/expected*/) from what
# plenary builds now, removing stale files, then shows what changed. Review every changed
# file before committing it: a golden file is only as good as the reading of it.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY_BLESS=1 cargo test --test cli golden
git status --short -- tests/fixtures
git diff --stat -- tests/fixtures

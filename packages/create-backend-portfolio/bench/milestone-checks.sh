#!/usr/bin/env bash
# The cost of the milestone checks, side by side with an earlier commit of this repository (medians with
# hyperfine, not timed assertions):
#   1. `pnpm milestone check all` in a ticketing project with every reference solution applied;
#   2. `pnpm milestone status` in a fresh ticketing project.
# Both projects of a pair share one installed node_modules, so only the generated checks and solutions differ.
# deploy's smoke run has no URL here and fails in both, so `check all` exits 1 (hyperfine -i).
# Usage: bash packages/create-backend-portfolio/bench/milestone-checks.sh [before-commit]
#   (needs hyperfine, pnpm and PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres:postgres@127.0.0.1:5432/cbp_test;
#    BENCH_RUNS, default 3, runs per command)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
before="${1:-c740a16}"
runs="${BENCH_RUNS:-3}"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/cbp_test}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The earlier commit, checked out and installed from the store (no network).
mkdir "$work/before-repo"
git -C "$repo" archive "$before" | tar -x -C "$work/before-repo"
(cd "$work/before-repo" && pnpm install --offline --frozen-lockfile >/dev/null)

# scaffold <repo> <name> [solutions]: a ticketing project in $work/<name>, linked to the shared node_modules.
scaffold() {
  local source="$1" name="$2"
  (cd "$work" && node --import "$source/node_modules/tsx/dist/esm/index.mjs" "$source/packages/create-backend-portfolio/src/bin.ts" \
    "$name" --background qa --domain ticketing --pm pnpm --yes --no-install --no-git >/dev/null)
  ln -s "$work/modules/node_modules" "$work/$name/node_modules"
  cp "$work/modules/pnpm-lock.yaml" "$work/$name/"
  if [ "${3:-}" = solutions ]; then (cd "$source" && node --import tsx generators/solutions/apply.ts "$work/$name" all >/dev/null); fi
}

# One install for all four projects: the generated dependencies are pinned in one file, the same in both commits.
(cd "$work" && node --import "$repo/node_modules/tsx/dist/esm/index.mjs" "$repo/packages/create-backend-portfolio/src/bin.ts" \
  modules --background qa --domain ticketing --pm pnpm --yes --no-git >/dev/null)
scaffold "$work/before-repo" before-all solutions
scaffold "$repo" after-all solutions
scaffold "$work/before-repo" before-fresh
scaffold "$repo" after-fresh

cd "$work"
hyperfine -i --runs "$runs" --export-json check-all.json \
  -n "check all, $before" "cd $work/before-all && pnpm milestone check all" \
  -n 'check all, working tree' "cd $work/after-all && pnpm milestone check all"
hyperfine --runs "$runs" --export-json status.json \
  -n "status (fresh), $before" "cd $work/before-fresh && pnpm milestone status" \
  -n 'status (fresh), working tree' "cd $work/after-fresh && pnpm milestone status"

node -e '
const fs = require("fs");
for (const file of process.argv.slice(1)) {
  const [was, now] = JSON.parse(fs.readFileSync(file, "utf8")).results;
  console.log(`${was.command}: median ${was.median.toFixed(1)} s; ${now.command}: median ${now.median.toFixed(1)} s; ratio ${(now.median / was.median).toFixed(2)}`);
}
' "$work/check-all.json" "$work/status.json"

#!/usr/bin/env bash
# Measures the two walking-skeleton figures with hyperfine (medians, not timed assertions):
#   1. scaffolding a project without install or git, from source;
#   2. the generated project's own test suite (`pnpm test`, embedded database).
# Usage: bash packages/create-backend-portfolio/bench/walking-skeleton.sh   (needs hyperfine and pnpm)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tsx="$(cd "$repo" && node -e "console.log(import.meta.resolve('tsx'))" --input-type=module)"
cli="node --import $tsx $repo/packages/create-backend-portfolio/src/bin.ts"

cd "$work"
hyperfine --warmup 2 --runs 15 --export-json scaffold.json \
  --prepare "rm -rf $work/bench-app" \
  "$cli bench-app --background frontend --domain ticketing --pm pnpm --yes --no-install --no-git"
files=$(find bench-app -type f | wc -l)

rm -rf bench-app
$cli bench-app --background frontend --domain ticketing --pm pnpm --yes --no-git >/dev/null
cd bench-app
hyperfine --warmup 1 --runs 7 --export-json "$work/tests.json" "pnpm test"

node -e '
const fs = require("fs");
const median = (file) => JSON.parse(fs.readFileSync(file, "utf8")).results[0].median;
console.log(`scaffold (no install, no git): median ${median(process.argv[1]).toFixed(3)} s for ${process.argv[3]} files`);
console.log(`generated test suite (pnpm test): median ${median(process.argv[2]).toFixed(2)} s`);
' "$work/scaffold.json" "$work/tests.json" "$files"

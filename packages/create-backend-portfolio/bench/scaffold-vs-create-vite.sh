#!/usr/bin/env bash
# Scaffolding time side by side with create-vite, in the same run on the same machine (hyperfine medians,
# never a timed assertion). Both write files only: no install, no git.
#   ours:        the built bin (dist/bin.js, what `pnpm create backend-portfolio` runs) with --yes --no-install --no-git
#   create-vite: the vanilla-ts template with --no-interactive (it never installs or inits git)
# Usage: bash packages/create-backend-portfolio/bench/scaffold-vs-create-vite.sh   (needs hyperfine, pnpm, npm)
set -euo pipefail
package="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
CREATE_VITE_VERSION=9.3.0

(cd "$package" && pnpm run build >/dev/null)
# create-vite from the registry, into a scratch folder, so the benchmark runs its published bin too.
npm install --silent --prefix "$work/peer" "create-vite@$CREATE_VITE_VERSION" >/dev/null
ours="node $package/dist/bin.js ours --background frontend --domain ticketing --pm pnpm --yes --no-install --no-git"
vite="node $work/peer/node_modules/create-vite/index.js vite-app --template vanilla-ts --no-interactive"

cd "$work"
hyperfine --warmup 3 --runs 20 --export-json results.json \
  --prepare "rm -rf $work/ours $work/vite-app" \
  -n create-backend-portfolio "$ours" -n "create-vite $CREATE_VITE_VERSION" "$vite"

rm -rf ours vite-app
$ours >/dev/null
$vite >/dev/null
node -e '
const fs = require("fs");
const [ours, vite] = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).results.map((r) => r.median);
console.log(`create-backend-portfolio: median ${ours.toFixed(3)} s, ${process.argv[2]} files`);
console.log(`create-vite:              median ${vite.toFixed(3)} s, ${process.argv[3]} files`);
console.log(`ratio (ours / create-vite): ${(ours / vite).toFixed(2)}; per file: ${((ours / process.argv[2]) / (vite / process.argv[3])).toFixed(2)}`);
' results.json "$(find ours -type f | wc -l)" "$(find vite-app -type f | wc -l)"

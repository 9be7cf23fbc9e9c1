#!/bin/bash
# `npm run mutate:chunks [-- CHUNK...]`: the mutation run (stryker.config.json) in eight parts, one after
# another, each with its own incremental file and JSON report under reports/mutation/. On a 2-core
# machine the whole run takes about two hours; a part that completed is never redone (Stryker's
# incremental mode reuses every result whose code and tests did not change), so the run can be spread
# over sessions. Survivors: `node tests/mutation/survivors.mjs reports/mutation/report-<chunk>.json`.
set -euo pipefail
cd "$(dirname "$0")/../.."
declare -A MUTATE=(
  [steps]='"src/lib/verify/steps/**/*.ts","src/lib/verify/status-list.ts"'
  [proofs]='"src/lib/verify/proofs/**/*.ts"'
  [reading]='"src/lib/verify/reading/**/*.ts"'
  [pipeline]='"src/lib/verify/pipeline.ts","src/lib/verify/presentation.ts","src/lib/verify/inner.ts","src/lib/verify/issuer-identity.ts"'
  [core]='"src/lib/verify/*.ts","!src/lib/verify/status-list.ts","!src/lib/verify/pipeline.ts","!src/lib/verify/presentation.ts","!src/lib/verify/inner.ts","!src/lib/verify/issuer-identity.ts"'
  [schema]='"src/lib/verify/schema/*.ts","src/lib/verify/contexts/*.ts"'
  [baked]='"src/lib/formats/baked/*.ts"'
  [formats]='"src/lib/formats/*.ts"'
)
mkdir -p reports/mutation
for chunk in "${@:-steps proofs reading pipeline core schema baked formats}"; do
  for c in $chunk; do
    [[ -n "${MUTATE[$c]:-}" ]] || { echo "unknown chunk $c (one of: ${!MUTATE[*]})" >&2; exit 2; }
    node -e '
      const fs = require("fs");
      const [c, list] = process.argv.slice(1);
      const base = JSON.parse(fs.readFileSync("stryker.config.json", "utf8"));
      base.mutate = JSON.parse("[" + list + ",\"!**/*.d.ts\",\"!src/lib/verify/contexts/data/**\",\"!src/lib/verify/schema/generated/**\"]");
      base.incrementalFile = `reports/mutation/incremental-${c}.json`;
      base.reporters = ["clear-text", "json", "progress-append-only"];
      base.jsonReporter = { fileName: `reports/mutation/report-${c}.json` };
      delete base.htmlReporter;
      fs.writeFileSync(`reports/mutation/stryker.${c}.json`, JSON.stringify(base, null, 2));
    ' "$c" "${MUTATE[$c]}"
    echo "=== $c: $(date +%T)"
    ./node_modules/.bin/stryker run "reports/mutation/stryker.$c.json"
  done
done

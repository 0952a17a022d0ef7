#!/usr/bin/env bash
# Re-measure the figures of record (benchmarks/figures/) with the installed qa-bot.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${1:-../shared/data}"
OUT=benchmarks/figures
qa-bot eval --no-progress "$DATA/xquad-es-dev.json" > "$OUT/xquad-es-dev.txt"
qa-bot eval --no-progress "$DATA/seed_dev.jsonl" > "$OUT/seed_dev.txt"
qa-bot eval --no-progress "$DATA/squad-es-v2-dev.json" > "$OUT/squad-es-v2-dev.txt"
if qa-bot eval --help | grep -q noticias; then
  qa-bot eval --no-progress "$DATA/noticias" > "$OUT/noticias.txt"
fi

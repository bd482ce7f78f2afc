#!/usr/bin/env bash
# PDF reader vs pdftotext: speed (1 and 2 processes) and word-level fidelity.
# usage: bench/pdf.sh [RUNS]   (from the repository root; builds the bench in release mode)
set -euo pipefail
RUNS=${1:-5}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/targets/pdf}
FIX=tests/fixtures/pdf
REAL=/work/shared/real-docs
mapfile -t FILES < <(ls $FIX/*.pdf $REAL/*/*.pdf | grep -v '/bad_' | grep -v encrypted_user)

echo "== clausescan (cargo bench, release)"
cargo bench --bench extract_pdf -- --runs "$RUNS" "${FILES[@]}"

pages=0
for f in "${FILES[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'); pages=$((pages + ${n:-0}))
done
echo "== pdftotext ($pages pages per run, $RUNS runs)"
t0=$(date +%s.%N)
for _ in $(seq "$RUNS"); do for f in "${FILES[@]}"; do pdftotext "$f" /dev/null 2>/dev/null || true; done; done
t1=$(date +%s.%N)
echo "1 process : $(echo "$t1 - $t0" | bc) s  $(echo "scale=1; $pages * $RUNS / ($t1 - $t0)" | bc) pages/s"
t0=$(date +%s.%N)
for _ in $(seq "$RUNS"); do printf '%s\0' "${FILES[@]}" | xargs -0 -P 2 -n 1 sh -c 'pdftotext "$0" /dev/null 2>/dev/null || true'; done
t1=$(date +%s.%N)
echo "2 processes: $(echo "$t1 - $t0" | bc) s  $(echo "scale=1; $pages * $RUNS / ($t1 - $t0)" | bc) pages/s"

echo "== fidelity (bag-of-words F1)"
OURS=$(mktemp -d); PT=$(mktemp -d); SRC=$(mktemp -d)
cargo bench --bench extract_pdf -- --dump "$OURS" "${FILES[@]}" >/dev/null
for f in "${FILES[@]}"; do
  n=$(basename "$f" .pdf); pdftotext "$f" "$PT/$n.txt" 2>/dev/null || true
  [ -f "${f%.pdf}.txt" ] && cp "${f%.pdf}.txt" "$SRC/$n.txt"
done
echo "-- fixtures against their source text"
mkdir -p "$OURS/fix" "$OURS/real"
for f in "$OURS"/*.txt; do
  n=$(basename "$f"); if [ -f "$SRC/$n" ]; then mv "$f" "$OURS/fix/"; else mv "$f" "$OURS/real/"; fi
done
python3 bench/pdf_fidelity.py "$OURS/fix" "$PT" "$SRC"
echo "-- real documents: agreement with pdftotext"
python3 bench/pdf_fidelity.py "$OURS/real" "$PT"

echo "== peak memory on bad inputs (/usr/bin/time -v, release bench binary in --dump mode)"
B=$(ls -t "$CARGO_TARGET_DIR"/release/deps/extract_pdf-* | grep -v '\.d$' | head -1)
for f in $FIX/bad_*.pdf; do
  kb=$(/usr/bin/time -v "$B" --dump "$(mktemp -d)" "$f" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
  echo "$(basename "$f"): ${kb} KB"
done
rm -rf "$OURS" "$PT" "$SRC"

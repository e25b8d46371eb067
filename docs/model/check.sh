#!/usr/bin/env bash
# Model-checks the booking protocol (docs/model/booking.pml) with SPIN; see docs/model/README.md.
#
#   docs/model/check.sh            the full check: the protocol as it is, bookers A+B and A+C, each
#                                  with the canceller, exhaustively; the LTL property of -DLIVENESS;
#                                  and -DOLD_RELEASE, which must fail
#   docs/model/check.sh --quick    only A+B (current, exhaustive) and -DOLD_RELEASE (what the JUnit
#                                  test ModelMappingTest runs)
#   docs/model/check.sh --trail F  also writes the -DOLD_RELEASE counterexample (spin -t -p) to F
#
# Needs spin and gcc. Exit code 0 only if every current run finishes with no error and no
# unfinished search, and the OLD_RELEASE run finds an assertion violation. Prints pan's figures.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
quick=0
trail_out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --trail) shift; trail_out=${1:?--trail needs a file}; case "$trail_out" in /*) ;; *) trail_out="$PWD/$trail_out" ;; esac ;;
    -h|--help) sed -n 2,12p "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
for tool in spin gcc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check.sh: $tool is not on PATH (Debian: apt-get install spin gcc)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# run NAME EXPECT(pass|violation) SPIN-FLAGS...
run() {
  local name=$1 expect=$2
  shift 2
  local dir="$work/$name"
  mkdir -p "$dir" && cp "$here/booking.pml" "$dir/"
  echo "== $name: spin -a $* booking.pml; gcc -O2 -DSAFETY -DCOLLAPSE -DMEMLIM=2048; ./pan -m200000 -w26"
  if ! (cd "$dir" && spin -a "$@" booking.pml >spin.txt 2>&1 && gcc -O2 -DSAFETY -DCOLLAPSE -DMEMLIM=2048 -o pan pan.c 2>gcc.txt); then
    echo "   FAILED to generate or compile the verifier:"; cat "$dir/spin.txt" "$dir/gcc.txt" 2>/dev/null | sed 's/^/   /'
    failed=1; return
  fi
  local start end
  start=$(date +%s)
  (cd "$dir" && ./pan -m200000 -w26 >pan.txt 2>&1)
  end=$(date +%s)
  grep -E 'assertion violated|errors:|states, stored|states, matched|total actual memory|elapsed time|Search not completed|max search depth too small|reached -DMEMLIM' "$dir/pan.txt" | sed 's/^[[:space:]]*/   /'
  echo "   wall clock $((end - start)) s"
  local errors
  errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' "$dir/pan.txt" | head -1)
  if [ "$expect" = pass ]; then
    if [ "$errors" = 0 ] && ! grep -qE 'Search not completed|max search depth too small' "$dir/pan.txt"; then
      echo "   as expected: exhaustive, no error"
    else
      echo "   UNEXPECTED: the current protocol must verify with no error and a completed search"
      failed=1
    fi
  else
    if [ -n "$errors" ] && [ "$errors" -gt 0 ] && [ -f "$dir/booking.pml.trail" ]; then
      echo "   as expected: a counterexample ($(grep -m1 'assertion violated' "$dir/pan.txt" | sed 's/^[[:space:]]*//'))"
      if [ -n "$trail_out" ]; then
        (cd "$dir" && spin -t -p -g -l "$@" booking.pml) >"$dir/trail.txt" 2>&1
        cp "$dir/trail.txt" "$trail_out"
        echo "   trail written to $trail_out"
      fi
    else
      echo "   UNEXPECTED: the release rule before commit 0880105 must produce a counterexample"
      failed=1
    fi
  fi
}

# live NAME SPIN-FLAGS...: the LTL property of -DLIVENESS (no faults, no competitor) must hold
live() {
  local name=$1
  shift
  local dir="$work/$name"
  mkdir -p "$dir" && cp "$here/booking.pml" "$dir/"
  echo "== $name: spin -a $* booking.pml; gcc -O2 -DMEMLIM=2048; ./pan -a"
  if ! (cd "$dir" && spin -a "$@" booking.pml >spin.txt 2>&1 && gcc -O2 -DMEMLIM=2048 -o pan pan.c 2>gcc.txt \
        && ./pan -a -m200000 >pan.txt 2>&1); then
    echo "   FAILED to run"; failed=1; return
  fi
  grep -E 'never claim|errors:|states, stored|elapsed time' "$dir/pan.txt" | sed 's/^[[:space:]]*/   /'
  if grep -q 'errors: 0' "$dir/pan.txt"; then
    echo "   as expected: the booking completes on every run"
  else
    echo "   UNEXPECTED: a run in which the booking never completes"; failed=1
  fi
}

run current-AB pass
if [ "$quick" = 0 ]; then
  run current-AC pass -DPAIR_AC
  live liveness-BC -DLIVENESS
  live liveness-A -DLIVENESS -DLIVE_A
fi
run old-release-AB violation -DOLD_RELEASE -DOVERLAP_ONLY

if [ "$failed" != 0 ]; then
  echo "check.sh: FAILED (see above)"
  exit 1
fi
echo "check.sh: all expectations met"

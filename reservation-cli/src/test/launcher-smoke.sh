#!/usr/bin/env bash
# Smoke test of the command line as a real process: runs bin/reservation against a fresh data
# directory and checks exit codes and output of seed, rooms list, reserve, a conflicting reserve
# (exit 4, the conflict and suggestions on stderr), reservations cancel, and state kept between
# processes. Plain bash, no test framework.
#
#   bash reservation-cli/src/test/launcher-smoke.sh <repo root>
#
# RESERVATION_LAUNCHER overrides the launcher (default <repo root>/bin/reservation).
set -uo pipefail

root=${1:?usage: launcher-smoke.sh <repo root>}
launcher=${RESERVATION_LAUNCHER:-$root/bin/reservation}
[ -x "$launcher" ] || { echo "launcher smoke: FAIL: no executable launcher at $launcher" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
checks=0
out=""
err=""

fail() {
  echo "launcher smoke: FAIL: $*" >&2
  echo "--- stdout:" >&2; printf '%s\n' "$out" >&2
  echo "--- stderr:" >&2; printf '%s\n' "$err" >&2
  exit 1
}

# expect <exit code> <args...>: runs the launcher on the test data dir; leaves $out and $err
expect() {
  local wanted=$1 code
  shift
  "$launcher" --data-dir "$data" "$@" >"$work/out" 2>"$work/err"
  code=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  [ "$code" = "$wanted" ] || fail "'reservation $*' exited $code, expected $wanted"
  checks=$((checks + 1))
}

# contains <text> <needle> <what>
contains() {
  case "$1" in
    *"$2"*) ;;
    *) fail "$3: expected to find '$2'" ;;
  esac
}

echo "launcher smoke: $launcher, data dir $data"

expect 0 seed
contains "$out" "Seeded: 5 users, 6 locations and 10 rooms added." "seed"

expect 0 rooms list
contains "$out" "Spree" "rooms list"
contains "$out" "Auditorium" "rooms list"

expect 0 --json reserve --room Spree --user grace@example.com --start "tomorrow 10:00" --end 11:00 \
  --title "Smoke standup" --attendees 3
id=$(printf '%s\n' "$out" | sed -n 's/^ *"id" *: *"\([^"]*\)".*/\1/p' | head -n 1)
[ -n "$id" ] || fail "reserve --json printed no reservation id"
contains "$out" '"status" : "CONFIRMED"' "reserve"

expect 4 reserve --room Spree --user alan@example.com --start "tomorrow 10:30" --duration 1h --title "Clash"
[ -z "$out" ] || fail "a refused reservation printed something on stdout"
contains "$(printf '%s\n' "$err" | head -n 1)" "conflict: Spree is already booked" "conflicting reserve"
contains "$err" "conflicts with: $id" "conflicting reserve"
contains "$err" "suggestion: Spree is next free" "conflicting reserve"
contains "$err" "suggestion: free at that time:" "conflicting reserve"

expect 0 reservations cancel "$id"
contains "$out" "Cancelled: $id" "cancel"

expect 0 --json reservations show "$id"
contains "$out" '"status" : "CANCELLED"' "show after cancel"

expect 0 reserve --room Spree --user alan@example.com --start "tomorrow 10:30" --duration 1h --title "Now free"
contains "$out" "Booked: " "reserve after cancel"

expect 0 seed
contains "$out" "Nothing to seed" "second seed (state kept between processes)"

expect 2 rooms lst
contains "$err" "usage error:" "usage error"

echo "launcher smoke: OK ($checks commands checked)"

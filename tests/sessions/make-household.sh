#!/bin/sh
# make-household.sh: makes tests/sessions/household/ again with the
# program itself, in plain mode with the clock fixed: one household
# (grown-ups Priya and Tom, region UK) with two children. Maya (12) is
# signed, with both grown-ups' own words and one rule still to agree;
# Leo (9) was started from the household and is in progress.
#
#   sh tests/sessions/make-household.sh [TALKPACT]   (from the source tree)
set -eu
tp=${1:-src/talkpact}
out=tests/sessions/household
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp" TZ=UTC LC_ALL=C.UTF-8
unset XDG_DATA_HOME

# Maya: the family, a short talk, two answers in three voices, the rest skipped.
{
	printf '1\nMaya\n12\n\nPriya\nTom\n\nUK\n/short\n'
	printf 'I chat with my cousins and two friends from school\n'
	printf 'I like that she knows them all\n\n'
	printf 'On the landing, but I read on it first\n'
	printf 'I would rather it slept in the kitchen\nThe landing is fine by me\n'
	printf '/skip\n/skip\n/skip\n/skip\n/skip\n/skip\n/skip\n/skip\n\n'
} | TALKPACT_NOW=2026-11-20T18:00:00Z "$tp" --plain >/dev/null

# The agreement: meal times not agreed yet by Maya; a house rule; signed.
{
	i=0; while [ $i -lt 13 ]; do printf '\n'; i=$((i + 1)); done
	printf '?\nMaya\nTom checks the football scores at dinner\n'
	i=0; while [ $i -lt 50 ]; do printf '\n'; i=$((i + 1)); done
	printf 'Phones sleep in the kitchen at nine, grown-ups too\n\n\n'
	i=0; while [ $i -lt 10 ]; do printf '\n'; i=$((i + 1)); done
	printf 'Maya\nPriya\nTom\n'
} | TALKPACT_NOW=2026-11-20T18:40:00Z "$tp" --plain resume >/dev/null

# Leo: started from the household (no grown-ups or region asked), one answer.
{
	printf '1\nLeo\n9\n\n'
	printf 'Ben from next door and my class group\n'
	printf 'We know Ben well\nThe class group is new to us\n'
	printf '/quit\n'
} | TALKPACT_NOW=2026-11-27T17:30:00Z "$tp" --plain >/dev/null

rm -rf "$out"
mkdir -p "$out"
cp -R "$tmp/talkpact/." "$out/"
find "$out" -type f | sort

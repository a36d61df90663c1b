# regions.sh: an unsigned copy of each band's sample session (stage
# agreeing, signatures removed) rendered for each region: the currency,
# the social-media age, the law's wording on images and exactly the help
# lines the content guide's table gives for that band and region.
. "$top_srcdir/tests/lib.sh"

TZ=UTC
export TZ

# The help lines each band and region shows, in order (the content
# guide's table; Take It Down, for every region, comes last).
lines() {	# lines REGION BAND
	case $1 in
	UK)
		echo "Childline|NSPCC helpline|Police"
		[ "$2" != 4-7 ] && echo "CEOP Safety Centre"
		case $2 in 11-13|14-17) echo "Report Harmful Content|Report Remove (Childline and IWF)" ;; esac
		[ "$2" = 14-17 ] && echo "Samaritans|Shout"
		case $2 in 11-13|14-17) echo "ACT Early" ;; esac
		;;
	IE)
		echo "Childline (ISPCC)|An Garda Síochána"
		case $2 in 11-13|14-17) echo "Hotline.ie" ;; esac
		[ "$2" = 14-17 ] && echo "Samaritans"
		;;
	US)
		echo "Childhelp National Child Abuse Hotline|Emergency services"
		[ "$2" != 4-7 ] && echo "NCMEC CyberTipline"
		case $2 in 11-13|14-17) echo "988 Suicide and Crisis Lifeline" ;; esac
		;;
	AU)
		echo "Kids Helpline|Triple Zero"
		[ "$2" != 4-7 ] && echo "eSafety Commissioner"
		case $2 in 11-13|14-17) echo "ACCCE" ;; esac
		[ "$2" = 14-17 ] && echo "Lifeline"
		;;
	esac
	case $2 in 11-13|14-17) echo "Take It Down" ;; esac
	return 0
}

for band in 4-7 8-10 11-13 14-17; do
	for region in UK IE US AU; do
		sess="$T/$band-$region.yaml"
		sed -e '/^signatures:/,$d' -e 's/^stage: signed$/stage: agreeing/' \
		    -e "s/^  region: .*/  region: \"$region\"/" \
		    "$top_srcdir/tests/sessions/$band.yaml" >"$sess"
		grep -q "^  region: \"$region\"\$" "$sess" && grep -q '^stage: agreeing$' "$sess" ||
		    not_ok "$band $region: the unsigned copy names the region"
		run "$TALKPACT" render "$sess" --format txt
		[ "$region" != UK ] && expect_no_match out '£' "$band $region: no £ in the text"
		run "$TALKPACT" render "$sess" --format html
		expect_rc 0 "$band $region: renders"
		# Dates and numbers are kept whole on the page in spans: read the words.
		out=$(printf '%s\n' "$out" | sed 's/<span class="nowrap">//g; s/<\/span>//g')
		expect_no_match out 'Signed in talkpact' "$band $region: unsigned"

		want=$(lines "$region" "$band" | tr '\n' '|' | sed 's/|$//')
		got=$(printf '%s\n' "$out" | sed -n '/^<p>Help and reporting lines (/,/^<\/ul>/s/^<li><strong>\([^<]*\)<\/strong>: .*/\1/p' |
		    tr '\n' '|' | sed 's/|$//')
		expect_eq "$got" "$want" "$band $region: the help lines are the table's"

		if [ "$region" = UK ]; then
			[ "$band" = 11-13 ] && expect_match out 'no more than £<strong>5</strong> a month' "$band UK: money in pounds"
		else
			expect_no_match out '£' "$band $region: no £ outside the UK"
			expect_no_match out '[Ii]n the UK' "$band $region: the UK's law is not said to others"
		fi
		case $region in IE) cur='€' ;; US|AU) cur='\$' ;; *) cur='£' ;; esac
		[ "$band" = 11-13 ] && expect_match out "no more than ${cur}<strong>5</strong> a month" "$band $region: money in the region's currency"

		if [ "$region" = AU ]; then
			expect_no_match out '13[^0-9].*social|social.*[^0-9]13([^0-9]|$)' \
			    "$band AU: no 13 for social media"
			[ "$band" = 11-13 ] && expect_match out 'waits until 16, the age the law has set for most social media since 10 December 2025, before joining social media' \
			    "$band AU: 16 for social media, with its date"
		elif [ "$band" = 11-13 ]; then
			expect_match out 'waits until 13, the age most social apps set in their terms, before joining social media' \
			    "$band $region: 13 by the apps' terms"
		fi

		case $band in
		11-13|14-17)
			if [ "$region" = UK ]; then
				expect_match out 'In the UK it is a crime to make, have or share a sexual picture of anyone under 18' \
				    "$band UK: the UK's law on images"
			else
				expect_match out 'A sexual picture of anyone under 18 harms them, even a fake or AI-made one, and it can be a crime' \
				    "$band $region: the neutral wording on images"
			fi
			;;
		4-7)
			expect_no_match out 'Report Remove|Take It Down|nude' "$band $region: no nude-image service"
			;;
		esac
	done
done

# A region with no lines or facts of its own (a school adds NZ with a
# file): only the lines for every country, and the facts' neutral wording.
mkdir -p "$T/nz"
cat >"$T/nz/nz.yaml" <<'YAML'
help:
  - region: NZ
    name: New Zealand
    resources: []
YAML
sed -e '/^signatures:/,$d' -e 's/^stage: signed$/stage: agreeing/' \
    -e 's/^  region: .*/  region: "NZ"/' "$top_srcdir/tests/sessions/11-13.yaml" >"$T/nz.yaml"
run "$TALKPACT" --content "$T/nz" render "$T/nz.yaml" --format html
expect_rc 0 "NZ: renders with a school's own region file"
got=$(printf '%s\n' "$out" | sed -n '/^<p>Help and reporting lines (/,/^<\/ul>/s/^<li><strong>\([^<]*\)<\/strong>: .*/\1/p')
expect_eq "$got" "Take It Down" "NZ: only the line for every country"
expect_match out 'no more than <strong>5</strong> a month' "NZ: no currency symbol"
expect_match out "waits until the age each app sets in its terms, and any age the law sets where we live, before joining" \
    "NZ: the neutral social-media wording"
expect_no_match out '£|In the UK' "NZ: nothing of the UK's"

# The conversation's agreement step fills the same facts (plain mode).
{ printf '%s\n' 1 Zoe 12 '' Ana '' AU; i=0
  while [ "$i" -lt 60 ]; do echo /skip; i=$((i + 1)); done
  i=0; while [ "$i" -lt 30 ]; do echo; i=$((i + 1)); done; } >"$T/plain-au"
run "$TALKPACT" --plain <"$T/plain-au"
expect_match out 'Include: Zoe waits until 16, the age the law has set for most social media since 10 December 2025, before joining' \
    "plain mode, AU: the region's social-media age in the clause"
expect_match out 'Include: .*we spend no more than \$5 a month on them' \
    "plain mode, AU: the region's currency in the clause"
expect_no_match out '___5|until ___' "plain mode: no region fact left blank"

done_testing

#!/bin/bash
# catalogs.sh - every string the code marks for translation has an Indonesian translation: xgettext
# collects the msgids of each gettext domain from its folder, and the domain's id.po must translate
# each one (not empty, not fuzzy, not left in English). Also keeps known English slips out.
set -u
ROOT=${AKSES_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
bad=0
say() { echo "catalogs: $*" >&2; bad=1; }

# The msgids of a PO file on stdin, one a line (a multi-line one joined; the header left out).
msgids() {
	awk '/^msgid / { id = substr($0, 8, length($0) - 8); on = 1; next }
	     on && /^"/ { id = id substr($0, 2, length($0) - 2); next }
	     on { if (id != "") print id; on = 0 }'
}

# domain  keyword  folder (the domain's C sources; N_ marks a string translated later)
while read -r dom kw dir; do
	po=$ROOT/assets/po/$dom/id.po
	pot=$T/$dom.pot
	srcs=$(cd "$ROOT" && ls "$dir"/*.c "$dir"/*.h 2>/dev/null)
	(cd "$ROOT" && xgettext -L C --from-code=UTF-8 -k -k"$kw" -kN_ -kRN_ -o "$pot" $srcs) ||
		{ say "$dom: xgettext failed"; continue; }
	[ -s "$pot" ] || { say "$dom: no msgid found in $dir"; continue; }
	n=$(msgids <"$pot" | wc -l)
	# the catalog merged with what the code uses: each msgid it leaves untranslated (absent, empty
	# or fuzzy in id.po) is a string an Indonesian user would read in English
	msgmerge -q --no-fuzzy-matching -o "$T/$dom.po" "$po" "$pot" || { say "$dom: msgmerge"; continue; }
	{ msgattrib --no-obsolete --untranslated --no-wrap "$T/$dom.po"
	  msgattrib --no-obsolete --only-fuzzy --no-wrap "$T/$dom.po"; } | msgids >"$T/$dom.un"
	if [ -s "$T/$dom.un" ]; then
		sed "s/^/$dom: untranslated: /" "$T/$dom.un" >&2
		say "$dom: $(wc -l <"$T/$dom.un") of $n msgids have no Indonesian in assets/po/$dom/id.po"
	fi
	# English left as the "translation": the same text with two words or more
	msgcat --no-wrap "$po" | awk -v dom="$dom" '
		/^msgid "/ { id = substr($0, 7); next }
		/^msgstr "/ { s = substr($0, 8)
			if (s == id && id ~ /[A-Za-z]{3,}[^A-Za-z]+[A-Za-z]{3,}/)
				{ print dom ": left in English: " id; found = 1 } }
		END { exit found }' >&2 || say "$dom: English text left in $po"
	echo "catalogs: $dom: $n msgids checked"
done <<LIST
akses-core C_ kiosk/core
akses-kiosk _ kiosk/ui
akses-kiosk _ kiosk/widget
aksesctl T_ kiosk/ctl
akses-paper P_ kiosk/paper
akses-printer R_ printer
akses-web W_ kiosk/web
akses-notify M_ kiosk/notify
LIST

# wording a reader took the wrong way (issue 9.6)
for slip in "Dispose to" "Why do you come" "When do you come"; do
	grep -rq "\"$slip" "$ROOT/kiosk" && say "the English text still says \"$slip\""
done
[ $bad -eq 0 ] && echo "PASS catalogs"
exit $bad

#!/bin/sh
# extract.sh DIR FILE... - write each example block of the man pages
# (EXAMPLES, .Bd -literal) and of a README (indented blocks) to DIR/NNN as
# a shell script whose first line names its source.  In a block with "$ "
# prompts only the prompted lines (and their continuations) are commands;
# a crontab line keeps its command; blocks that name no svc command, or
# that run make, are not examples of svc.
dir=$1
shift
n=0
for f in "$@"; do
	case $f in
	*.md) prog='/^    / { print substr($0, 5); next } /^$/ { print ""; next } { print "@@" }' ;;
	*) prog='/^\.Sh EXAMPLES/ { ex = 1; next } /^\.Sh / { ex = 0 }
	    ex && /^\.Bd -literal/ { lit = 1; next } ex && /^\.Ed/ { lit = 0; print "@@"; next }
	    ex && lit { l = $0; gsub(/\\e/, "\\", l); print l }' ;;
	esac
	awk "$prog" "$f" | awk -v f="$f" -v dir="$dir" -v n="$n" '
	function flush(   i, p, keep, out) {
		if (nb == 0) return
		p = 0
		for (i = 1; i <= nb; i++) if (substr(b[i], 1, 2) == "$ ") p = 1
		out = ""; keep = 0
		for (i = 1; i <= nb; i++) {
			l = b[i]
			if (p) {
				if (substr(l, 1, 2) == "$ ") { l = substr(l, 3); keep = 1 }
				else if (!keep) continue
			}
			sub(/^[0-9*\/,-]+ +[0-9*\/,-]+ +[0-9*\/,-]+ +[0-9*\/,-]+ +[0-9*\/,-]+ +/, "", l)
			out = out l "\n"
			keep = p ? (l ~ /\\$/) : 1
		}
		nb = 0
		if (out !~ /svc-/ || out ~ /(^|\n)make /) return
		file = sprintf("%s/%03d", dir, ++n)
		printf "# %s\n%s", f, out > file
		close(file)
	}
	/^@@$/ { flush(); next }
	/^$/ { if (nb) b[++nb] = ""; next }
	{ b[++nb] = $0 }
	END { flush(); print n > (dir "/.count") }'
	n=$(cat "$dir/.count")
done

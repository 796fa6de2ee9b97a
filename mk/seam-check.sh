#!/bin/sh
# mk/seam-check.sh - the SQL layer holds (issue 20): only the files that
# speak to the engine name it.  Every other module of lib/ and cmd/ goes
# through svc.h's svc_db, svc_stmt, svc_bind_*, svc_step and svc_col_*,
# so that a second engine is a driver beside SQLite's, not an edit of
# every module.  TAP-like lines for tests/run.sh.
engine="lib/sql.c lib/pg.c lib/db.c lib/query.c lib/engine.h"

is_engine() {
	for e in $engine; do [ "$1" = "$e" ] && return 0; done
	return 1
}

for f in lib/*.c lib/*.h cmd/*.c bench/gen.c; do
	is_engine "$f" && continue
	# a comment may name the sqlite3 shell; code may not call it
	if grep -n 'sqlite3_[a-z]\|<sqlite3\.h>\|\bsqlite3 \*\|SQLITE_[A-Z]' \
	    "$f" >/tmp/seam.$$; then
		echo "not ok $f speaks to SQLite outside the SQL layer"
		sed 's/^/#   /' /tmp/seam.$$
	elif grep -q '"engine\.h"' "$f"; then
		echo "not ok $f includes engine.h, the engine's own handles"
	else
		echo "ok $f goes through the SQL layer"
	fi
done
rm -f /tmp/seam.$$

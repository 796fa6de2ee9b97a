#!/bin/sh
# mk/pot.sh OUT - every message the sources mark, for po/zh_CN.po: the C
# sources' (_, N_, NC_ and the error functions' formats) and the demo's
# story (the argument of each say and gettext in share/svc/demo.sh).
set -eu
out=$1
xgettext --from-code=UTF-8 --language=C --no-location --sort-output \
	-k_ -kN_ -kNC_:1c,2 -ksvc_seterr:3 -ksvc_warnx:1 -ksvc_die:2 \
	-o "$out" lib/*.c cmd/*.c
xgettext --from-code=UTF-8 --language=Shell --no-location --sort-output \
	-k -ksay -kgettext -j -o "$out" share/svc/demo.sh

# svc - on-site service work, from the first request to the archived record.
#
#   make            build every command
#   make check      unit tests (cmocka), CLI tests, man-page lint
#   make check SANITIZE=1   the same under AddressSanitizer and UBSan
#   make demo       a short demonstration on a temporary database
#   make bench      speed and memory against the sqlite3 shell (N=1000000)
#   make fuzz       libFuzzer on the parsers (clang), FUZZ_SECONDS each
#   make install    PREFIX=/usr/local DESTDIR=
#   make install-server  the same, for several users: setgid svc, the
#                   database in STATEDIR=/var/lib/svc (run as root)
#   make installcheck   install into a temporary PREFIX, try, uninstall
#   make deps       install the Debian packages the build needs

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/svc
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
LOCALEDIR ?= $(PREFIX)/share/locale
# The shared install (install-server): the state and configuration
# directories are compiled in, never taken from the environment.
STATEDIR ?= /var/lib/svc
SYSCONFDIR ?= /etc/svc
SVCGROUP ?= svc

CC ?= cc
CFLAGS ?= -O2 -g
WERROR ?= -Werror
SVC_CFLAGS = -std=c11 -D_GNU_SOURCE -Wall -Wextra $(WERROR) \
	-Wno-unused-parameter -Ilib -DSVC_SHAREDIR='"$(SHAREDIR)"' \
	-DSVC_STATEDIR='"$(STATEDIR)"' -DSVC_SYSCONFDIR='"$(SYSCONFDIR)"' \
	-DSVC_LOCALEDIR='"$(LOCALEDIR)"' $(PQ_CFLAGS) -pthread
PKGS = sqlite3 yaml-0.1 libsodium libical
# libpq: its header only; pg.c loads the library when a connection asks
PQ_CFLAGS = $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
# -pthread: an import reads its file on a thread of its own (ahead.c)
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -lyaml -lsodium -lical) -pthread
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

ifeq ($(SANITIZE),1)
B = build/san
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
else
B = build/std
SAN =
endif

# TOOLS are the commands that touch the database (setgid in install-server);
# svc, the front door, only finds them and is never setgid.
TOOLS = svc-assign svc-cal svc-complaint svc-db svc-notify svc-order svc-pay svc-plan svc-product svc-report svc-staff svc-visit
COMMANDS = svc $(TOOLS)
LIBMODS = err i18n buf utf8 when clock cal money yaml jsonl ahead tmpl conduct conf schema schema_pg sql pg db acting event sha256 plan \
	staff leave roster order reply order_view history order_import assign product visit close sheet pay complaint report query out ids known seal copy notify cli
UNITS = when cal money utf8 yaml jsonl ahead history conf db out ids staff event buf order assign product visit pay report known seal sha256 acting notify plan sql

LIBOBJ = $(LIBMODS:%=$(B)/lib/%.o)
BINS = $(COMMANDS:%=$(B)/bin/%)
UNITBINS = $(UNITS:%=$(B)/tests/test_%)
MAN1 = $(COMMANDS:%=man/man1/%.1)
MANPAGES = $(MAN1) man/man5/svc-config.5 man/man7/svc.7 \
	man/man7/svc-postgresql.7
MO = $(B)/locale/zh_CN/LC_MESSAGES/svc.mo

all: $(BINS) $(MO)

# The message catalogue (i18n.c): po/zh_CN.po is the source, kept without
# source locations so that a moved line does not change it.  `make po`
# brings it up to date with the sources after a message changed; `make
# check` fails while a message lacks its translation or the catalogue
# holds one the sources no longer have (mk/po-check.sh).
$(MO): po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ po/zh_CN.po

po:
	sh mk/pot.sh po/svc.pot
	msgmerge -q --update --no-location --sort-output --backup=none \
		po/zh_CN.po po/svc.pot
	@rm -f po/svc.pot
	@msgfmt --statistics -o /dev/null po/zh_CN.po

# The flags, PREFIX among them (SVC_SHAREDIR is compiled in), are kept in
# a file that changes only when they do, so `make install PREFIX=...`
# rebuilds what depends on them.
FLAGS = $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS)
$(B)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(FLAGS)' | cmp -s - $@ || echo '$(FLAGS)' >$@

$(B)/lib/%.o: lib/%.c lib/svc.h lib/cli.h lib/engine.h $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) -c -o $@ $<

$(B)/libsvc.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(B)/bin/%: cmd/%.c $(B)/libsvc.a $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS) -o $@ $< \
		$(B)/libsvc.a $(LIBS)

$(B)/tests/test_%: tests/unit/test_%.c tests/unit/unit.h $(B)/libsvc.a
	@mkdir -p $(@D)
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< \
		$(B)/libsvc.a $(LIBS) $(CMOCKA_LIBS)

# check and demo pull in the Debian packages first when one is missing.
# make check DB=pg: the CLI tests on PostgreSQL (tests/run.sh).
DB ?= sqlite
check:
	@sh mk/deps.sh --if-missing
	@$(MAKE) -s --no-print-directory all units $(FUZZREPLAY) $(B)/gen
	@SVC_TEST_DB=$(DB) sh tests/run.sh $(B) $(UNITBINS)

units: $(UNITBINS)

$(B)/gen: bench/gen.c bench/replicate.c bench/gen.h $(B)/libsvc.a
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS) -o $@ bench/gen.c \
		bench/replicate.c $(B)/libsvc.a $(LIBS)

# What the PostgreSQL driver sends for each statement (mk/pg-dialect.sh).
$(B)/pg-text: mk/pg-text.c $(B)/libsvc.a
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS) -o $@ mk/pg-text.c \
		$(B)/libsvc.a $(LIBS)

# make bench [N=1000000]: figures against the sqlite3 shell; not a test.
# make bench DB=pg N=100000: the same file and its copy on PostgreSQL.
N ?= 1000000
bench: all $(B)/gen
	@if [ "$(DB)" = pg ]; then sh bench/pg.sh $(B) $(N); \
	else sh bench/run.sh $(B) $(N); fi

# Fuzz targets: libFuzzer under clang for `make fuzz`; a plain replay of
# the corpus under the normal compiler for `make check`.
FUZZ = when money conf import ids
FUZZREPLAY = $(FUZZ:%=$(B)/tests/replay_%)
FUZZ_SECONDS ?= 30
LIBSRC = $(LIBMODS:%=lib/%.c)

$(B)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/libsvc.a
	@mkdir -p $(@D)
	$(CC) $(SVC_CFLAGS) $(SAN) $(CFLAGS) $(LDFLAGS) -Itests/fuzz -o $@ \
		tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(B)/libsvc.a $(LIBS)

fuzz:
	@command -v clang >/dev/null || { echo "fuzz: needs clang (apt-get install clang)"; exit 1; }
	@mkdir -p build/fuzz
	@for t in $(FUZZ); do \
		clang -std=c11 -D_GNU_SOURCE -g -O1 -Ilib -Itests/fuzz \
			-fsanitize=fuzzer,address,undefined -o build/fuzz/$$t \
			tests/fuzz/fuzz_$$t.c $(LIBSRC) $(LIBS) || exit 1; \
		mkdir -p build/fuzz/corpus-$$t; \
		build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
			build/fuzz/corpus-$$t tests/fuzz/corpus/$$t || exit 1; \
	done

installcheck:
	@sh mk/deps.sh --if-missing
	@sh tests/install.sh

demo:
	@sh mk/deps.sh --if-missing
	@$(MAKE) -s --no-print-directory all
	@sh share/svc/demo.sh $(B)/bin

deps:
	@sh mk/deps.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(SHAREDIR)/holidays $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
		$(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/svc.mo
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/man5/svc-config.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/man7/svc.7 man/man7/svc-postgresql.7 \
		$(DESTDIR)$(MANDIR)/man7
	install -m 644 share/svc/config.yaml share/svc/staff.yaml \
		share/svc/crontab.example \
		$(DESTDIR)$(SHAREDIR)
	install -m 755 share/svc/demo.sh share/svc/gateway-gammu.sh \
		share/svc/gateway-sendmail.sh $(DESTDIR)$(SHAREDIR)
	install -m 644 share/svc/holidays/*.yaml $(DESTDIR)$(SHAREDIR)/holidays
	for c in $(COMMANDS); do \
		install -m 644 completions/svc.bash \
			$(DESTDIR)$(BASHCOMPDIR)/$$c || exit 1; \
	done
	install -m 644 completions/_svc $(DESTDIR)$(ZSHCOMPDIR)/_svc
	for c in $(COMMANDS); do \
		install -m 644 completions/svc.fish \
			$(DESTDIR)$(FISHCOMPDIR)/$$c.fish || exit 1; \
	done

# Several users on one machine, in the Unix tradition of crontab and the
# mail spool: the commands setgid $(SVCGROUP), the database in $(STATEDIR)
# (2770 root:$(SVCGROUP), the file 0660), so that staff change it only
# through the commands.  The configuration is $(SYSCONFDIR)/config.yaml.
install-server: install
	getent group $(SVCGROUP) >/dev/null || groupadd --system $(SVCGROUP)
	install -d -m 2770 -o root -g $(SVCGROUP) $(DESTDIR)$(STATEDIR)
	install -d -m 755 $(DESTDIR)$(SYSCONFDIR)
	[ -e $(DESTDIR)$(SYSCONFDIR)/config.yaml ] || install -m 644 \
		share/svc/config.yaml $(DESTDIR)$(SYSCONFDIR)/config.yaml
	for c in $(TOOLS); do \
		chgrp $(SVCGROUP) $(DESTDIR)$(BINDIR)/$$c && \
		chmod 2755 $(DESTDIR)$(BINDIR)/$$c || exit 1; \
	done
	env -u SVC_DB -u SVC_CONFIG $(DESTDIR)$(BINDIR)/svc-db init -q \
		-d $(DESTDIR)$(STATEDIR)/svc.db \
		-c $(DESTDIR)$(SYSCONFDIR)/config.yaml >/dev/null
	chgrp $(SVCGROUP) $(DESTDIR)$(STATEDIR)/svc.db
	chmod 660 $(DESTDIR)$(STATEDIR)/svc.db

uninstall:
	for c in $(COMMANDS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$c $(DESTDIR)$(MANDIR)/man1/$$c.1 \
			$(DESTDIR)$(BASHCOMPDIR)/$$c \
			$(DESTDIR)$(FISHCOMPDIR)/$$c.fish; \
	done
	rm -f $(DESTDIR)$(MANDIR)/man5/svc-config.5 \
		$(DESTDIR)$(MANDIR)/man7/svc.7 \
		$(DESTDIR)$(MANDIR)/man7/svc-postgresql.7 $(DESTDIR)$(ZSHCOMPDIR)/_svc \
		$(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/svc.mo
	rm -f $(DESTDIR)$(SHAREDIR)/config.yaml \
		$(DESTDIR)$(SHAREDIR)/staff.yaml $(DESTDIR)$(SHAREDIR)/demo.sh \
		$(DESTDIR)$(SHAREDIR)/gateway-gammu.sh \
		$(DESTDIR)$(SHAREDIR)/gateway-sendmail.sh \
		$(DESTDIR)$(SHAREDIR)/crontab.example \
		$(DESTDIR)$(SHAREDIR)/holidays/*.yaml
	-rmdir $(DESTDIR)$(SHAREDIR)/holidays $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build

.PHONY: all check po units bench fuzz installcheck demo deps install install-server uninstall clean FORCE
.SECONDARY:

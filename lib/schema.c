/*
 * schema.c - the numbered migrations.  Migration N brings PRAGMA
 * user_version from N-1 to N and runs in one transaction.  A migration,
 * once released, is never edited: a change is a new migration.
 *
 * Tables hold the current state; views (v_*) are the stable, documented
 * surface for ad-hoc reports (svc-report query, sqlite3 -readonly), so that
 * admins' scripts survive a change of tables.
 */
#include "svc.h"

const char *const svc_migrations[] = {
	/* 1: departments (G3), staff (A2, C2), the event archive (G4). */
	"CREATE TABLE dept (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('cleaning','repair','gov')),\n"
	"  phone TEXT,\n"
	"  created_at INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE staff (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  login TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  dept_id INTEGER REFERENCES dept(id),\n"
	"  phone TEXT,\n"
	"  badge TEXT UNIQUE,\n"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
	"  created_at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX staff_dept ON staff(dept_id);\n"
	"CREATE TABLE staff_role (\n"
	"  staff_id INTEGER NOT NULL REFERENCES staff(id),\n"
	"  role TEXT NOT NULL CHECK (role IN\n"
	"    ('admin','dispatcher','worker','finance','complaints')),\n"
	"  PRIMARY KEY (staff_id, role)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE event (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER,\n"
	"  subject TEXT,\n"
	"  at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))\n"
	");\n"
	"CREATE INDEX event_order ON event(order_id, at)"
	" WHERE order_id IS NOT NULL;\n"
	"CREATE INDEX event_subject ON event(subject, at)"
	" WHERE subject IS NOT NULL;\n"
	/* Nothing is ever deleted; corrections are new events (G4). */
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event\n"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
	"CREATE TRIGGER event_no_delete BEFORE DELETE ON event\n"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n"
	"CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff\n"
	"  BEGIN SELECT RAISE(ABORT, 'staff are disabled, never deleted'); END;\n"
	"CREATE TRIGGER dept_no_delete BEFORE DELETE ON dept\n"
	"  BEGIN SELECT RAISE(ABORT, 'departments are never deleted'); END;\n"
	"CREATE VIEW v_dept AS\n"
	"  SELECT code, name, kind, phone, created_at FROM dept;\n"
	"CREATE VIEW v_staff AS\n"
	"  SELECT s.login, s.name, d.code AS dept,\n"
	"    (SELECT group_concat(role, ',') FROM\n"
	"      (SELECT role FROM staff_role r WHERE r.staff_id = s.id\n"
	"       ORDER BY role)) AS roles,\n"
	"    s.phone, s.badge, s.active, s.created_at\n"
	"  FROM staff s LEFT JOIN dept d ON d.id = s.dept_id;\n"
	"CREATE VIEW v_event AS\n"
	"  SELECT id, order_id, subject, at, actor, kind, details FROM event;\n",
};

const int svc_nmigrations = sizeof svc_migrations / sizeof svc_migrations[0];

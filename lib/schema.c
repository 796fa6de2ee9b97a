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

/*
 * Migration 9: refresh the kept balance of order ID, if it is done.  Part
 * of a released migration: never edit, write a new one.
 */
#define BALANCE_OF(id) \
	" UPDATE orders SET balance = (SELECT balance FROM v_balance" \
	" WHERE id = " id ") WHERE id = " id " AND status = 'done'; "

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

	/*
	 * 2: customers, once per phone number; orders with their reply
	 * deadline stored at registration (G5); service lines with prices
	 * copied from the catalogue (C3).  "orders", because ORDER is SQL.
	 */
	"CREATE TABLE customer (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  phone TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  created_at INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE orders (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('cleaning','repair','gov')),\n"
	"  status TEXT NOT NULL DEFAULT 'new',\n"
	"  customer_id INTEGER NOT NULL REFERENCES customer(id),\n"
	"  address TEXT NOT NULL,\n"
	"  channel TEXT NOT NULL\n"
	"    CHECK (channel IN ('window','phone','office','online')),\n"
	"  grp TEXT CHECK (grp IN\n"
	"    ('elderly','frail','sick','disabled','key-project')),\n"
	"  dept_id INTEGER REFERENCES dept(id),\n"
	"  product TEXT,\n"
	"  fault TEXT,\n"
	"  note TEXT,\n"
	"  want_at INTEGER,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  reply_due INTEGER NOT NULL,\n"
	"  replied_at INTEGER,\n"
	"  reply_late INTEGER CHECK (reply_late IN (0, 1)),\n"
	"  appt_at INTEGER,\n"
	"  appt_until INTEGER,\n"
	"  documents TEXT CHECK (documents IS NULL OR json_valid(documents)),\n"
	"  reason TEXT,\n"
	"  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1))\n"
	");\n"
	/* The nightly overdue check is an index range, not a scan (G5). */
	"CREATE INDEX orders_pending ON orders(reply_due)"
	" WHERE replied_at IS NULL;\n"
	"CREATE INDEX orders_status ON orders(status, created_at);\n"
	"CREATE INDEX orders_created ON orders(created_at);\n"
	"CREATE INDEX orders_appt ON orders(appt_at) WHERE appt_at IS NOT NULL;\n"
	"CREATE INDEX orders_customer ON orders(customer_id);\n"
	"CREATE TABLE order_service (\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  line INTEGER NOT NULL,\n"
	"  code TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  qty INTEGER NOT NULL CHECK (qty > 0),\n"
	"  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),\n"
	"  minutes INTEGER NOT NULL,\n"
	"  documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents)),\n"
	"  PRIMARY KEY (order_id, line)\n"
	") WITHOUT ROWID;\n"
	"CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders\n"
	"  BEGIN SELECT RAISE(ABORT, 'orders are never deleted (G4)'); END;\n"
	"CREATE VIEW v_order AS\n"
	"  SELECT o.id, o.status, o.kind, d.code AS dept, c.name AS customer,\n"
	"    c.phone, o.address, o.channel, o.grp AS \"group\", o.product,\n"
	"    o.fault, o.note, o.want_at, o.created_at, o.reply_due,\n"
	"    o.replied_at, o.reply_late, o.appt_at, o.appt_until,\n"
	"    o.documents, o.reason, o.forced\n"
	"  FROM orders o JOIN customer c ON c.id = o.customer_id\n"
	"  LEFT JOIN dept d ON d.id = o.dept_id;\n"
	"CREATE VIEW v_order_service AS\n"
	"  SELECT order_id, line, code, name, qty, unit_price, minutes,\n"
	"    documents FROM order_service;\n",

	/*
	 * 3: dispatch (C2): the worker and helper of an order, and every move
	 * of an appointment with the notice given (G9).  Views are recreated
	 * with the new columns at the end, so scripts that read the old ones
	 * keep working.
	 */
	"ALTER TABLE orders ADD COLUMN worker_id INTEGER REFERENCES staff(id);\n"
	"ALTER TABLE orders ADD COLUMN helper_id INTEGER REFERENCES staff(id);\n"
	"CREATE INDEX orders_worker ON orders(worker_id, appt_at)"
	" WHERE worker_id IS NOT NULL;\n"
	"CREATE INDEX orders_helper ON orders(helper_id, appt_at)"
	" WHERE helper_id IS NOT NULL;\n"
	"CREATE TABLE move (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  at INTEGER NOT NULL,\n"
	"  old_at INTEGER NOT NULL,\n"
	"  new_at INTEGER NOT NULL,\n"
	"  by TEXT NOT NULL CHECK (by IN ('provider', 'applicant')),\n"
	"  notified_at INTEGER NOT NULL,\n"
	"  notice INTEGER NOT NULL,\n"
	"  short INTEGER NOT NULL CHECK (short IN (0, 1)),\n"
	"  reason TEXT NOT NULL,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX move_order ON move(order_id);\n"
	"CREATE INDEX move_short ON move(at) WHERE short = 1;\n"
	"DROP VIEW v_order;\n"
	"CREATE VIEW v_order AS\n"
	"  SELECT o.id, o.status, o.kind, d.code AS dept, c.name AS customer,\n"
	"    c.phone, o.address, o.channel, o.grp AS \"group\", o.product,\n"
	"    o.fault, o.note, o.want_at, o.created_at, o.reply_due,\n"
	"    o.replied_at, o.reply_late, o.appt_at, o.appt_until,\n"
	"    o.documents, o.reason, o.forced,\n"
	"    w.login AS worker, h.login AS helper\n"
	"  FROM orders o JOIN customer c ON c.id = o.customer_id\n"
	"  LEFT JOIN dept d ON d.id = o.dept_id\n"
	"  LEFT JOIN staff w ON w.id = o.worker_id\n"
	"  LEFT JOIN staff h ON h.id = o.helper_id;\n"
	"CREATE VIEW v_move AS\n"
	"  SELECT id, order_id, at, old_at, new_at, by, notified_at, notice,\n"
	"    short, reason, actor FROM move;\n",

	/*
	 * 4: the visit at the door (A1-A12, C3, C5, G8, G10): the product
	 * registry for warranty by barcode (A5), the visit's facts, contact
	 * attempts, and files kept with the order.
	 */
	"CREATE TABLE product (\n"
	"  barcode TEXT PRIMARY KEY,\n"
	"  model TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  sold_on TEXT NOT NULL CHECK (date(sold_on) = sold_on),\n"
	"  warranty_months INTEGER NOT NULL CHECK (warranty_months >= 0),\n"
	"  created_at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE visit (\n"
	"  order_id INTEGER PRIMARY KEY REFERENCES orders(id),\n"
	"  eta INTEGER,\n"
	"  late_reason TEXT,\n"
	"  announced_at INTEGER,\n"
	"  arrived_at INTEGER,\n"
	"  late_minutes INTEGER,\n"
	"  started_at INTEGER,\n"
	"  voucher INTEGER,\n"
	"  barcode TEXT,\n"
	"  covered INTEGER,\n"
	"  covered_until TEXT,\n"
	"  parts_missing TEXT,\n"
	"  damage TEXT,\n"
	"  not_ours TEXT,\n"
	"  checks_signed_by TEXT,\n"
	"  chargeable INTEGER NOT NULL DEFAULT 0,\n"
	"  return_by TEXT,\n"
	"  done_at INTEGER,\n"
	"  signed_by TEXT,\n"
	"  rating INTEGER CHECK (rating BETWEEN 1 AND 5),\n"
	"  comment TEXT,\n"
	"  signature BLOB\n"
	");\n"
	"CREATE TABLE contact (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  at INTEGER NOT NULL,\n"
	"  reached INTEGER NOT NULL CHECK (reached IN (0, 1)),\n"
	"  note TEXT,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX contact_order ON contact(order_id, at);\n"
	"CREATE TABLE attachment (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  kind TEXT NOT NULL\n"
	"    CHECK (kind IN ('photo-before', 'photo-after', 'other')),\n"
	"  name TEXT NOT NULL,\n"
	"  data BLOB NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX attachment_order ON attachment(order_id);\n"
	/* The no-show sweep looks at arrived orders only (G10). */
	"CREATE INDEX orders_arrived ON orders(appt_at) WHERE status = 'arrived';\n"
	"CREATE VIEW v_visit AS\n"
	"  SELECT order_id, eta, late_reason, announced_at, arrived_at,\n"
	"    late_minutes, started_at, voucher, barcode, covered, covered_until,\n"
	"    parts_missing, damage, not_ours, checks_signed_by, chargeable,\n"
	"    return_by, done_at, signed_by, rating, comment,\n"
	"    signature IS NOT NULL AS signed_image FROM visit;\n"
	"CREATE VIEW v_contact AS\n"
	"  SELECT id, order_id, at, reached, note, actor FROM contact;\n"
	"CREATE VIEW v_product AS\n"
	"  SELECT barcode, model, name, sold_on, warranty_months FROM product;\n",

	/*
	 * 5: money (C3, C4, A7, A11), in fen.  Extra lines on an order;
	 * payments and refunds, each with a receipt whose number is per year
	 * and gap-free (a counter row updated in the writer's transaction);
	 * cash handovers from workers to finance.  A voided receipt keeps
	 * its number and stops counting.
	 */
	"CREATE TABLE charge (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  code TEXT,\n"
	"  what TEXT NOT NULL,\n"
	"  qty INTEGER NOT NULL CHECK (qty > 0),\n"
	"  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),\n"
	"  at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX charge_order ON charge(order_id);\n"
	"CREATE TABLE handover (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  worker TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  expected INTEGER NOT NULL,\n"
	"  counted INTEGER NOT NULL,\n"
	"  difference INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE payment (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),\n"
	"  amount INTEGER NOT NULL CHECK (amount > 0),\n"
	"  method TEXT NOT NULL CHECK (method IN\n"
	"    ('cash', 'card', 'transfer', 'wechat', 'alipay')),\n"
	"  place TEXT NOT NULL CHECK (place IN ('site', 'finance')),\n"
	"  collector TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  receipt_no TEXT NOT NULL UNIQUE,\n"
	"  reason TEXT,\n"
	"  void INTEGER NOT NULL DEFAULT 0 CHECK (void IN (0, 1)),\n"
	"  void_reason TEXT,\n"
	"  voided_at INTEGER,\n"
	"  handover_id INTEGER REFERENCES handover(id)\n"
	");\n"
	"CREATE INDEX payment_order ON payment(order_id);\n"
	/* Cash a worker holds: an index range, not a scan (C4). */
	"CREATE INDEX payment_held ON payment(collector, at)"
	" WHERE method = 'cash' AND place = 'site' AND handover_id IS NULL;\n"
	"CREATE TABLE receipt_seq (\n"
	"  year INTEGER PRIMARY KEY,\n"
	"  last INTEGER NOT NULL\n"
	");\n"
	"CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment\n"
	"  BEGIN SELECT RAISE(ABORT, 'receipts are voided, never deleted'); END;\n"
	"CREATE VIEW v_payment AS\n"
	"  SELECT id, order_id, kind, amount, method, place, collector, at,\n"
	"    receipt_no, reason, void, void_reason, voided_at, handover_id\n"
	"  FROM payment;\n"
	"CREATE VIEW v_charge AS\n"
	"  SELECT id, order_id, code, what, qty, unit_price, at, actor\n"
	"  FROM charge;\n"
	"CREATE VIEW v_handover AS\n"
	"  SELECT id, worker, at, expected, counted, difference, actor\n"
	"  FROM handover;\n",

	/* 6: the complaints office (G11); upheld ones count in G12. */
	"CREATE TABLE complaint (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER REFERENCES orders(id),\n"
	"  customer_id INTEGER REFERENCES customer(id),\n"
	"  dept_id INTEGER REFERENCES dept(id),\n"
	"  text TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  assigned_to TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'open'\n"
	"    CHECK (status IN ('open', 'resolved')),\n"
	"  resolution TEXT,\n"
	"  upheld INTEGER CHECK (upheld IN (0, 1)),\n"
	"  resolved_at INTEGER\n"
	");\n"
	"CREATE INDEX complaint_open ON complaint(at) WHERE status = 'open';\n"
	"CREATE INDEX complaint_dept ON complaint(dept_id, at);\n"
	"CREATE VIEW v_complaint AS\n"
	"  SELECT k.id, k.order_id, c.name AS customer, c.phone, d.code AS dept,\n"
	"    k.text, k.at, k.assigned_to, k.status, k.resolution, k.upheld,\n"
	"    k.resolved_at\n"
	"  FROM complaint k LEFT JOIN customer c ON c.id = k.customer_id\n"
	"  LEFT JOIN dept d ON d.id = k.dept_id;\n",

	/* 7: a department's orders by registration, for the evaluation. */
	"CREATE INDEX orders_dept ON orders(dept_id, created_at);\n",

	/*
	 * 8: the same rules for kind, channel and group, spelt so that an
	 * insert checks them by comparison.  SQLite builds a temporary B-tree
	 * for every IN list of more than two values in a CHECK, for every row
	 * inserted; on orders that was three per request, a tenth of an
	 * import's time.  The constraint text is edited in place, as SQLite's
	 * ALTER TABLE page describes for a constraint change that leaves the
	 * stored rows as they are: every row that passed the old text passes
	 * the new, so a connection still holding the old one stays correct;
	 * RESET makes this one read the schema again, for the migrations
	 * that follow in the same transaction.
	 */
	"PRAGMA writable_schema = ON;\n"
	"UPDATE sqlite_schema SET sql = replace(replace(replace(sql,\n"
	"  'kind IN (''cleaning'',''repair'',''gov'')',\n"
	"  'kind = ''cleaning'' OR kind = ''repair'' OR kind = ''gov'''),\n"
	"  'channel IN (''window'',''phone'',''office'',''online'')',\n"
	"  'channel = ''window'' OR channel = ''phone''\n"
	"      OR channel = ''office'' OR channel = ''online'''),\n"
	"  'grp IN\n    (''elderly'',''frail'',''sick'',''disabled'',"
	"''key-project'')',\n"
	"  'grp = ''elderly'' OR grp = ''frail'' OR grp = ''sick''\n"
	"      OR grp = ''disabled'' OR grp = ''key-project''')\n"
	" WHERE type = 'table' AND name = 'orders';\n"
	"PRAGMA writable_schema = RESET;\n",

	/*
	 * 9: what a done order still owes, kept by the database (C3, C5).
	 * v_balance is the one definition: services and extra lines, nothing
	 * when a covered repair was the company's fault (A7), less payments,
	 * plus refunds, voided receipts not counting.  Each done order keeps
	 * its balance, set when it is done and again by every change of money
	 * that follows, so "done and owing" is an index range and the unpaid
	 * check does not grow with the years of history behind it.
	 */
	"CREATE VIEW v_balance AS\n"
	"  SELECT o.id,\n"
	"    CASE WHEN coalesce((SELECT covered AND NOT chargeable FROM visit\n"
	"      WHERE order_id = o.id), 0) THEN 0\n"
	"    ELSE (SELECT coalesce(sum(qty * unit_price), 0) FROM order_service\n"
	"      WHERE order_id = o.id)\n"
	"      + (SELECT coalesce(sum(qty * unit_price), 0) FROM charge\n"
	"      WHERE order_id = o.id) END\n"
	"    - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount\n"
	"      ELSE -amount END), 0) FROM payment\n"
	"      WHERE order_id = o.id AND NOT void) AS balance\n"
	"  FROM orders o;\n"
	"ALTER TABLE orders ADD COLUMN balance INTEGER;\n"
	"UPDATE orders SET balance = (SELECT balance FROM v_balance b\n"
	"  WHERE b.id = orders.id) WHERE status = 'done';\n"
	"CREATE INDEX orders_owing ON orders(id)\n"
	"  WHERE status = 'done' AND balance > 0;\n"
	"CREATE TRIGGER balance_done AFTER UPDATE OF status ON orders\n"
	"  WHEN NEW.status = 'done' BEGIN" BALANCE_OF("NEW.id") "END;\n"
	"CREATE TRIGGER balance_payment AFTER INSERT ON payment\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_void AFTER UPDATE OF void ON payment\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_charge AFTER INSERT ON charge\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_cover AFTER UPDATE OF covered, chargeable"
	" ON visit\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n",

	/*
	 * 10: a cancellation by the provider of an agreed appointment is
	 * measured like a move (G9): a move row whose new_at is NULL.  The
	 * table is rebuilt (SQLite cannot drop a NOT NULL), every row kept.
	 */
	"DROP VIEW v_move;\n"
	"CREATE TABLE move_new (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  at INTEGER NOT NULL,\n"
	"  old_at INTEGER NOT NULL,\n"
	"  new_at INTEGER,\n"
	"  by TEXT NOT NULL CHECK (by = 'provider' OR by = 'applicant'),\n"
	"  notified_at INTEGER NOT NULL,\n"
	"  notice INTEGER NOT NULL,\n"
	"  short INTEGER NOT NULL CHECK (short = 0 OR short = 1),\n"
	"  reason TEXT NOT NULL,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"INSERT INTO move_new SELECT id, order_id, at, old_at, new_at, by,\n"
	"  notified_at, notice, short, reason, actor FROM move;\n"
	"DROP TABLE move;\n"
	"ALTER TABLE move_new RENAME TO move;\n"
	"CREATE INDEX move_order ON move(order_id);\n"
	"CREATE INDEX move_short ON move(at) WHERE short = 1;\n"
	"CREATE VIEW v_move AS\n"
	"  SELECT id, order_id, at, old_at, new_at, by, notified_at, notice,\n"
	"    short, reason, actor FROM move;\n",

	/*
	 * 11: an order keeps the name it was registered (or edited) under.
	 * Customers are one per phone and the latest name wins there, but a
	 * new order under a known phone must never rename old orders, their
	 * forms or their receipts.  Old orders take the name they show now.
	 */
	"ALTER TABLE orders ADD COLUMN customer_name TEXT;\n"
	"UPDATE orders SET customer_name = (SELECT name FROM customer c\n"
	"  WHERE c.id = orders.customer_id);\n"
	"DROP VIEW v_order;\n"
	"CREATE VIEW v_order AS\n"
	"  SELECT o.id, o.status, o.kind, d.code AS dept,\n"
	"    o.customer_name AS customer,\n"
	"    c.phone, o.address, o.channel, o.grp AS \"group\", o.product,\n"
	"    o.fault, o.note, o.want_at, o.created_at, o.reply_due,\n"
	"    o.replied_at, o.reply_late, o.appt_at, o.appt_until,\n"
	"    o.documents, o.reason, o.forced,\n"
	"    w.login AS worker, h.login AS helper\n"
	"  FROM orders o JOIN customer c ON c.id = o.customer_id\n"
	"  LEFT JOIN dept d ON d.id = o.dept_id\n"
	"  LEFT JOIN staff w ON w.id = o.worker_id\n"
	"  LEFT JOIN staff h ON h.id = o.helper_id;\n",

	/*
	 * 12: the sealed log (seal.c): event, payment and handover rows get
	 * a hash chained to the row before; rows already there are sealed
	 * now, in id order (svc_seal is registered on svc's connections).
	 * The append-only trigger of event is lifted for that one update.
	 */
	"ALTER TABLE event ADD COLUMN hash TEXT;\n"
	"ALTER TABLE payment ADD COLUMN hash TEXT;\n"
	"ALTER TABLE handover ADD COLUMN hash TEXT;\n"
	"DROP TRIGGER event_no_update;\n"
	"CREATE TEMP TABLE seal_event (id INTEGER PRIMARY KEY, h TEXT);\n"
	"INSERT INTO seal_event WITH RECURSIVE c(id, h) AS (\n"
	"  SELECT NULL, NULL UNION ALL SELECT x.id, svc_seal(c.h,\n"
	"    x.order_id, x.subject, x.at, x.actor, x.kind, x.details)\n"
	"  FROM c JOIN event x ON x.id = (SELECT min(id) FROM event\n"
	"    WHERE id > coalesce(c.id, -1)))\n"
	"  SELECT id, h FROM c WHERE id IS NOT NULL;\n"
	"UPDATE event SET hash =\n"
	"  (SELECT h FROM seal_event s WHERE s.id = event.id);\n"
	"DROP TABLE seal_event;\n"
	"CREATE TEMP TABLE seal_payment (id INTEGER PRIMARY KEY, h TEXT);\n"
	"INSERT INTO seal_payment WITH RECURSIVE c(id, h) AS (\n"
	"  SELECT NULL, NULL UNION ALL SELECT x.id, svc_seal(c.h,\n"
	"    x.order_id, x.kind, x.amount, x.method, x.place, x.collector,\n"
	"    x.at, x.receipt_no, x.reason)\n"
	"  FROM c JOIN payment x ON x.id = (SELECT min(id) FROM payment\n"
	"    WHERE id > coalesce(c.id, -1)))\n"
	"  SELECT id, h FROM c WHERE id IS NOT NULL;\n"
	"UPDATE payment SET hash =\n"
	"  (SELECT h FROM seal_payment s WHERE s.id = payment.id);\n"
	"DROP TABLE seal_payment;\n"
	"CREATE TEMP TABLE seal_handover (id INTEGER PRIMARY KEY, h TEXT);\n"
	"INSERT INTO seal_handover WITH RECURSIVE c(id, h) AS (\n"
	"  SELECT NULL, NULL UNION ALL SELECT x.id, svc_seal(c.h,\n"
	"    x.worker, x.at, x.expected, x.counted, x.difference, x.actor)\n"
	"  FROM c JOIN handover x ON x.id = (SELECT min(id) FROM handover\n"
	"    WHERE id > coalesce(c.id, -1)))\n"
	"  SELECT id, h FROM c WHERE id IS NOT NULL;\n"
	"UPDATE handover SET hash =\n"
	"  (SELECT h FROM seal_handover s WHERE s.id = handover.id);\n"
	"DROP TABLE seal_handover;\n"
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event\n"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;\n",

	/*
	 * 13: a visit is a record (A1-A12, G8, G10): an order has visits 1,
	 * 2, ..., each with its own worker, appointment, arrival, lateness,
	 * checks, end and outcome, so that a revisit after a takeback (A8) or
	 * a suspension (A9) is a new row, never an overwrite.  The row of
	 * each order becomes its visit 1, with the worker, helper and
	 * appointment the order has now; its end and outcome are read from
	 * the events: the last event that ends a visit (done, suspend,
	 * takeback, no-show, cancel), when no arrival or resume follows it.
	 * Where the events say more, they win: the worker is the one who
	 * recorded the last arrival (a worker came instead of the booked
	 * one), the appointment the one agreed (accept or move) before it
	 * (a suspension or a takeback has moved the order's since).
	 * Facts the old row had already lost to an overwrite are in the
	 * event log, as before.  A product taken back is out until the
	 * return visit arrives (returned_at of the taken-back visit, A8).  Coverage is that of the last visit that made
	 * the checks (A5, A7).
	 */
	"DROP VIEW v_visit;\n"
	"DROP TRIGGER balance_done;\n"
	"DROP TRIGGER balance_payment;\n"
	"DROP TRIGGER balance_void;\n"
	"DROP TRIGGER balance_charge;\n"
	"DROP TRIGGER balance_cover;\n"
	"DROP VIEW v_balance;\n"
	"CREATE TABLE visit_new (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  no INTEGER NOT NULL CHECK (no >= 1),\n"
	"  cause TEXT NOT NULL CHECK (cause = 'booking' OR cause = 'move'\n"
	"    OR cause = 'resume' OR cause = 'return'),\n"
	"  move_id INTEGER REFERENCES move(id),\n"
	"  worker_id INTEGER REFERENCES staff(id),\n"
	"  helper_id INTEGER REFERENCES staff(id),\n"
	"  appt_at INTEGER,\n"
	"  appt_until INTEGER,\n"
	"  eta INTEGER,\n"
	"  late_reason TEXT,\n"
	"  announced_at INTEGER,\n"
	"  arrived_at INTEGER,\n"
	"  late_minutes INTEGER,\n"
	"  started_at INTEGER,\n"
	"  voucher INTEGER,\n"
	"  barcode TEXT,\n"
	"  covered INTEGER,\n"
	"  covered_until TEXT,\n"
	"  parts_missing TEXT,\n"
	"  damage TEXT,\n"
	"  not_ours TEXT,\n"
	"  checks_signed_by TEXT,\n"
	"  chargeable INTEGER NOT NULL DEFAULT 0,\n"
	"  return_by TEXT,\n"
	"  returned_at INTEGER,\n"
	"  ended_at INTEGER,\n"
	"  outcome TEXT CHECK (outcome IS NULL OR outcome = 'done'\n"
	"    OR outcome = 'suspended' OR outcome = 'taken_back'\n"
	"    OR outcome = 'abandoned' OR outcome = 'cancelled'),\n"
	"  end_reason TEXT,\n"
	"  resume_at INTEGER,\n"
	"  signed_by TEXT,\n"
	"  rating INTEGER CHECK (rating BETWEEN 1 AND 5),\n"
	"  comment TEXT,\n"
	"  signature BLOB,\n"
	"  report TEXT,\n"
	"  reported_at INTEGER,\n"
	"  review_due INTEGER,\n"
	"  review TEXT CHECK (review IS NULL OR review = 'ok'\n"
	"    OR review = 'redo'),\n"
	"  review_reason TEXT,\n"
	"  reviewed_at INTEGER,\n"
	"  reviewed_by TEXT,\n"
	"  UNIQUE (order_id, no)\n"
	");\n"
	"CREATE TEMP TABLE visit_end AS SELECT v.order_id,\n"
	"  (SELECT max(id) FROM event x WHERE x.order_id = v.order_id\n"
	"    AND x.kind IN ('visit.arrive', 'visit.resume')) AS began,\n"
	"  (SELECT max(id) FROM event x WHERE x.order_id = v.order_id\n"
	"    AND x.kind IN ('visit.done', 'visit.suspend', 'visit.takeback',\n"
	"    'order.noshow', 'order.cancel')) AS ended,\n"
	"  NULL AS appt_at\n"
	"  FROM visit v;\n"
	"UPDATE visit_end SET appt_at = (SELECT CAST(strftime('%s',\n"
	"  json_extract(x.details, CASE x.kind WHEN 'order.accept' THEN '$.at'\n"
	"  ELSE '$.to' END)) AS INTEGER) FROM event x\n"
	"  WHERE x.order_id = visit_end.order_id\n"
	"  AND x.kind IN ('order.accept', 'order.move') AND x.id < began\n"
	"  ORDER BY x.id DESC LIMIT 1);\n"
	"INSERT INTO visit_new SELECT v.order_id, v.order_id, 1,\n"
	"  CASE WHEN m.id IS NULL THEN 'booking' ELSE 'move' END, m.id,\n"
	"  coalesce((SELECT s.id FROM event x JOIN staff s ON s.login = x.actor\n"
	"    JOIN staff_role r ON r.staff_id = s.id AND r.role = 'worker'\n"
	"    WHERE x.id = n.began), o.worker_id), o.helper_id,\n"
	"  coalesce(n.appt_at, o.appt_at),\n"
	"  coalesce(n.appt_at, o.appt_at) + (o.appt_until - o.appt_at),\n"
	"  v.eta, v.late_reason, v.announced_at, v.arrived_at, v.late_minutes,\n"
	"  v.started_at, v.voucher, v.barcode, v.covered, v.covered_until,\n"
	"  v.parts_missing, v.damage, v.not_ours, v.checks_signed_by,\n"
	"  v.chargeable, v.return_by, NULL, x.at,\n"
	"  CASE x.kind WHEN 'visit.done' THEN 'done'\n"
	"    WHEN 'visit.suspend' THEN 'suspended'\n"
	"    WHEN 'visit.takeback' THEN 'taken_back'\n"
	"    WHEN 'order.noshow' THEN 'abandoned'\n"
	"    WHEN 'order.cancel' THEN 'cancelled' END,\n"
	"  json_extract(x.details, '$.reason'),\n"
	"  CASE WHEN x.kind = 'visit.suspend' THEN o.appt_at END,\n"
	"  v.signed_by, v.rating, v.comment, v.signature,\n"
	"  NULL, NULL, NULL, NULL, NULL, NULL, NULL\n"
	"  FROM visit v JOIN orders o ON o.id = v.order_id\n"
	"  JOIN visit_end n ON n.order_id = v.order_id\n"
	"  LEFT JOIN event x ON x.id = n.ended\n"
	"    AND n.ended > coalesce(n.began, 0)\n"
	"  LEFT JOIN move m ON m.id = (SELECT max(id) FROM move\n"
	"    WHERE order_id = v.order_id AND new_at IS NOT NULL\n"
	"    AND at <= coalesce(v.arrived_at, v.announced_at, at));\n"
	"DROP TABLE visit_end;\n"
	"DROP TABLE visit;\n"
	"ALTER TABLE visit_new RENAME TO visit;\n"
	/* Late arrivals (G8) and what the workshop still has (A8). */
	"CREATE INDEX visit_late ON visit(appt_at) WHERE late_minutes > 0;\n"
	"CREATE INDEX visit_arrived ON visit(arrived_at)"
	" WHERE arrived_at IS NOT NULL;\n"
	"CREATE INDEX visit_takeback ON visit(return_by)"
	" WHERE outcome = 'taken_back' AND returned_at IS NULL;\n"
	/* C5: done visits the supervisor has still to review. */
	"CREATE INDEX visit_review ON visit(review_due)"
	" WHERE review IS NULL AND review_due IS NOT NULL;\n"
	/*
	 * The return call (回访) after the work, and the order closed when
	 * all is settled: the work over, nothing owed, no cash held by a
	 * worker (C4), no review nor return call pending.
	 */
	"CREATE TABLE followup (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  at INTEGER NOT NULL,\n"
	"  reached INTEGER NOT NULL CHECK (reached = 0 OR reached = 1),\n"
	"  rating INTEGER CHECK (rating BETWEEN 1 AND 5),\n"
	"  comment TEXT,\n"
	"  actor TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX followup_order ON followup(order_id);\n"
	"ALTER TABLE orders ADD COLUMN followup_due INTEGER;\n"
	"ALTER TABLE orders ADD COLUMN followup_tries INTEGER NOT NULL"
	" DEFAULT 0;\n"
	"ALTER TABLE orders ADD COLUMN closed_at INTEGER;\n"
	/* The rating of the reached return call, for the evaluation (G12). */
	"ALTER TABLE orders ADD COLUMN followup_rating INTEGER;\n"
	"CREATE INDEX orders_followup ON orders(followup_due)"
	" WHERE followup_due IS NOT NULL;\n"
	"CREATE INDEX orders_closed ON orders(closed_at)"
	" WHERE closed_at IS NOT NULL;\n"
	/*
	 * Orders already settled are closed when the last of it was: their
	 * last event, or the handover of their cash.
	 */
	"UPDATE orders SET closed_at = max(\n"
	"  coalesce((SELECT max(at) FROM event x\n"
	"    WHERE x.order_id = orders.id), 0),\n"
	"  coalesce((SELECT max(h.at) FROM payment p\n"
	"    JOIN handover h ON h.id = p.handover_id\n"
	"    WHERE p.order_id = orders.id), 0))\n"
	"  WHERE status IN ('done', 'refused', 'cancelled', 'abandoned')\n"
	"  AND (status <> 'done' OR balance <= 0)\n"
	"  AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = orders.id\n"
	"    AND p.method = 'cash' AND p.place = 'site' AND NOT p.void\n"
	"    AND p.kind = 'payment' AND p.handover_id IS NULL);\n"
	"DROP VIEW v_order;\n"
	"CREATE VIEW v_order AS\n"
	"  SELECT o.id, o.status, o.kind, d.code AS dept,\n"
	"    o.customer_name AS customer,\n"
	"    c.phone, o.address, o.channel, o.grp AS \"group\", o.product,\n"
	"    o.fault, o.note, o.want_at, o.created_at, o.reply_due,\n"
	"    o.replied_at, o.reply_late, o.appt_at, o.appt_until,\n"
	"    o.documents, o.reason, o.forced,\n"
	"    w.login AS worker, h.login AS helper,\n"
	"    o.followup_due, o.closed_at\n"
	"  FROM orders o JOIN customer c ON c.id = o.customer_id\n"
	"  LEFT JOIN dept d ON d.id = o.dept_id\n"
	"  LEFT JOIN staff w ON w.id = o.worker_id\n"
	"  LEFT JOIN staff h ON h.id = o.helper_id;\n"
	"CREATE VIEW v_followup AS\n"
	"  SELECT id, order_id, at, reached, rating, comment, actor\n"
	"  FROM followup;\n"
	"CREATE VIEW v_balance AS\n"
	"  SELECT o.id,\n"
	"    CASE WHEN coalesce((SELECT covered AND NOT chargeable FROM visit\n"
	"      WHERE order_id = o.id AND covered IS NOT NULL\n"
	"      ORDER BY no DESC LIMIT 1), 0) THEN 0\n"
	"    ELSE (SELECT coalesce(sum(qty * unit_price), 0) FROM order_service\n"
	"      WHERE order_id = o.id)\n"
	"      + (SELECT coalesce(sum(qty * unit_price), 0) FROM charge\n"
	"      WHERE order_id = o.id) END\n"
	"    - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount\n"
	"      ELSE -amount END), 0) FROM payment\n"
	"      WHERE order_id = o.id AND NOT void) AS balance\n"
	"  FROM orders o;\n"
	"CREATE TRIGGER balance_done AFTER UPDATE OF status ON orders\n"
	"  WHEN NEW.status = 'done' BEGIN" BALANCE_OF("NEW.id") "END;\n"
	"CREATE TRIGGER balance_payment AFTER INSERT ON payment\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_void AFTER UPDATE OF void ON payment\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_charge AFTER INSERT ON charge\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	"CREATE TRIGGER balance_cover AFTER UPDATE OF covered, chargeable"
	" ON visit\n"
	"  BEGIN" BALANCE_OF("NEW.order_id") "END;\n"
	/*
	 * v_visit keeps its columns first, in their order, and adds the new
	 * at the end, named so that a script joining v_order (worker,
	 * appt_at) stays unambiguous.
	 */
	"CREATE VIEW v_visit AS\n"
	"  SELECT v.order_id, v.eta, v.late_reason, v.announced_at,\n"
	"    v.arrived_at, v.late_minutes, v.started_at, v.voucher, v.barcode,\n"
	"    v.covered, v.covered_until, v.parts_missing, v.damage, v.not_ours,\n"
	"    v.checks_signed_by, v.chargeable, v.return_by,\n"
	"    CASE WHEN v.outcome = 'done' THEN v.ended_at END AS done_at,\n"
	"    v.signed_by, v.rating, v.comment,\n"
	"    v.signature IS NOT NULL AS signed_image,\n"
	"    v.no, v.cause, v.move_id, w.login AS visit_worker,\n"
	"    h.login AS visit_helper, v.appt_at AS visit_at,\n"
	"    v.appt_until AS visit_until, v.returned_at, v.ended_at, v.outcome,\n"
	"    v.end_reason, v.resume_at, v.report, v.reported_at, v.review_due,\n"
	"    v.review, v.review_reason, v.reviewed_at, v.reviewed_by\n"
	"  FROM visit v LEFT JOIN staff w ON w.id = v.worker_id\n"
	"  LEFT JOIN staff h ON h.id = v.helper_id;\n",

	/*
	 * 14: who is acting (acting.c).  The reception (the window that
	 * registers and replies) becomes a role of its own; an event keeps
	 * who entered it when acting for the person (entered_by) and the
	 * clock's time when the command claimed another (entered_at).  Both
	 * are sealed when there, so rows sealed before still follow.
	 */
	"DROP VIEW v_staff;\n"
	"CREATE TABLE staff_role_new (\n"
	"  staff_id INTEGER NOT NULL REFERENCES staff(id),\n"
	"  role TEXT NOT NULL CHECK (role IN ('admin','complaints',\n"
	"    'dispatcher','finance','reception','worker')),\n"
	"  PRIMARY KEY (staff_id, role)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO staff_role_new SELECT staff_id, role FROM staff_role;\n"
	"DROP TABLE staff_role;\n"
	"ALTER TABLE staff_role_new RENAME TO staff_role;\n"
	"CREATE VIEW v_staff AS\n"
	"  SELECT s.login, s.name, d.code AS dept,\n"
	"    (SELECT group_concat(role, ',') FROM\n"
	"      (SELECT role FROM staff_role r WHERE r.staff_id = s.id\n"
	"       ORDER BY role)) AS roles,\n"
	"    s.phone, s.badge, s.active, s.created_at\n"
	"  FROM staff s LEFT JOIN dept d ON d.id = s.dept_id;\n"
	"ALTER TABLE event ADD COLUMN entered_by TEXT;\n"
	"ALTER TABLE event ADD COLUMN entered_at INTEGER;\n"
	"DROP VIEW v_event;\n"
	"CREATE VIEW v_event AS\n"
	"  SELECT id, order_id, subject, at, actor, kind, details, entered_by,\n"
	"    entered_at FROM event;\n",

	/*
	 * 15: the outbox (notify.c): what the applicant is to be told, made
	 * in the transaction of the event that calls for it, sent by a
	 * gateway outside svc.  A message is never deleted and its text
	 * never changes.  A failure is recorded and the message stays due
	 * (the gateway tries again) until it is sent, its time is past
	 * (not_after: then it is a finding, never sent late) or someone
	 * dismisses it, having told the applicant another way.  dedup holds
	 * the key of a message a sweep makes (a reminder): two sweeps, one.
	 */
	"CREATE TABLE outbox (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('reply', 'refusal', 'move',\n"
	"    'late', 'abandoned', 'reminder')),\n"
	"  move_id INTEGER REFERENCES move(id),\n"
	"  recipient TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  made_at INTEGER NOT NULL,\n"
	"  not_before INTEGER NOT NULL,\n"
	"  not_after INTEGER,\n"
	"  sent_at INTEGER,\n"
	"  tries INTEGER NOT NULL DEFAULT 0,\n"
	"  failed_at INTEGER,\n"
	"  fail_reason TEXT,\n"
	"  dismissed_at INTEGER,\n"
	"  dismiss_reason TEXT,\n"
	"  dedup TEXT UNIQUE\n"
	");\n"
	"CREATE INDEX outbox_open ON outbox(not_before)\n"
	"  WHERE sent_at IS NULL AND dismissed_at IS NULL;\n"
	"CREATE INDEX outbox_order ON outbox(order_id);\n"
	"CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox\n"
	"  BEGIN SELECT RAISE(ABORT, 'messages are never deleted'); END;\n"
	"CREATE TRIGGER outbox_once BEFORE UPDATE ON outbox\n"
	"  WHEN OLD.sent_at IS NOT NULL OR OLD.dismissed_at IS NOT NULL\n"
	"    OR NEW.text IS NOT OLD.text OR NEW.recipient IS NOT OLD.recipient\n"
	"    OR NEW.kind IS NOT OLD.kind OR NEW.order_id IS NOT OLD.order_id\n"
	"    OR NEW.move_id IS NOT OLD.move_id\n"
	"    OR NEW.made_at IS NOT OLD.made_at\n"
	"    OR NEW.not_before IS NOT OLD.not_before\n"
	"    OR NEW.not_after IS NOT OLD.not_after\n"
	"  BEGIN SELECT RAISE(ABORT, 'a message is sent or dismissed once,"
	" its text never changes'); END;\n"
	"CREATE VIEW v_outbox AS\n"
	"  SELECT id, order_id, kind, recipient, text, made_at, not_before,\n"
	"    not_after, sent_at, tries, failed_at, fail_reason, dismissed_at,\n"
	"    dismiss_reason, move_id FROM outbox;\n",

	/*
	 * 16: proof of notice (G9, issue 17).  typed: the clerk typed when
	 * the applicant was told (--notified, a phone call), else
	 * notified_at is only when the move was recorded, and the notice
	 * G9 measures is from when its message was sent (told_at): then
	 * notice and short are set to what the proof shows, once.  Moves
	 * recorded before this keep their notified_at (typed).
	 */
	"ALTER TABLE move ADD COLUMN typed INTEGER NOT NULL DEFAULT 1\n"
	"  CHECK (typed IN (0, 1));\n"
	"ALTER TABLE move ADD COLUMN told_at INTEGER;\n"
	"CREATE TRIGGER move_once BEFORE UPDATE ON move\n"
	"  WHEN OLD.told_at IS NOT NULL OR NEW.told_at IS NULL\n"
	"    OR NEW.order_id IS NOT OLD.order_id OR NEW.at IS NOT OLD.at\n"
	"    OR NEW.old_at IS NOT OLD.old_at OR NEW.new_at IS NOT OLD.new_at\n"
	"    OR NEW.by IS NOT OLD.by OR NEW.notified_at IS NOT OLD.notified_at\n"
	"    OR NEW.reason IS NOT OLD.reason OR NEW.actor IS NOT OLD.actor\n"
	"    OR NEW.typed IS NOT OLD.typed\n"
	"  BEGIN SELECT RAISE(ABORT, 'a move is recorded once; only the"
	" proof of its notice is added, once'); END;\n"
	"CREATE TRIGGER move_no_delete BEFORE DELETE ON move\n"
	"  BEGIN SELECT RAISE(ABORT, 'moves are never deleted'); END;\n"
	"DROP VIEW v_move;\n"
	"CREATE VIEW v_move AS\n"
	"  SELECT id, order_id, at, old_at, new_at, by, notified_at, notice,\n"
	"    short, reason, actor, typed, told_at FROM move;\n"
	/*
	 * The outbox gains the channel a message goes by (an SMS to the
	 * phone, or a mail when the customer gave an address) and the
	 * message that announces the return call (回访); the customer an
	 * e-mail address.  Rebuilt, as SQLite changes a CHECK no other way;
	 * every row is kept with its id.
	 */
	"ALTER TABLE customer ADD COLUMN email TEXT;\n"
	"DROP VIEW v_outbox;\n"
	"DROP TRIGGER outbox_no_delete;\n"
	"DROP TRIGGER outbox_once;\n"
	"DROP INDEX outbox_open;\n"
	"DROP INDEX outbox_order;\n"
	"CREATE TABLE outbox_new (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('reply', 'refusal', 'move',\n"
	"    'late', 'abandoned', 'reminder', 'followup')),\n"
	"  move_id INTEGER REFERENCES move(id),\n"
	"  channel TEXT NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms',\n"
	"    'email')),\n"
	"  recipient TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  made_at INTEGER NOT NULL,\n"
	"  not_before INTEGER NOT NULL,\n"
	"  not_after INTEGER,\n"
	"  sent_at INTEGER,\n"
	"  tries INTEGER NOT NULL DEFAULT 0,\n"
	"  failed_at INTEGER,\n"
	"  fail_reason TEXT,\n"
	"  dismissed_at INTEGER,\n"
	"  dismiss_reason TEXT,\n"
	"  dedup TEXT UNIQUE\n"
	");\n"
	"INSERT INTO outbox_new (id, order_id, kind, move_id, recipient, text,\n"
	"  made_at, not_before, not_after, sent_at, tries, failed_at,\n"
	"  fail_reason, dismissed_at, dismiss_reason, dedup)\n"
	"  SELECT id, order_id, kind, move_id, recipient, text, made_at,\n"
	"    not_before, not_after, sent_at, tries, failed_at, fail_reason,\n"
	"    dismissed_at, dismiss_reason, dedup FROM outbox;\n"
	"DROP TABLE outbox;\n"
	"ALTER TABLE outbox_new RENAME TO outbox;\n"
	"CREATE INDEX outbox_open ON outbox(not_before)\n"
	"  WHERE sent_at IS NULL AND dismissed_at IS NULL;\n"
	"CREATE INDEX outbox_order ON outbox(order_id);\n"
	"CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox\n"
	"  BEGIN SELECT RAISE(ABORT, 'messages are never deleted'); END;\n"
	"CREATE TRIGGER outbox_once BEFORE UPDATE ON outbox\n"
	"  WHEN OLD.sent_at IS NOT NULL OR OLD.dismissed_at IS NOT NULL\n"
	"    OR NEW.text IS NOT OLD.text OR NEW.recipient IS NOT OLD.recipient\n"
	"    OR NEW.kind IS NOT OLD.kind OR NEW.order_id IS NOT OLD.order_id\n"
	"    OR NEW.move_id IS NOT OLD.move_id\n"
	"    OR NEW.channel IS NOT OLD.channel\n"
	"    OR NEW.made_at IS NOT OLD.made_at\n"
	"    OR NEW.not_before IS NOT OLD.not_before\n"
	"    OR NEW.not_after IS NOT OLD.not_after\n"
	"  BEGIN SELECT RAISE(ABORT, 'a message is sent or dismissed once,"
	" its text never changes'); END;\n"
	"CREATE VIEW v_outbox AS\n"
	"  SELECT id, order_id, kind, recipient, text, made_at, not_before,\n"
	"    not_after, sent_at, tries, failed_at, fail_reason, dismissed_at,\n"
	"    dismiss_reason, move_id, channel FROM outbox;\n"
	/*
	 * Conduct at the door (A13-A20, issue 21): the customer's answer to
	 * each item of the checklist, about one visit, once; what it meant
	 * when given (breach, major) is kept with it, so a later config
	 * never rewrites an old answer.  Never changed, never deleted.
	 */
	"CREATE TABLE conduct (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
	"  visit_id INTEGER NOT NULL REFERENCES visit(id),\n"
	"  worker_id INTEGER REFERENCES staff(id),\n"
	"  item TEXT NOT NULL,\n"
	"  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),\n"
	"  breach INTEGER NOT NULL CHECK (breach IN (0, 1)),\n"
	"  major INTEGER NOT NULL CHECK (major IN (0, 1)),\n"
	"  at INTEGER NOT NULL,\n"
	"  source TEXT NOT NULL CHECK (source IN ('done', 'followup')),\n"
	"  actor TEXT NOT NULL,\n"
	"  UNIQUE (visit_id, item)\n"
	");\n"
	"CREATE INDEX conduct_at ON conduct(at);\n"
	"CREATE TRIGGER conduct_no_update BEFORE UPDATE ON conduct\n"
	"  BEGIN SELECT RAISE(ABORT, 'an answer is never changed'); END;\n"
	"CREATE TRIGGER conduct_no_delete BEFORE DELETE ON conduct\n"
	"  BEGIN SELECT RAISE(ABORT, 'answers are never deleted'); END;\n"
	"CREATE VIEW v_conduct AS\n"
	"  SELECT k.id, k.order_id, v.no AS visit, w.login AS worker, k.item,\n"
	"    k.answer, k.breach, k.major, k.at, k.source, k.actor\n"
	"  FROM conduct k JOIN visit v ON v.id = k.visit_id\n"
	"  LEFT JOIN staff w ON w.id = k.worker_id;\n"
	/*
	 * Leave (issue 18): a worker away from from_at to to_at is given no
	 * visit then.  Cancelled once, with a reason, never deleted, never
	 * rewritten.  leave_staff is a person's, which dispatch reads;
	 * leave_to the leave to come, for leave-list and svc-report clashes.
	 */
	"CREATE TABLE leave (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  staff_id INTEGER NOT NULL REFERENCES staff(id),\n"
	"  from_at INTEGER NOT NULL,\n"
	"  to_at INTEGER NOT NULL CHECK (to_at > from_at),\n"
	"  reason TEXT NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  cancelled_at INTEGER,\n"
	"  cancel_reason TEXT,\n"
	"  cancelled_by TEXT\n"
	");\n"
	"CREATE INDEX leave_staff ON leave(staff_id, from_at)\n"
	"  WHERE cancelled_at IS NULL;\n"
	"CREATE INDEX leave_to ON leave(to_at);\n"
	"CREATE TRIGGER leave_no_delete BEFORE DELETE ON leave\n"
	"  BEGIN SELECT RAISE(ABORT, 'leave is never deleted'); END;\n"
	"CREATE TRIGGER leave_once BEFORE UPDATE ON leave\n"
	"  WHEN OLD.cancelled_at IS NOT NULL OR NEW.cancelled_at IS NULL\n"
	"    OR NEW.staff_id IS NOT OLD.staff_id OR NEW.from_at IS NOT OLD.from_at\n"
	"    OR NEW.to_at IS NOT OLD.to_at OR NEW.reason IS NOT OLD.reason\n"
	"    OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor\n"
	"  BEGIN SELECT RAISE(ABORT, 'leave is cancelled once, never"
	" rewritten'); END;\n"
	"CREATE VIEW v_leave AS\n"
	"  SELECT l.id, s.login, l.from_at, l.to_at, l.reason, l.at, l.actor,\n"
	"    l.cancelled_at, l.cancel_reason, l.cancelled_by\n"
	"  FROM leave l JOIN staff s ON s.id = l.staff_id;\n"
	/*
	 * Skills (issue 18): what a person can do (fridge, aircon), which
	 * the services of the catalogue name; svc-assign auto chooses only
	 * among those who have them.  Like roles, the current set, each
	 * change an event.
	 */
	"CREATE TABLE staff_skill (\n"
	"  staff_id INTEGER NOT NULL REFERENCES staff(id),\n"
	"  skill TEXT NOT NULL,\n"
	"  PRIMARY KEY (staff_id, skill)\n"
	") WITHOUT ROWID;\n"
	/* a person's own working hours, when not the calendar's (shifts) */
	"ALTER TABLE staff ADD COLUMN hours TEXT;\n"
	"DROP VIEW v_staff;\n"
	"CREATE VIEW v_staff AS\n"
	"  SELECT s.login, s.name, d.code AS dept,\n"
	"    (SELECT group_concat(role, ',') FROM\n"
	"      (SELECT role FROM staff_role r WHERE r.staff_id = s.id\n"
	"       ORDER BY role)) AS roles,\n"
	"    s.phone, s.badge, s.active, s.created_at,\n"
	"    (SELECT group_concat(skill, ',') FROM\n"
	"      (SELECT skill FROM staff_skill k WHERE k.staff_id = s.id\n"
	"       ORDER BY skill)) AS skills, s.hours\n"
	"  FROM staff s LEFT JOIN dept d ON d.id = s.dept_id;\n",

	/*
	 * 17: service plans (issue 18).  A plan is a standing agreement
	 * made from its first order, which went through the normal reply
	 * (G5, G6).  Its rules are appended, never rewritten: an edit
	 * starts a new rule from a date on, so what the plan said for any
	 * day stays readable.  Each occurrence is recorded once (the
	 * primary key makes "svc-plan run" idempotent and safe in
	 * parallel), with the order made for it or why none was.
	 */
	"CREATE TABLE plan (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  first_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),\n"
	"  state TEXT NOT NULL DEFAULT 'active'\n"
	"    CHECK (state IN ('active', 'paused', 'ended')),\n"
	"  created_at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  changed_at INTEGER\n"
	");\n"
	"CREATE INDEX plan_state ON plan(state);\n"
	"CREATE TRIGGER plan_no_delete BEFORE DELETE ON plan\n"
	"  BEGIN SELECT RAISE(ABORT, 'plans are never deleted'); END;\n"
	"CREATE TRIGGER plan_fixed BEFORE UPDATE ON plan\n"
	"  WHEN OLD.state = 'ended' OR NEW.first_id IS NOT OLD.first_id\n"
	"    OR NEW.created_at IS NOT OLD.created_at\n"
	"    OR NEW.actor IS NOT OLD.actor\n"
	"  BEGIN SELECT RAISE(ABORT, 'an ended plan stays ended, and a plan"
	" keeps its first order'); END;\n"
	"CREATE TABLE plan_rule (\n"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id),\n"
	"  from_at INTEGER NOT NULL,\n"
	"  start_at INTEGER NOT NULL,\n"
	"  every TEXT,\n"
	"  rrule TEXT NOT NULL,\n"
	"  on_holiday TEXT NOT NULL\n"
	"    CHECK (on_holiday IN ('skip', 'next', 'prev')),\n"
	"  at INTEGER NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  PRIMARY KEY (plan_id, from_at)\n"
	") WITHOUT ROWID;\n"
	"CREATE TRIGGER plan_rule_no_update BEFORE UPDATE ON plan_rule\n"
	"  BEGIN SELECT RAISE(ABORT, 'a plan is edited by a new rule from a"
	" date on'); END;\n"
	"CREATE TRIGGER plan_rule_no_delete BEFORE DELETE ON plan_rule\n"
	"  BEGIN SELECT RAISE(ABORT, 'rules of plans are never deleted'); END;\n"
	"CREATE TABLE plan_occ (\n"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id),\n"
	"  planned_at INTEGER NOT NULL,\n"
	"  at INTEGER,\n"
	"  order_id INTEGER UNIQUE REFERENCES orders(id),\n"
	"  note TEXT,\n"
	"  made_at INTEGER NOT NULL,\n"
	"  PRIMARY KEY (plan_id, planned_at)\n"
	");\n"
	"CREATE TRIGGER plan_occ_no_update BEFORE UPDATE ON plan_occ\n"
	"  BEGIN SELECT RAISE(ABORT, 'an occurrence is made once'); END;\n"
	"CREATE TRIGGER plan_occ_no_delete BEFORE DELETE ON plan_occ\n"
	"  BEGIN SELECT RAISE(ABORT, 'occurrences are never deleted'); END;\n"
	"CREATE VIEW v_plan AS\n"
	"  SELECT p.id, p.state, o.kind, c.name AS customer, p.first_id,\n"
	"    r.every, r.rrule, r.on_holiday, r.start_at, p.created_at,\n"
	"    p.actor, p.changed_at,\n"
	"    (SELECT count(*) FROM plan_occ x WHERE x.plan_id = p.id\n"
	"       AND x.order_id IS NOT NULL) AS made,\n"
	"    (SELECT max(planned_at) FROM plan_occ x WHERE x.plan_id = p.id)\n"
	"      AS last_at\n"
	"  FROM plan p JOIN orders o ON o.id = p.first_id\n"
	"  JOIN customer c ON c.id = o.customer_id\n"
	"  JOIN plan_rule r ON r.plan_id = p.id AND r.from_at =\n"
	"    (SELECT max(from_at) FROM plan_rule WHERE plan_id = p.id);\n"
	"CREATE VIEW v_plan_occ AS\n"
	"  SELECT plan_id AS plan, planned_at, at, order_id, note, made_at\n"
	"  FROM plan_occ;\n",
	/*
	 * 18: a summary of a period reads that period only (issue 16):
	 * payments by their time (revenue), rated visits by their end
	 * (rating); the orders and the arrivals had theirs.  An order's
	 * complaints by the order (its sheet read every complaint).
	 */
	"CREATE INDEX payment_at ON payment(at);\n"
	"CREATE INDEX visit_rated ON visit(ended_at) WHERE rating IS NOT NULL;\n"
	"CREATE INDEX complaint_order ON complaint(order_id);\n",
};

const int svc_nmigrations = sizeof svc_migrations / sizeof svc_migrations[0];

/*
 * schema_pg.c - the schema on PostgreSQL (issue 20): the state SQLite's
 * migrations reach (schema.c, version 18), written once in the server's
 * words.  A later migration adds its PostgreSQL text here, beside its
 * SQLite text in schema.c, under the same number.
 *
 * Where the dialects differ, what is kept is the meaning SQLite gives:
 * a flag is an integer 0 or 1, not a boolean; a sum of integers is an
 * integer (sum() of bigint is numeric on the server, so it is cast back);
 * "IS NOT" is IS DISTINCT FROM; a row a rule forbids to change or delete
 * is refused with SQLSTATE 23000, a constraint, as SQLite's RAISE(ABORT)
 * is one (exit status 65 on both engines).  Times stay INTEGER Unix
 * seconds and money INTEGER fen: bigint.  The schema's version is a row
 * of svc_schema, as SQLite's is its user_version.
 */
#include "svc.h"

const int svc_pg_schema_version = SVC_PG_SCHEMA_BASE;

/*
 * The server's migrations after 18, each under SQLite's number (db.c runs
 * them as it runs schema.c's; test_sql holds the counts equal), ended by
 * NULL.  None yet: migration 19's PostgreSQL text goes first.
 */
const char *const svc_pg_migrations[] = {
	NULL
};

/*
 * A new row's id is the highest so far plus one, as SQLite's rowid is,
 * so that the same commands give the same ids on both engines (a
 * sequence would skip the ids of rolled-back inserts, and an upsert that
 * did nothing draws one too).  Race-free because writers take turns
 * (db.c: svc_db_begin's lock).  The id given is kept in the session's
 * svc.last_id for svc_db_last_id (pg.c).
 */
#define NEXT_ID(t) \
"CREATE FUNCTION svc_id_" t "() RETURNS bigint LANGUAGE plpgsql AS $$\n" \
"  DECLARE n bigint; BEGIN\n" \
"  SELECT coalesce(max(id), 0) + 1 INTO n FROM " t ";\n" \
"  PERFORM set_config('svc.last_id', n::text, false); RETURN n; END $$;\n"

const char svc_pg_schema[] =
"CREATE TABLE svc_schema (version integer NOT NULL);\n"
"INSERT INTO svc_schema VALUES (18);\n"

/* SQLite's json_valid(): whether a text is JSON, never an error. */
"CREATE FUNCTION svc_json_valid(t text) RETURNS boolean LANGUAGE plpgsql\n"
"  IMMUTABLE AS $$ BEGIN PERFORM t::json; RETURN true;\n"
"  EXCEPTION WHEN others THEN RETURN false; END $$;\n"
/*
 * SQLite's functions that svc's statements call, under their names, so
 * that a statement is written once: group_concat skips nulls and is null
 * for none (its order is its input's, a sorted subquery's: PostgreSQL
 * keeps that order in practice, not by promise); max of two; total is a
 * sum that is 0.0 for no rows.
 */
"CREATE FUNCTION svc_concat(acc text, v text, sep text) RETURNS text\n"
"  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN acc\n"
"  WHEN acc IS NULL THEN v ELSE acc || sep || v END $$;\n"
"CREATE FUNCTION svc_concat(acc text, v text) RETURNS text\n"
"  LANGUAGE sql IMMUTABLE AS $$ SELECT svc_concat(acc, v, ',') $$;\n"
"CREATE AGGREGATE group_concat(text, text) (SFUNC = svc_concat,\n"
"  STYPE = text);\n"
"CREATE AGGREGATE group_concat(text) (SFUNC = svc_concat, STYPE = text);\n"
/* sum() of truths counts the true ones, as SQLite's of 1s and 0s. */
"CREATE FUNCTION svc_sum_truth(acc bigint, v boolean) RETURNS bigint\n"
"  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN acc\n"
"  ELSE coalesce(acc, 0) + v::int END $$;\n"
"CREATE AGGREGATE sum(boolean) (SFUNC = svc_sum_truth, STYPE = bigint);\n"
"CREATE FUNCTION max(a bigint, b bigint) RETURNS bigint LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT greatest(a, b) $$;\n"
"CREATE FUNCTION min(a bigint, b bigint) RETURNS bigint LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT least(a, b) $$;\n"
"CREATE FUNCTION instr(a text, b text) RETURNS integer LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT strpos(a, b) $$;\n"
/* A time of Unix seconds in the zone svc runs in (the session's: pg.c
 * gives the server svc's TZ), as date(), datetime() and strftime() of
 * SQLite give it with 'unixepoch', 'localtime': nothing else is asked. */
"CREATE FUNCTION svc_only_local(a text, b text) RETURNS timestamptz\n"
"  LANGUAGE plpgsql STABLE AS $$ BEGIN\n"
"  RAISE EXCEPTION 'svc: only unixepoch, localtime, not %, %', a, b;\n"
"  END $$;\n"
/* SQL, not plpgsql: the server inlines it into the statement, so that a
 * summary by month converts its rows at the speed of to_char */
"CREATE FUNCTION svc_local(x bigint, a text, b text) RETURNS timestamptz\n"
"  LANGUAGE sql STABLE AS $$ SELECT CASE WHEN a = 'unixepoch'\n"
"  AND b = 'localtime' THEN to_timestamp(x) ELSE svc_only_local(a, b)\n"
"  END $$;\n"
"CREATE FUNCTION date(x bigint, a text, b text) RETURNS text LANGUAGE sql\n"
"  STABLE AS $$ SELECT to_char(svc_local(x, a, b), 'YYYY-MM-DD') $$;\n"
"CREATE FUNCTION datetime(x bigint, a text, b text) RETURNS text\n"
"  LANGUAGE sql STABLE AS $$ SELECT to_char(svc_local(x, a, b),\n"
"  'YYYY-MM-DD HH24:MI:SS') $$;\n"
/*
 * SQLite's json_each(), json_extract() and julianday() as svc's
 * statements use them: json_each of a text gives key, value (a string
 * unquoted, a number or a truth as its text, an array or object as JSON),
 * SQLite's type name and an id in the document's order; json_extract
 * takes a path of keys ("$.message", "$.email.old") and gives the value
 * as text;
 * julianday the days of a 'YYYY-MM-DD' since SQLite's epoch.  A JSON
 * list of a filter is a few values (ROWS 10): the planner then takes the
 * index the filter names.
 */
"CREATE FUNCTION svc_json_value(v json) RETURNS text LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT CASE json_typeof(v) WHEN 'string' THEN v #>> '{}'\n"
"  WHEN 'null' THEN NULL ELSE v::text END $$;\n"
"CREATE FUNCTION svc_json_type(v json) RETURNS text LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT CASE json_typeof(v) WHEN 'string' THEN 'text'\n"
"  WHEN 'number' THEN CASE WHEN v::text ~ '^-?[0-9]+$' THEN 'integer'\n"
"  ELSE 'real' END WHEN 'boolean' THEN v::text ELSE json_typeof(v) END $$;\n"
"CREATE FUNCTION json_each(t text) RETURNS TABLE (key text, value text,\n"
"  type text, id bigint) LANGUAGE sql IMMUTABLE ROWS 10 AS $$\n"
"  SELECT (n - 1)::text, svc_json_value(v), svc_json_type(v), n\n"
"  FROM json_array_elements(CASE json_typeof(t::json) WHEN 'array'\n"
"  THEN t::json ELSE '[]' END) WITH ORDINALITY AS a(v, n)\n"
"  UNION ALL SELECT k, svc_json_value(v), svc_json_type(v), n\n"
"  FROM json_each(CASE json_typeof(t::json) WHEN 'object' THEN t::json\n"
"  ELSE '{}' END) WITH ORDINALITY AS o(k, v, n) ORDER BY 4 $$;\n"
"CREATE FUNCTION json_extract(t text, path text) RETURNS text\n"
"  LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN\n"
"  IF path !~ '^\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+$'\n"
"  THEN RAISE EXCEPTION 'svc: json_extract takes $.key.key only'; END IF;\n"
"  RETURN svc_json_value(t::json #> string_to_array(substr(path, 3), '.'));\n"
"  END $$;\n"
"CREATE FUNCTION julianday(d text) RETURNS float8 LANGUAGE sql IMMUTABLE\n"
"  AS $$ SELECT extract(epoch FROM d::timestamp)::float8 / 86400\n"
"  + 2440587.5 $$;\n"
/*
 * SQLite's PRAGMA foreign_key_check: each row whose reference finds no
 * row (the server holds every reference at each write, but a superuser
 * can turn that off: svc-db check looks).  The row's id, the table it
 * names and the constraint's name.  References of one column: svc's.
 */
"CREATE FUNCTION svc_foreign_key_check() RETURNS TABLE (tab text,\n"
"  rid bigint, parent text, fk text) LANGUAGE plpgsql STABLE AS $$\n"
"  DECLARE c record; BEGIN\n"
"  FOR c IN SELECT con.conname, ch.relname AS child, pa.relname AS parent,\n"
"    a.attname AS col, b.attname AS pcol FROM pg_constraint con\n"
"    JOIN pg_class ch ON ch.oid = con.conrelid\n"
"    JOIN pg_class pa ON pa.oid = con.confrelid\n"
"    JOIN pg_namespace n ON n.oid = ch.relnamespace\n"
"    JOIN pg_attribute a ON a.attrelid = con.conrelid\n"
"    AND a.attnum = con.conkey[1]\n"
"    JOIN pg_attribute b ON b.attrelid = con.confrelid\n"
"    AND b.attnum = con.confkey[1]\n"
"    WHERE con.contype = 'f' AND n.nspname = 'svc'\n"
"    ORDER BY ch.relname, con.conname LOOP\n"
"  RETURN QUERY EXECUTE format('SELECT %L::text, (to_jsonb(c) ->> ''id'')'\n"
"    '::bigint, %L::text, %L::text FROM svc.%I c WHERE c.%I IS NOT NULL'\n"
"    ' AND NOT EXISTS (SELECT 1 FROM svc.%I p WHERE p.%I = c.%I)',\n"
"    c.child, c.parent, c.conname, c.child, c.col, c.parent, c.pcol, c.col);\n"
"  END LOOP; END $$;\n"
/* svc_time of what is not a time (a text): null, as on SQLite. */
"CREATE FUNCTION svc_time(x text) RETURNS text LANGUAGE sql IMMUTABLE\n"
"  AS $$ SELECT NULL::text $$;\n"
/* svc_time(x): "2026-12-01 09:12", as db.c's function of SQLite, for
 * svc-report query; not a time, null.  (Unix seconds are bigint here.) */
"CREATE FUNCTION svc_time(x bigint) RETURNS text LANGUAGE sql STABLE\n"
"  AS $$ SELECT to_char(to_timestamp(x), 'YYYY-MM-DD HH24:MI') $$;\n"
/* %W: weeks from the year's first Monday, 00 before it, as C's. */
"CREATE FUNCTION strftime(f text, x bigint, a text, b text) RETURNS text\n"
"  LANGUAGE sql STABLE AS $$ SELECT replace(replace(replace(replace(\n"
"  replace(replace(f, '%Y', to_char(t, 'YYYY')), '%m', to_char(t, 'MM')),\n"
"  '%d', to_char(t, 'DD')), '%H', to_char(t, 'HH24')), '%M',\n"
"  to_char(t, 'MI')), '%W', lpad(((extract(doy FROM t)::int + 7 -\n"
"  extract(isodow FROM t)::int) / 7)::text, 2, '0'))\n"
"  FROM (SELECT svc_local(x, a, b) AS t) AS local $$;\n"
/* printf('%.Nf', x), the one format svc's statements ask for. */
"CREATE FUNCTION printf(f text, v numeric) RETURNS text LANGUAGE plpgsql\n"
"  IMMUTABLE AS $$ BEGIN IF f !~ '^%\\.[0-9]f$' THEN\n"
"  RAISE EXCEPTION 'svc: printf(%) is not given to PostgreSQL', f; END IF;\n"
"  RETURN round(v, substr(f, 3, 1)::int)::text; END $$;\n"
"CREATE FUNCTION printf(f text, v float8) RETURNS text LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT printf(f, v::numeric) $$;\n"
"CREATE FUNCTION svc_total_step(acc float8, v bigint) RETURNS float8\n"
"  LANGUAGE sql IMMUTABLE AS $$ SELECT acc + coalesce(v, 0) $$;\n"
"CREATE AGGREGATE total(bigint) (SFUNC = svc_total_step, STYPE = float8,\n"
"  INITCOND = '0');\n"
/* A refusal of the rules: a constraint, as RAISE(ABORT) is in SQLite. */
"CREATE FUNCTION svc_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
"  BEGIN RAISE EXCEPTION '%', TG_ARGV[0]\n"
"    USING ERRCODE = 'integrity_constraint_violation'; END $$;\n"

NEXT_ID("dept")
"CREATE TABLE dept (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_dept(),\n"
"  code text NOT NULL UNIQUE,\n"
"  name text NOT NULL,\n"
"  kind text NOT NULL CHECK (kind IN ('cleaning','repair','gov')),\n"
"  phone text,\n"
"  created_at bigint NOT NULL);\n"
NEXT_ID("staff")
"CREATE TABLE staff (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_staff(),\n"
"  login text NOT NULL UNIQUE,\n"
"  name text NOT NULL,\n"
"  dept_id bigint REFERENCES dept(id),\n"
"  phone text,\n"
"  badge text UNIQUE,\n"
"  active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
"  created_at bigint NOT NULL,\n"
"  hours text);\n"
"CREATE INDEX staff_dept ON staff(dept_id);\n"
NEXT_ID("event")
"CREATE TABLE event (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_event(),\n"
"  order_id bigint,\n"
"  subject text,\n"
"  at bigint NOT NULL,\n"
"  actor text NOT NULL,\n"
"  kind text NOT NULL,\n"
"  details text NOT NULL DEFAULT '{}' CHECK (svc_json_valid(details)),\n"
"  hash text, entered_by text, entered_at bigint);\n"
"CREATE INDEX event_order ON event(order_id, at) WHERE order_id IS NOT NULL;\n"
"CREATE INDEX event_subject ON event(subject, at) WHERE subject IS NOT NULL;\n"
NEXT_ID("customer")
"CREATE TABLE customer (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_customer(),\n"
"  phone text NOT NULL UNIQUE,\n"
"  name text NOT NULL,\n"
"  created_at bigint NOT NULL,\n"
"  email text);\n"
NEXT_ID("orders")
"CREATE TABLE orders (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_orders(),\n"
"  kind text NOT NULL CHECK (kind IN ('cleaning', 'repair', 'gov')),\n"
"  status text NOT NULL DEFAULT 'new',\n"
"  customer_id bigint NOT NULL REFERENCES customer(id),\n"
"  address text NOT NULL,\n"
"  channel text NOT NULL\n"
"    CHECK (channel IN ('window', 'phone', 'office', 'online')),\n"
"  grp text CHECK (grp IN ('elderly', 'frail', 'sick', 'disabled',\n"
"    'key-project')),\n"
"  dept_id bigint REFERENCES dept(id),\n"
"  product text, fault text, note text,\n"
"  want_at bigint,\n"
"  created_at bigint NOT NULL,\n"
"  reply_due bigint NOT NULL,\n"
"  replied_at bigint,\n"
"  reply_late integer CHECK (reply_late IN (0, 1)),\n"
"  appt_at bigint, appt_until bigint,\n"
"  documents text CHECK (documents IS NULL OR svc_json_valid(documents)),\n"
"  reason text,\n"
"  forced integer NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),\n"
"  worker_id bigint REFERENCES staff(id),\n"
"  helper_id bigint REFERENCES staff(id),\n"
"  balance bigint, customer_name text, followup_due bigint,\n"
"  followup_tries integer NOT NULL DEFAULT 0, closed_at bigint,\n"
"  followup_rating integer);\n"
"CREATE INDEX orders_pending ON orders(reply_due) WHERE replied_at IS NULL;\n"
"CREATE INDEX orders_status ON orders(status, created_at);\n"
"CREATE INDEX orders_created ON orders(created_at);\n"
"CREATE INDEX orders_appt ON orders(appt_at) WHERE appt_at IS NOT NULL;\n"
"CREATE INDEX orders_customer ON orders(customer_id);\n"
"CREATE INDEX orders_worker ON orders(worker_id, appt_at)\n"
"  WHERE worker_id IS NOT NULL;\n"
"CREATE INDEX orders_helper ON orders(helper_id, appt_at)\n"
"  WHERE helper_id IS NOT NULL;\n"
"CREATE INDEX orders_arrived ON orders(appt_at) WHERE status = 'arrived';\n"
"CREATE INDEX orders_dept ON orders(dept_id, created_at);\n"
"CREATE INDEX orders_owing ON orders(id) WHERE status = 'done' AND balance > 0;\n"
"CREATE INDEX orders_followup ON orders(followup_due)\n"
"  WHERE followup_due IS NOT NULL;\n"
"CREATE INDEX orders_closed ON orders(closed_at) WHERE closed_at IS NOT NULL;\n"
"CREATE TABLE order_service (\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  line integer NOT NULL,\n"
"  code text NOT NULL,\n"
"  name text NOT NULL,\n"
"  qty bigint NOT NULL CHECK (qty > 0),\n"
"  unit_price bigint NOT NULL CHECK (unit_price >= 0),\n"
"  minutes integer NOT NULL,\n"
"  documents text NOT NULL DEFAULT '[]' CHECK (svc_json_valid(documents)),\n"
"  PRIMARY KEY (order_id, line));\n"
"CREATE TABLE product (\n"
"  barcode text PRIMARY KEY,\n"
"  model text NOT NULL,\n"
"  name text NOT NULL,\n"
"  sold_on text NOT NULL CHECK (sold_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),\n"
"  warranty_months integer NOT NULL CHECK (warranty_months >= 0),\n"
"  created_at bigint NOT NULL);\n"
NEXT_ID("contact")
"CREATE TABLE contact (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_contact(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  at bigint NOT NULL,\n"
"  reached integer NOT NULL CHECK (reached IN (0, 1)),\n"
"  note text,\n"
"  actor text NOT NULL);\n"
"CREATE INDEX contact_order ON contact(order_id, at);\n"
NEXT_ID("attachment")
"CREATE TABLE attachment (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_attachment(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  kind text NOT NULL\n"
"    CHECK (kind IN ('photo-before', 'photo-after', 'other')),\n"
"  name text NOT NULL,\n"
"  data bytea NOT NULL,\n"
"  at bigint NOT NULL,\n"
"  actor text NOT NULL);\n"
"CREATE INDEX attachment_order ON attachment(order_id);\n"
NEXT_ID("charge")
"CREATE TABLE charge (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_charge(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  code text,\n"
"  what text NOT NULL,\n"
"  qty bigint NOT NULL CHECK (qty > 0),\n"
"  unit_price bigint NOT NULL CHECK (unit_price >= 0),\n"
"  at bigint NOT NULL,\n"
"  actor text NOT NULL);\n"
"CREATE INDEX charge_order ON charge(order_id);\n"
NEXT_ID("handover")
"CREATE TABLE handover (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_handover(),\n"
"  worker text NOT NULL,\n"
"  at bigint NOT NULL,\n"
"  expected bigint NOT NULL,\n"
"  counted bigint NOT NULL,\n"
"  difference bigint NOT NULL,\n"
"  actor text NOT NULL,\n"
"  hash text);\n"
NEXT_ID("payment")
"CREATE TABLE payment (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_payment(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  kind text NOT NULL CHECK (kind IN ('payment', 'refund')),\n"
"  amount bigint NOT NULL CHECK (amount > 0),\n"
"  method text NOT NULL CHECK (method IN\n"
"    ('cash', 'card', 'transfer', 'wechat', 'alipay')),\n"
"  place text NOT NULL CHECK (place IN ('site', 'finance')),\n"
"  collector text NOT NULL,\n"
"  at bigint NOT NULL,\n"
"  receipt_no text NOT NULL UNIQUE,\n"
"  reason text,\n"
"  void integer NOT NULL DEFAULT 0 CHECK (void IN (0, 1)),\n"
"  void_reason text,\n"
"  voided_at bigint,\n"
"  handover_id bigint REFERENCES handover(id),\n"
"  hash text);\n"
"CREATE INDEX payment_order ON payment(order_id);\n"
"CREATE INDEX payment_held ON payment(collector, at)\n"
"  WHERE method = 'cash' AND place = 'site' AND handover_id IS NULL;\n"
"CREATE INDEX payment_at ON payment(at);\n"
"CREATE TABLE receipt_seq (\n"
"  year integer PRIMARY KEY,\n"
"  last bigint NOT NULL);\n"
NEXT_ID("complaint")
"CREATE TABLE complaint (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_complaint(),\n"
"  order_id bigint REFERENCES orders(id),\n"
"  customer_id bigint REFERENCES customer(id),\n"
"  dept_id bigint REFERENCES dept(id),\n"
"  text text NOT NULL,\n"
"  at bigint NOT NULL,\n"
"  assigned_to text,\n"
"  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),\n"
"  resolution text,\n"
"  upheld integer CHECK (upheld IN (0, 1)),\n"
"  resolved_at bigint);\n"
"CREATE INDEX complaint_open ON complaint(at) WHERE status = 'open';\n"
"CREATE INDEX complaint_dept ON complaint(dept_id, at);\n"
"CREATE INDEX complaint_order ON complaint(order_id);\n"
NEXT_ID("move")
"CREATE TABLE move (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_move(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  at bigint NOT NULL,\n"
"  old_at bigint NOT NULL,\n"
"  new_at bigint,\n"
"  by text NOT NULL CHECK (by IN ('provider', 'applicant')),\n"
"  notified_at bigint NOT NULL,\n"
"  notice bigint NOT NULL,\n"
"  short integer NOT NULL CHECK (short IN (0, 1)),\n"
"  reason text NOT NULL,\n"
"  actor text NOT NULL,\n"
"  typed integer NOT NULL DEFAULT 1 CHECK (typed IN (0, 1)),\n"
"  told_at bigint);\n"
"CREATE INDEX move_order ON move(order_id);\n"
"CREATE INDEX move_short ON move(at) WHERE short = 1;\n"
NEXT_ID("visit")
"CREATE TABLE visit (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_visit(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  no integer NOT NULL CHECK (no >= 1),\n"
"  cause text NOT NULL CHECK (cause IN ('booking', 'move', 'resume',\n"
"    'return')),\n"
"  move_id bigint REFERENCES move(id),\n"
"  worker_id bigint REFERENCES staff(id),\n"
"  helper_id bigint REFERENCES staff(id),\n"
"  appt_at bigint, appt_until bigint, eta bigint,\n"
"  late_reason text, announced_at bigint, arrived_at bigint,\n"
"  late_minutes bigint, started_at bigint, voucher integer,\n"
"  barcode text, covered integer, covered_until text,\n"
"  parts_missing text, damage text, not_ours text,\n"
"  checks_signed_by text,\n"
"  chargeable integer NOT NULL DEFAULT 0,\n"
"  return_by text, returned_at bigint, ended_at bigint,\n"
"  outcome text CHECK (outcome IN ('done', 'suspended', 'taken_back',\n"
"    'abandoned', 'cancelled')),\n"
"  end_reason text, resume_at bigint, signed_by text,\n"
"  rating integer CHECK (rating BETWEEN 1 AND 5),\n"
"  comment text, signature bytea, report text, reported_at bigint,\n"
"  review_due bigint,\n"
"  review text CHECK (review IN ('ok', 'redo')),\n"
"  review_reason text, reviewed_at bigint, reviewed_by text,\n"
"  UNIQUE (order_id, no));\n"
"CREATE INDEX visit_late ON visit(appt_at) WHERE late_minutes > 0;\n"
"CREATE INDEX visit_arrived ON visit(arrived_at) WHERE arrived_at IS NOT NULL;\n"
"CREATE INDEX visit_takeback ON visit(return_by)\n"
"  WHERE outcome = 'taken_back' AND returned_at IS NULL;\n"
"CREATE INDEX visit_review ON visit(review_due)\n"
"  WHERE review IS NULL AND review_due IS NOT NULL;\n"
"CREATE INDEX visit_rated ON visit(ended_at) WHERE rating IS NOT NULL;\n"
NEXT_ID("followup")
"CREATE TABLE followup (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_followup(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  at bigint NOT NULL,\n"
"  reached integer NOT NULL CHECK (reached IN (0, 1)),\n"
"  rating integer CHECK (rating BETWEEN 1 AND 5),\n"
"  comment text,\n"
"  actor text NOT NULL);\n"
"CREATE INDEX followup_order ON followup(order_id);\n"
"CREATE TABLE staff_role (\n"
"  staff_id bigint NOT NULL REFERENCES staff(id),\n"
"  role text NOT NULL CHECK (role IN ('admin','complaints',\n"
"    'dispatcher','finance','reception','worker')),\n"
"  PRIMARY KEY (staff_id, role));\n"
"CREATE TABLE staff_skill (\n"
"  staff_id bigint NOT NULL REFERENCES staff(id),\n"
"  skill text NOT NULL,\n"
"  PRIMARY KEY (staff_id, skill));\n"
NEXT_ID("outbox")
"CREATE TABLE outbox (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_outbox(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  kind text NOT NULL CHECK (kind IN ('reply', 'refusal', 'move',\n"
"    'late', 'abandoned', 'reminder', 'followup')),\n"
"  move_id bigint REFERENCES move(id),\n"
"  channel text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'email')),\n"
"  recipient text NOT NULL,\n"
"  text text NOT NULL,\n"
"  made_at bigint NOT NULL,\n"
"  not_before bigint NOT NULL,\n"
"  not_after bigint,\n"
"  sent_at bigint,\n"
"  tries integer NOT NULL DEFAULT 0,\n"
"  failed_at bigint, fail_reason text,\n"
"  dismissed_at bigint, dismiss_reason text,\n"
"  dedup text UNIQUE);\n"
"CREATE INDEX outbox_open ON outbox(not_before)\n"
"  WHERE sent_at IS NULL AND dismissed_at IS NULL;\n"
"CREATE INDEX outbox_order ON outbox(order_id);\n"
NEXT_ID("conduct")
"CREATE TABLE conduct (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_conduct(),\n"
"  order_id bigint NOT NULL REFERENCES orders(id),\n"
"  visit_id bigint NOT NULL REFERENCES visit(id),\n"
"  worker_id bigint REFERENCES staff(id),\n"
"  item text NOT NULL,\n"
"  answer text NOT NULL CHECK (answer IN ('yes', 'no')),\n"
"  breach integer NOT NULL CHECK (breach IN (0, 1)),\n"
"  major integer NOT NULL CHECK (major IN (0, 1)),\n"
"  at bigint NOT NULL,\n"
"  source text NOT NULL CHECK (source IN ('done', 'followup')),\n"
"  actor text NOT NULL,\n"
"  UNIQUE (visit_id, item));\n"
"CREATE INDEX conduct_at ON conduct(at);\n"
NEXT_ID("leave")
"CREATE TABLE leave (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_leave(),\n"
"  staff_id bigint NOT NULL REFERENCES staff(id),\n"
"  from_at bigint NOT NULL,\n"
"  to_at bigint NOT NULL CHECK (to_at > from_at),\n"
"  reason text NOT NULL,\n"
"  at bigint NOT NULL,\n"
"  actor text NOT NULL,\n"
"  cancelled_at bigint, cancel_reason text, cancelled_by text);\n"
"CREATE INDEX leave_staff ON leave(staff_id, from_at) WHERE cancelled_at IS NULL;\n"
"CREATE INDEX leave_to ON leave(to_at);\n"
NEXT_ID("plan")
"CREATE TABLE plan (\n"
"  id bigint PRIMARY KEY DEFAULT svc_id_plan(),\n"
"  first_id bigint NOT NULL UNIQUE REFERENCES orders(id),\n"
"  state text NOT NULL DEFAULT 'active'\n"
"    CHECK (state IN ('active', 'paused', 'ended')),\n"
"  created_at bigint NOT NULL,\n"
"  actor text NOT NULL,\n"
"  changed_at bigint);\n"
"CREATE INDEX plan_state ON plan(state);\n"
"CREATE TABLE plan_rule (\n"
"  plan_id bigint NOT NULL REFERENCES plan(id),\n"
"  from_at bigint NOT NULL,\n"
"  start_at bigint NOT NULL,\n"
"  every text,\n"
"  rrule text NOT NULL,\n"
"  on_holiday text NOT NULL CHECK (on_holiday IN ('skip', 'next', 'prev')),\n"
"  at bigint NOT NULL,\n"
"  actor text NOT NULL,\n"
"  PRIMARY KEY (plan_id, from_at));\n"
"CREATE TABLE plan_occ (\n"
"  plan_id bigint NOT NULL REFERENCES plan(id),\n"
"  planned_at bigint NOT NULL,\n"
"  at bigint,\n"
"  order_id bigint UNIQUE REFERENCES orders(id),\n"
"  note text,\n"
"  made_at bigint NOT NULL,\n"
"  PRIMARY KEY (plan_id, planned_at));\n"

/* What is never deleted, and what changes once or never (G4). */
#define REFUSE(name, when, table, why) \
"CREATE TRIGGER " name " BEFORE " when " ON " table \
" FOR EACH ROW EXECUTE FUNCTION svc_refuse('" why "');\n"
#define REFUSE_IF(name, table, cond, why) \
"CREATE TRIGGER " name " BEFORE UPDATE ON " table \
" FOR EACH ROW WHEN (" cond ") EXECUTE FUNCTION svc_refuse('" why "');\n"
REFUSE("event_no_delete", "DELETE", "event", "the event log is append-only")
REFUSE("event_no_update", "UPDATE", "event", "the event log is append-only")
REFUSE("staff_no_delete", "DELETE", "staff", "staff are disabled, never deleted")
REFUSE("dept_no_delete", "DELETE", "dept", "departments are never deleted")
REFUSE("orders_no_delete", "DELETE", "orders", "orders are never deleted (G4)")
REFUSE("payment_no_delete", "DELETE", "payment",
    "receipts are voided, never deleted")
REFUSE("move_no_delete", "DELETE", "move", "moves are never deleted")
REFUSE("outbox_no_delete", "DELETE", "outbox", "messages are never deleted")
REFUSE("conduct_no_update", "UPDATE", "conduct", "an answer is never changed")
REFUSE("conduct_no_delete", "DELETE", "conduct", "answers are never deleted")
REFUSE("leave_no_delete", "DELETE", "leave", "leave is never deleted")
REFUSE("plan_no_delete", "DELETE", "plan", "plans are never deleted")
REFUSE("plan_rule_no_update", "UPDATE", "plan_rule",
    "a plan is edited by a new rule from a date on")
REFUSE("plan_rule_no_delete", "DELETE", "plan_rule",
    "rules of plans are never deleted")
REFUSE("plan_occ_no_update", "UPDATE", "plan_occ", "an occurrence is made once")
REFUSE("plan_occ_no_delete", "DELETE", "plan_occ",
    "occurrences are never deleted")
REFUSE_IF("move_once", "move", "OLD.told_at IS NOT NULL OR NEW.told_at IS NULL"
    " OR NEW.order_id IS DISTINCT FROM OLD.order_id"
    " OR NEW.at IS DISTINCT FROM OLD.at"
    " OR NEW.old_at IS DISTINCT FROM OLD.old_at"
    " OR NEW.new_at IS DISTINCT FROM OLD.new_at"
    " OR NEW.by IS DISTINCT FROM OLD.by"
    " OR NEW.notified_at IS DISTINCT FROM OLD.notified_at"
    " OR NEW.reason IS DISTINCT FROM OLD.reason"
    " OR NEW.actor IS DISTINCT FROM OLD.actor"
    " OR NEW.typed IS DISTINCT FROM OLD.typed",
    "a move is recorded once; only the proof of its notice is added, once")
REFUSE_IF("outbox_once", "outbox", "OLD.sent_at IS NOT NULL"
    " OR OLD.dismissed_at IS NOT NULL"
    " OR NEW.text IS DISTINCT FROM OLD.text"
    " OR NEW.recipient IS DISTINCT FROM OLD.recipient"
    " OR NEW.kind IS DISTINCT FROM OLD.kind"
    " OR NEW.order_id IS DISTINCT FROM OLD.order_id"
    " OR NEW.move_id IS DISTINCT FROM OLD.move_id"
    " OR NEW.channel IS DISTINCT FROM OLD.channel"
    " OR NEW.made_at IS DISTINCT FROM OLD.made_at"
    " OR NEW.not_before IS DISTINCT FROM OLD.not_before"
    " OR NEW.not_after IS DISTINCT FROM OLD.not_after",
    "a message is sent or dismissed once, its text never changes")
REFUSE_IF("leave_once", "leave", "OLD.cancelled_at IS NOT NULL"
    " OR NEW.cancelled_at IS NULL"
    " OR NEW.staff_id IS DISTINCT FROM OLD.staff_id"
    " OR NEW.from_at IS DISTINCT FROM OLD.from_at"
    " OR NEW.to_at IS DISTINCT FROM OLD.to_at"
    " OR NEW.reason IS DISTINCT FROM OLD.reason"
    " OR NEW.at IS DISTINCT FROM OLD.at"
    " OR NEW.actor IS DISTINCT FROM OLD.actor",
    "leave is cancelled once, never rewritten")
REFUSE_IF("plan_fixed", "plan", "OLD.state = 'ended'"
    " OR NEW.first_id IS DISTINCT FROM OLD.first_id"
    " OR NEW.created_at IS DISTINCT FROM OLD.created_at"
    " OR NEW.actor IS DISTINCT FROM OLD.actor",
    "an ended plan stays ended, and a plan keeps its first order")
#undef REFUSE
#undef REFUSE_IF

/* The documented views (svc(7)), column for column as on SQLite. */
"CREATE VIEW v_dept AS\n"
"  SELECT code, name, kind, phone, created_at FROM dept;\n"
"CREATE VIEW v_order_service AS\n"
"  SELECT order_id, line, code, name, qty, unit_price, minutes,\n"
"    documents FROM order_service;\n"
"CREATE VIEW v_contact AS\n"
"  SELECT id, order_id, at, reached, note, actor FROM contact;\n"
"CREATE VIEW v_product AS\n"
"  SELECT barcode, model, name, sold_on, warranty_months FROM product;\n"
"CREATE VIEW v_payment AS\n"
"  SELECT id, order_id, kind, amount, method, place, collector, at,\n"
"    receipt_no, reason, void, void_reason, voided_at, handover_id\n"
"  FROM payment;\n"
"CREATE VIEW v_charge AS\n"
"  SELECT id, order_id, code, what, qty, unit_price, at, actor FROM charge;\n"
"CREATE VIEW v_handover AS\n"
"  SELECT id, worker, at, expected, counted, difference, actor\n"
"  FROM handover;\n"
"CREATE VIEW v_complaint AS\n"
"  SELECT k.id, k.order_id, c.name AS customer, c.phone, d.code AS dept,\n"
"    k.text, k.at, k.assigned_to, k.status, k.resolution, k.upheld,\n"
"    k.resolved_at\n"
"  FROM complaint k LEFT JOIN customer c ON c.id = k.customer_id\n"
"  LEFT JOIN dept d ON d.id = k.dept_id;\n"
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
"  SELECT id, order_id, at, reached, rating, comment, actor FROM followup;\n"
"CREATE VIEW v_balance AS\n"
"  SELECT o.id, CAST(\n"
"    CASE WHEN coalesce((SELECT covered <> 0 AND chargeable = 0 FROM visit\n"
"      WHERE order_id = o.id AND covered IS NOT NULL\n"
"      ORDER BY no DESC LIMIT 1), false) THEN 0\n"
"    ELSE (SELECT coalesce(sum(qty * unit_price), 0) FROM order_service\n"
"      WHERE order_id = o.id)\n"
"      + (SELECT coalesce(sum(qty * unit_price), 0) FROM charge\n"
"      WHERE order_id = o.id) END\n"
"    - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount\n"
"      ELSE -amount END), 0) FROM payment\n"
"      WHERE order_id = o.id AND void = 0) AS bigint) AS balance\n"
"  FROM orders o;\n"
"CREATE VIEW v_visit AS\n"
"  SELECT v.order_id, v.eta, v.late_reason, v.announced_at,\n"
"    v.arrived_at, v.late_minutes, v.started_at, v.voucher, v.barcode,\n"
"    v.covered, v.covered_until, v.parts_missing, v.damage, v.not_ours,\n"
"    v.checks_signed_by, v.chargeable, v.return_by,\n"
"    CASE WHEN v.outcome = 'done' THEN v.ended_at END AS done_at,\n"
"    v.signed_by, v.rating, v.comment,\n"
"    (v.signature IS NOT NULL)::integer AS signed_image,\n"
"    v.no, v.cause, v.move_id, w.login AS visit_worker,\n"
"    h.login AS visit_helper, v.appt_at AS visit_at,\n"
"    v.appt_until AS visit_until, v.returned_at, v.ended_at, v.outcome,\n"
"    v.end_reason, v.resume_at, v.report, v.reported_at, v.review_due,\n"
"    v.review, v.review_reason, v.reviewed_at, v.reviewed_by\n"
"  FROM visit v LEFT JOIN staff w ON w.id = v.worker_id\n"
"  LEFT JOIN staff h ON h.id = v.helper_id;\n"
"CREATE VIEW v_event AS\n"
"  SELECT id, order_id, subject, at, actor, kind, details, entered_by,\n"
"    entered_at FROM event;\n"
"CREATE VIEW v_move AS\n"
"  SELECT id, order_id, at, old_at, new_at, by, notified_at, notice,\n"
"    short, reason, actor, typed, told_at FROM move;\n"
"CREATE VIEW v_outbox AS\n"
"  SELECT id, order_id, kind, recipient, text, made_at, not_before,\n"
"    not_after, sent_at, tries, failed_at, fail_reason, dismissed_at,\n"
"    dismiss_reason, move_id, channel FROM outbox;\n"
"CREATE VIEW v_conduct AS\n"
"  SELECT k.id, k.order_id, v.no AS visit, w.login AS worker, k.item,\n"
"    k.answer, k.breach, k.major, k.at, k.source, k.actor\n"
"  FROM conduct k JOIN visit v ON v.id = k.visit_id\n"
"  LEFT JOIN staff w ON w.id = k.worker_id;\n"
"CREATE VIEW v_leave AS\n"
"  SELECT l.id, s.login, l.from_at, l.to_at, l.reason, l.at, l.actor,\n"
"    l.cancelled_at, l.cancel_reason, l.cancelled_by\n"
"  FROM leave l JOIN staff s ON s.id = l.staff_id;\n"
"CREATE VIEW v_staff AS\n"
"  SELECT s.login, s.name, d.code AS dept,\n"
"    (SELECT string_agg(role, ',' ORDER BY role) FROM staff_role r\n"
"      WHERE r.staff_id = s.id) AS roles,\n"
"    s.phone, s.badge, s.active, s.created_at,\n"
"    (SELECT string_agg(skill, ',' ORDER BY skill) FROM staff_skill k\n"
"      WHERE k.staff_id = s.id) AS skills, s.hours\n"
"  FROM staff s LEFT JOIN dept d ON d.id = s.dept_id;\n"
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
"  FROM plan_occ;\n"

/* A done order keeps what it owes (migration 9): kept up by triggers,
 * each naming the column of its row that holds the order's id. */
"CREATE FUNCTION svc_balance() RETURNS trigger LANGUAGE plpgsql AS $$\n"
"  DECLARE o bigint; BEGIN\n"
"  EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) USING NEW INTO o;\n"
"  UPDATE orders SET balance = (SELECT b.balance FROM v_balance b\n"
"    WHERE b.id = o) WHERE id = o AND status = 'done';\n"
"  RETURN NULL; END $$;\n"
"CREATE TRIGGER balance_done AFTER UPDATE OF status ON orders FOR EACH ROW\n"
"  WHEN (NEW.status = 'done') EXECUTE FUNCTION svc_balance('id');\n"
"CREATE TRIGGER balance_payment AFTER INSERT ON payment FOR EACH ROW\n"
"  EXECUTE FUNCTION svc_balance('order_id');\n"
"CREATE TRIGGER balance_void AFTER UPDATE OF void ON payment FOR EACH ROW\n"
"  EXECUTE FUNCTION svc_balance('order_id');\n"
"CREATE TRIGGER balance_charge AFTER INSERT ON charge FOR EACH ROW\n"
"  EXECUTE FUNCTION svc_balance('order_id');\n"
"CREATE TRIGGER balance_cover AFTER UPDATE OF covered, chargeable ON visit\n"
"  FOR EACH ROW EXECUTE FUNCTION svc_balance('order_id');\n";

/*
 * The group roles svc-db init makes on the server (once a cluster: roles
 * are the cluster's) and what it grants them in this database: svc_app,
 * the commands' own (every table, no superuser, no DDL), and
 * svc_reader, the reports' (the documented views, and nothing under
 * them: a view reads its tables with its owner's rights).  People are
 * logins made members of one (svc-postgresql(7)).
 */
const char svc_pg_roles[] =
"DO $$ BEGIN\n"
"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'svc_app')\n"
"  THEN CREATE ROLE svc_app NOLOGIN; END IF;\n"
"  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'svc_reader')\n"
"  THEN CREATE ROLE svc_reader NOLOGIN; END IF; END $$;\n"
"GRANT USAGE ON SCHEMA svc TO svc_app, svc_reader;\n"
/* svc-report query sets the reader's role, for the app's people too */
"GRANT svc_reader TO svc_app;\n"
"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA svc\n"
"  TO svc_app;\n"
"GRANT USAGE ON ALL SEQUENCES IN SCHEMA svc TO svc_app;\n"
"DO $$ DECLARE v text; BEGIN\n"
"  FOR v IN SELECT viewname FROM pg_views WHERE schemaname = 'svc'\n"
"  AND viewname LIKE 'v\\_%' LOOP\n"
"  EXECUTE format('GRANT SELECT ON svc.%I TO svc_reader', v);\n"
"  END LOOP; END $$;\n";

/*
 * svc_seal(prev, col...), the sealed log's link (seal.c), giving the
 * hashes svc's own function gives on SQLite, byte for byte: each value
 * "n" for null, else its type letter and a netstring of its bytes (an
 * integer in decimal, a text in UTF-8), after the previous hash.  The
 * server's functions are typed, so there is one for each row svc seals:
 * an event (with and without who entered it), a payment, a handover and
 * a message's recipient and text.
 *
 * Code, not schema: they hold nothing, so every svc-db init on a server
 * makes them anew (CREATE OR REPLACE) and a database made by an older svc
 * gets this svc's.  Each is written to be inlined into the statement that
 * calls it, as a macro: no operator of a volatility above the function's
 * (an integer joined to a text by || is STABLE, hence the ::text), and
 * the link STABLE for convert_to is.  Called as functions, they were a
 * quarter of a registration's time on the server: each call parsed its
 * body anew.
 */
#define SEAL(args, canon) \
"CREATE OR REPLACE FUNCTION svc_seal(prev text, " args ") RETURNS text\n" \
"  LANGUAGE sql STABLE AS $$ SELECT svc_link(prev, " canon ") $$;\n"

const char svc_pg_code[] =
"CREATE OR REPLACE FUNCTION svc_canon(v bigint) RETURNS text LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN 'n' ELSE 'i' ||\n"
"  length(v::text)::text || ':' || v::text || ',' END $$;\n"
"CREATE OR REPLACE FUNCTION svc_canon(v text) RETURNS text LANGUAGE sql\n"
"  IMMUTABLE AS $$ SELECT CASE WHEN v IS NULL THEN 'n' ELSE 't' ||\n"
"  octet_length(v)::text || ':' || v || ',' END $$;\n"
"CREATE OR REPLACE FUNCTION svc_link(prev text, canon text) RETURNS text\n"
"  LANGUAGE sql STABLE AS $$ SELECT encode(sha256(convert_to(\n"
"  coalesce(prev, '') || canon, 'UTF8')), 'hex') $$;\n"
SEAL("a text, b text", "svc_canon(a) || svc_canon(b)")
SEAL("order_id bigint, subject text, at bigint, actor text, kind text,"
    " details text", "svc_canon(order_id) || svc_canon(subject) ||"
    " svc_canon(at) || svc_canon(actor) || svc_canon(kind) ||"
    " svc_canon(details)")
SEAL("order_id bigint, subject text, at bigint, actor text, kind text,"
    " details text, entered_by text, entered_at bigint",
    "svc_canon(order_id) || svc_canon(subject) || svc_canon(at) ||"
    " svc_canon(actor) || svc_canon(kind) || svc_canon(details) ||"
    " svc_canon(entered_by) || svc_canon(entered_at)")
SEAL("order_id bigint, kind text, amount bigint, method text, place text,"
    " collector text, at bigint, receipt_no text, reason text",
    "svc_canon(order_id) || svc_canon(kind) || svc_canon(amount) ||"
    " svc_canon(method) || svc_canon(place) || svc_canon(collector) ||"
    " svc_canon(at) || svc_canon(receipt_no) || svc_canon(reason)")
SEAL("worker text, at bigint, expected bigint, counted bigint,"
    " difference bigint, actor text", "svc_canon(worker) || svc_canon(at)"
    " || svc_canon(expected) || svc_canon(counted) ||"
    " svc_canon(difference) || svc_canon(actor)")
#undef SEAL
;

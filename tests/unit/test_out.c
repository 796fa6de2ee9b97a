/* test_out.c - the writers of DESIGN section 2. */
#include "unit.h"

static const struct svc_col cols[] = {
	{ "id", SVC_COL_INT, 0, 0 },
	{ "name", SVC_COL_TEXT, 8, 0 },
	{ "at", SVC_COL_TIME, 0, 0 },
	{ "amount", SVC_COL_MONEY, 0, 0 },
	{ "ok", SVC_COL_BOOL, 0, 0 },
};

static char text[4096];

static struct svc_out *
writer(FILE *f, enum svc_fmt fmt, const struct svc_col *c, int n, int header)
{
	struct svc_view v = { 0 };
	struct svc_err e = { 0 };

	v.fmt = fmt;
	v.header = header;
	return svc_out_new(f, &v, c, n, &e);
}

/* What a writer wrote to f, as a string. */
static const char *
read_back(FILE *f)
{
	size_t n;

	rewind(f);
	n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* One text column, a row for each value up to NULL. */
static const char *
column(enum svc_fmt fmt, const struct svc_col *col, const char *const *v)
{
	FILE *f = tmpfile();
	struct svc_out *o = writer(f, fmt, col, 1, 0);

	for (; *v; v++) {
		svc_out_text(o, *v);
		svc_out_row(o);
	}
	assert_int_equal(svc_out_finish(o), 0);
	return read_back(f);
}

/* Two rows through one writer, the output read back as a string. */
static const char *
render(enum svc_fmt fmt, int header)
{
	FILE *f = tmpfile();
	struct svc_out *o = writer(f, fmt, cols, 5, header);

	svc_out_int(o, 7);
	svc_out_text(o, "王师傅");
	svc_out_time(o, 1796090400);
	svc_out_money(o, 18050);
	svc_out_bool(o, 1);
	svc_out_row(o);
	svc_out_int(o, 12);
	svc_out_text(o, "tab\there, \"q\"\nnl");
	svc_out_null(o);
	svc_out_money(o, -5);
	svc_out_bool(o, 0);
	svc_out_row(o);
	assert_int_equal(svc_out_finish(o), 0);
	return read_back(f);
}

static void
tsv_one_line_per_record(void **state)
{
	(void)state;
	assert_string_equal(render(SVC_FMT_TSV, 0),
	    "7\t王师傅\t2026-12-01T10:00:00+08:00\t180.50\tyes\n"
	    "12\ttab\\there, \"q\"\\nnl\t\t-0.05\tno\n");
	/* -H adds the header line. */
	assert_int_equal(strncmp(render(SVC_FMT_TSV, 1),
	    "id\tname\tat\tamount\tok\n7\t", 23), 0);
}

/* Escapes anywhere: first, last, side by side, around UTF-8. */
static void
tsv_escapes_every_place(void **state)
{
	static const struct svc_col one[] = { { "v", SVC_COL_TEXT, 0, 0 } };
	static const char *const v[] = { "\\路\r\n\t号\\", "plain", NULL };

	(void)state;
	assert_string_equal(column(SVC_FMT_TSV, one, v),
	    "\\\\路\\r\\n\\t号\\\\\nplain\n");
}

static void
csv_is_rfc4180(void **state)
{
	(void)state;
	assert_string_equal(render(SVC_FMT_CSV, 0),
	    "id,name,at,amount,ok\r\n"
	    "7,王师傅,2026-12-01T10:00:00+08:00,180.50,yes\r\n"
	    "12,\"tab\there, \"\"q\"\"\nnl\",,-0.05,no\r\n");
}

/*
 * CSV injection (OWASP): a stored text that a spreadsheet would run as a
 * formula gets a leading apostrophe, quoted; svc's own numbers do not.
 */
static void
csv_neutralises_formulas(void **state)
{
	static const struct svc_col one[] = { { "v", SVC_COL_TEXT, 0, 0 } };
	static const char *const v[] = { "=1+1", "+86 139", "-2", "@SUM(A1)",
		"\tx", "\rx", "a=b", NULL };

	(void)state;
	assert_string_equal(column(SVC_FMT_CSV, one, v),
	    "v\r\n\"'=1+1\"\r\n\"'+86 139\"\r\n\"'-2\"\r\n\"'@SUM(A1)\"\r\n"
	    "\"'\tx\"\r\n\"'\rx\"\r\na=b\r\n");
}

/* A table is for a terminal: no escape sequence from stored text. */
static void
table_defangs_escapes(void **state)
{
	static const struct svc_col one[] = { { "v", SVC_COL_TEXT, 0, 0 } };
	static const char *const v[] = { "a\033[2Jb", "c\302\233" "1md", NULL };
	const char *t;

	(void)state;
	t = column(SVC_FMT_TABLE, one, v);
	assert_null(strchr(t, '\033'));
	assert_null(strstr(t, "\302\233"));
	assert_non_null(strstr(t, "a [2Jb"));
	assert_non_null(strstr(t, "c 1md"));
}

static void
json_lines_with_stable_keys(void **state)
{
	(void)state;
	assert_string_equal(render(SVC_FMT_JSON, 1),
	    "{\"id\":7,\"name\":\"王师傅\",\"at\":\"2026-12-01T10:00:00+08:00\","
	    "\"amount\":\"180.50\",\"ok\":true}\n"
	    "{\"id\":12,\"name\":\"tab\\there, \\\"q\\\"\\nnl\",\"at\":null,"
	    "\"amount\":\"-0.05\",\"ok\":false}\n");
}

/*
 * Columns align by display width: 王师傅 is six columns wide.  The name
 * column is capped at 8 and abbreviated with an ellipsis between
 * characters.  Numbers are right-aligned.
 */
static void
table_aligns_by_display_width(void **state)
{
	(void)state;
	assert_string_equal(render(SVC_FMT_TABLE, 0),
	    "id  name      at                amount  ok\n"
	    " 7  王师傅    2026-12-01 10:00  180.50  yes\n"
	    "12  tab her…                     -0.05  no\n");
}

static void
table_abbreviation_keeps_characters_whole(void **state)
{
	static const struct svc_col c1[] = { { "addr", SVC_COL_TEXT, 7, 0 } };
	static const char *const v[] = { "北京市朝阳区建国路", NULL };

	(void)state;
	/* 7 columns: three wide characters (6) and the ellipsis (1). */
	assert_string_equal(column(SVC_FMT_TABLE, c1, v), "addr\n北京市…\n");
	assert_true(svc_utf8_valid(text));
}

/* Issue 19: an empty table still says what its columns are. */
static void
empty_table_prints_its_header(void **state)
{
	FILE *f = tmpfile();
	struct svc_out *o = writer(f, SVC_FMT_TABLE, cols, 5, 1);

	(void)state;
	assert_int_equal(svc_out_count(o), 0);
	assert_int_equal(svc_out_finish(o), 0);
	assert_string_equal(read_back(f), "id  name  at  amount  ok\n");
	f = tmpfile();
	o = writer(f, SVC_FMT_TSV, cols, 5, 0);
	assert_int_equal(svc_out_finish(o), 0);
	assert_string_equal(read_back(f), "");
}

/* One row of the five columns through a view. */
static const char *
viewed(const struct svc_view *v)
{
	FILE *f = tmpfile();
	struct svc_err e = { 0 };
	struct svc_out *o = svc_out_new(f, v, cols, 5, &e);

	assert_non_null(o);
	svc_out_int(o, 7);
	svc_out_text(o, "王师傅家里有狗");
	svc_out_time(o, 1796090400);
	svc_out_money(o, 18050);
	svc_out_bool(o, 1);
	svc_out_row(o);
	assert_int_equal(svc_out_count(o), 1);
	assert_int_equal(svc_out_finish(o), 0);
	return read_back(f);
}

/* -F chooses and orders the columns in every format, like ps -o. */
static void
fields_choose_and_order(void **state)
{
	struct svc_view v = { 0 };

	(void)state;
	v.fields = "amount,id";
	v.fmt = SVC_FMT_TSV;
	assert_string_equal(viewed(&v), "180.50\t7\n");
	v.fmt = SVC_FMT_JSON;
	assert_string_equal(viewed(&v), "{\"amount\":\"180.50\",\"id\":7}\n");
	v.fmt = SVC_FMT_CSV;
	assert_string_equal(viewed(&v), "amount,id\r\n180.50,7\r\n");
	v.fmt = SVC_FMT_TABLE;
	v.header = 1;
	assert_string_equal(viewed(&v), "amount  id\n180.50   7\n");
}

static void
fields_unknown_or_twice_refused(void **state)
{
	struct svc_view v = { 0 };
	struct svc_err e = { 0 };

	(void)state;
	v.fields = "id,nmae";
	assert_null(svc_out_new(stdout, &v, cols, 5, &e));
	assert_int_equal(e.code, SVC_EX_USAGE);
	assert_string_equal(e.msg, "-F: nmae: no such field (id, name, at, "
	    "amount, ok)");
	v.fields = "id,id";
	assert_null(svc_out_new(stdout, &v, cols, 5, &e));
	assert_string_equal(e.msg, "-F: id: named twice");
	v.fields = "id,";
	assert_null(svc_out_new(stdout, &v, cols, 5, &e));
}

/*
 * A narrow screen: the column marked to go first goes, then free text is
 * cut; the id, the time and the amount are never cut.
 */
static const struct svc_col fitcols[] = {
	{ "id", SVC_COL_INT, 0, 0 },
	{ "note", SVC_COL_TEXT, 30, 1 },
	{ "addr", SVC_COL_TEXT, 30, 0 },
	{ "at", SVC_COL_TIME, 0, 0 },
};

static const char *
fitted(int width, int wide)
{
	FILE *f = tmpfile();
	struct svc_view v = { 0 };
	struct svc_err e = { 0 };
	struct svc_out *o;

	v.fmt = SVC_FMT_TABLE;
	v.width = width;
	v.wide = wide;
	o = svc_out_new(f, &v, fitcols, 4, &e);
	svc_out_int(o, 12345);
	svc_out_text(o, "家里有狗");
	svc_out_text(o, "北京市朝阳区建国路八十八号院");
	svc_out_time(o, 1796090400);
	svc_out_row(o);
	assert_int_equal(svc_out_finish(o), 0);
	return read_back(f);
}

static void
table_fits_the_screen(void **state)
{
	(void)state;
	assert_string_equal(fitted(80, 0), "   id  note      addr"
	    "                          at\n"
	    "12345  家里有狗  北京市朝阳区建国路八十八号院  2026-12-01 10:00\n");
	/* 60 columns: the note goes first, the address stays whole. */
	assert_string_equal(fitted(60, 0), "   id  addr"
	    "                          at\n"
	    "12345  北京市朝阳区建国路八十八号院  2026-12-01 10:00\n");
	/* 40: the address is cut, by display width, never mid-character. */
	assert_string_equal(fitted(40, 0), "   id  addr             at\n"
	    "12345  北京市朝阳区建…  2026-12-01 10:00\n");
	/* 10: keys and times stay whole; the line is as short as it can be. */
	assert_string_equal(fitted(10, 0), "   id  addr    at\n"
	    "12345  北京…   2026-12-01 10:00\n");
	/* -w: in full whatever the width. */
	assert_string_equal(fitted(10, 1), "   id  note      addr"
	    "                          at\n"
	    "12345  家里有狗  北京市朝阳区建国路八十八号院  2026-12-01 10:00\n");
	assert_true(svc_utf8_valid(text));
}

static void
minutes_read_as_hours(void **state)
{
	char b[32];

	(void)state;
	svc_minutes_text(970, b, sizeof b);
	assert_string_equal(b, "16h10m");
	svc_minutes_text(960, b, sizeof b);
	assert_string_equal(b, "16h");
	svc_minutes_text(45, b, sizeof b);
	assert_string_equal(b, "45m");
	svc_minutes_text(-5, b, sizeof b);
	assert_string_equal(b, "-5m");
	svc_minutes_text(0, b, sizeof b);
	assert_string_equal(b, "0m");
}

/* The C locale: headings and codes are the words themselves. */
static void
c_locale_words_are_english(void **state)
{
	(void)state;
	assert_string_equal(svc_heading("reply_due"), "reply_due");
	assert_string_equal(svc_label("taken_back"), "taken_back");
	assert_string_equal(svc_label("not-a-code"), "not-a-code");
}

/* A code column reads its word in a table, its code in tsv. */
static void
codes_in_tables_only(void **state)
{
	static const struct svc_col c1[] = {
		{ "status", SVC_COL_CODE, 0, 0 }, { "late", SVC_COL_MINUTES, 0, 0 },
	};
	FILE *f = tmpfile();
	struct svc_out *o = writer(f, SVC_FMT_TSV, c1, 2, 0);

	(void)state;
	svc_out_text(o, "new");
	svc_out_int(o, 970);
	svc_out_row(o);
	assert_int_equal(svc_out_finish(o), 0);
	assert_string_equal(read_back(f), "new\t970\n");
	f = tmpfile();
	o = writer(f, SVC_FMT_TABLE, c1, 2, 0);
	svc_out_text(o, "new");
	svc_out_int(o, 970);
	svc_out_row(o);
	assert_int_equal(svc_out_finish(o), 0);
	assert_string_equal(read_back(f), "status    late\nnew     16h10m\n");
}

/* --excel: the byte order mark, once, before the header. */
static void
excel_csv_has_a_bom(void **state)
{
	struct svc_view v = { 0 };

	(void)state;
	v.fmt = SVC_FMT_CSV;
	v.excel = 1;
	v.fields = "id";
	assert_string_equal(viewed(&v), "\xef\xbb\xbfid\r\n7\r\n");
	v.excel = 0;
	assert_string_equal(viewed(&v), "id\r\n7\r\n");
}

static void
format_names(void **state)
{
	enum svc_fmt f;

	(void)state;
	assert_int_equal(svc_fmt_parse("json", &f), 0);
	assert_int_equal(f, SVC_FMT_JSON);
	assert_int_equal(svc_fmt_parse("xml", &f), -1);
}

/* A full disk is an error, not a silent truncation. */
static void
write_error_is_reported(void **state)
{
	FILE *f = fopen("/dev/full", "w");
	struct svc_out *o;

	(void)state;
	if (f == NULL)
		skip();
	o = writer(f, SVC_FMT_TSV, cols, 5, 0);
	svc_out_int(o, 1);
	svc_out_row(o);
	assert_int_equal(svc_out_finish(o), SVC_EX_IOERR);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tsv_one_line_per_record),
		cmocka_unit_test(tsv_escapes_every_place),
		cmocka_unit_test(csv_is_rfc4180),
		cmocka_unit_test(csv_neutralises_formulas),
		cmocka_unit_test(table_defangs_escapes),
		cmocka_unit_test(json_lines_with_stable_keys),
		cmocka_unit_test(table_aligns_by_display_width),
		cmocka_unit_test(table_abbreviation_keeps_characters_whole),
		cmocka_unit_test(empty_table_prints_its_header),
		cmocka_unit_test(fields_choose_and_order),
		cmocka_unit_test(fields_unknown_or_twice_refused),
		cmocka_unit_test(table_fits_the_screen),
		cmocka_unit_test(minutes_read_as_hours),
		cmocka_unit_test(excel_csv_has_a_bom),
		cmocka_unit_test(c_locale_words_are_english),
		cmocka_unit_test(codes_in_tables_only),
		cmocka_unit_test(format_names),
		cmocka_unit_test(write_error_is_reported),
	};

	unit_tz();
	return cmocka_run_group_tests_name("out", tests, NULL, NULL);
}

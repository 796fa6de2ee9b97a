/*
 * tmpl.c - the texts of the outbox's messages (issue 17): one template
 * per message, set in the config for every kind of service ("messages:")
 * or for one ("rules: KIND: messages:"), with named fields in braces.
 * The shipped texts are Chinese, one SMS where they can be, signed with
 * the department's published phone (G3).  A field a message does not
 * have is a config error where it stands, never a text sent with a hole.
 */
#include <string.h>

#include "svc.h"

/* Every message knows its order, to whom and from which window. */
#define COMMON "order", "customer", "dept", "dept_phone", "services", \
	"address", "greeting", "signature"

static const char *const reply_fields[] = {
	COMMON, "notice", "at", "until", "documents", NULL
};
static const char *const refusal_fields[] = { COMMON, "notice", "reason", NULL };
static const char *const move_fields[] = {
	COMMON, "old_at", "at", "reason", "because", NULL
};
static const char *const cancel_fields[] = {
	COMMON, "old_at", "reason", "because", NULL
};
static const char *const late_fields[] = {
	COMMON, "eta", "reason", "because", NULL
};
static const char *const at_fields[] = { COMMON, "at", NULL };
static const char *const reminder_fields[] = {
	COMMON, "at", "until", "documents", NULL
};

const struct svc_msg svc_msgs[SVC_NMSGS] = {
	/* G5, G6: the whole reply, every document at once */
	{ "reply", reply_fields, "{notice}" },
	{ "refusal", refusal_fields, "{notice}" },
	/* G9 */
	{ "move", move_fields, "{greeting}您预约的上门服务（{services}）时间由"
	    "{old_at}改为{at}。{because}{signature}" },
	{ "cancel", cancel_fields, "{greeting}您预约于{old_at}的上门服务"
	    "（{services}）已取消。{because}{signature}" },
	/* A1 */
	{ "late", late_fields, "{greeting}工作人员将晚于约定时间到达，预计{eta}"
	    "上门，敬请谅解。{because}{signature}" },
	/* G10 */
	{ "abandoned", at_fields, "{greeting}工作人员于{at}按约上门，您不在场"
	    "且电话无法接通，本次服务视为放弃。如仍需服务，请重新申请。"
	    "{signature}" },
	{ "reminder", reminder_fields, "{greeting}提醒：您预约的上门服务（{services}）"
	    "将于{at}到{address}，请届时在家。{signature}" },
	/* the return call (回访) the kind's rules ask for */
	{ "followup", at_fields, "{greeting}感谢您使用上门服务（{services}）。"
	    "我们将于{at}前后致电回访，请留意接听。{signature}" },
};

int
svc_msg_index(const char *name)
{
	int i;

	for (i = 0; i < SVC_NMSGS; i++)
		if (strcmp(svc_msgs[i].name, name) == 0)
			return i;
	return -1;
}

static int
has_field(const char *const *fields, const char *name, size_t n)
{
	for (; *fields; fields++)
		if (strlen(*fields) == n && strncmp(*fields, name, n) == 0)
			return 1;
	return 0;
}

/*
 * The template is well made for message msg: every "{name}" one of its
 * fields, "{{" and "}}" the braces themselves.  Else -1, and *at is the
 * byte offset of the field at fault.
 */
int
svc_tmpl_check(int msg, const char *t, size_t *at)
{
	const char *p, *end;

	for (p = t; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p == '}')
			goto bad;
		if (*p != '{')
			continue;
		if ((end = strchr(p + 1, '}')) == NULL ||
		    !has_field(svc_msgs[msg].fields, p + 1, (size_t)(end - p - 1)))
			goto bad;
		p = end;
	}
	return 0;
bad:
	*at = (size_t)(p - t);
	return -1;
}

static const char *
value_of(const struct svc_field *f, int n, const char *name, size_t len)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(f[i].name) == len && strncmp(f[i].name, name, len) == 0)
			return f[i].value ? f[i].value : "";
	return "";
}

/* The text of a template checked by svc_tmpl_check, its fields filled. */
void
svc_tmpl_render(struct svc_buf *b, const char *t, const struct svc_field *f,
    int n)
{
	const char *p, *end;

	for (p = t; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			svc_buf_putc(b, *p++);
			continue;
		}
		if (*p != '{' || (end = strchr(p + 1, '}')) == NULL) {
			svc_buf_putc(b, *p);
			continue;
		}
		svc_buf_puts(b, value_of(f, n, p + 1, (size_t)(end - p - 1)));
		p = end;
	}
	if (b->s == NULL)
		svc_buf_puts(b, "");
}

/*
 * The template for message msg on an order of kind: the kind's own, else
 * the config's for every kind, else the shipped one.
 */
const char *
svc_tmpl_of(const struct svc_conf *c, const char *kind, int msg)
{
	int i;

	if (c) {
		for (i = 0; kind && i < SVC_NKINDS; i++)
			if (strcmp(c->rules[i].kind, kind) == 0 &&
			    c->rules[i].msg[msg])
				return c->rules[i].msg[msg];
		if (c->msg[msg])
			return c->msg[msg];
	}
	return svc_msgs[msg].text;
}

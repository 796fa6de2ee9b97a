/* fuzz_import.c - the import readers (YAML, JSON Lines), on any bytes. */
#include <unistd.h>

#include "fuzz.h"

static int
item(const struct svc_ynode *n, void *arg)
{
	static const char *const keys[] = { "customer", "phone", NULL };
	struct svc_err e = { 0 };

	(void)arg;
	if (n->type == SVC_Y_MAP)
		svc_ycheck_keys(n, keys, "fuzz", &e);
	return 0;
}

/* Keys whose values JSON Lines are checked but not built (jsonl.c). */
static const char *const unread[] = { "events", "visits", NULL };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/svc-fuzzXXXXXX";
	struct svc_err e = { 0 };
	int fd = mkstemp(path);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	svc_yaml_each(path, unread, NULL, item, NULL, &e);
	unlink(path);
	return 0;
}

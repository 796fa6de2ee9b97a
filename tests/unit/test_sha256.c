/*
 * test_sha256.c - the processor's SHA-256 gives libsodium's digests: the
 * standard's vectors, and every length across the padding's edges.
 */
#include <sodium.h>

#include "unit.h"

static void
hex(const unsigned char md[32], char out[65])
{
	int i;

	for (i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* FIPS 180-2's examples: "abc", the two-block message, and nothing. */
static void
gives_the_standards_digests(void **state)
{
	unsigned char md[32];
	char h[65];

	(void)state;
	assert_int_equal(svc_sha256("abc", 3, md), 0);
	hex(md, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(svc_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklm"
	    "klmnlmnomnopnopq", 56, md), 0);
	hex(md, h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	assert_int_equal(svc_sha256("", 0, md), 0);
	hex(md, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

/*
 * Lengths 0 to 300 (a block, the 55/56/64 edges of the padding, several
 * blocks) of varied bytes, and one long text, against libsodium.
 */
static void
agrees_with_libsodium(void **state)
{
	static unsigned char data[70000];
	unsigned char md[32], ref[32];
	size_t i, n;

	(void)state;
	assert_true(sodium_init() >= 0);
	for (i = 0; i < sizeof data; i++)
		data[i] = (unsigned char)(i * 131 + (i >> 7));
	for (n = 0; n <= 300; n++) {
		assert_int_equal(svc_sha256(data, n, md), 0);
		crypto_hash_sha256(ref, data, n);
		if (memcmp(md, ref, 32) != 0)
			fail_msg("length %zu differs (%s)", n, svc_sha256_impl());
	}
	assert_int_equal(svc_sha256(data, sizeof data, md), 0);
	crypto_hash_sha256(ref, data, sizeof data);
	assert_memory_equal(md, ref, 32);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gives_the_standards_digests),
		cmocka_unit_test(agrees_with_libsodium),
	};

	/* which one was tried, in the suite's log */
	fprintf(stderr, "# sha256: %s\n", svc_sha256_impl());
	return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}

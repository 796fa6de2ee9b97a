/*
 * sha256.c - SHA-256 for the sealed log (seal.c): the processor's SHA
 * instructions where it has them (x86-64 SHA extensions), else
 * libsodium's crypto_hash_sha256.
 *
 * Every event, payment and handover is sealed as it is written, and
 * svc-db verify rehashes every row: libsodium's portable SHA-256 was an
 * eighth of an import's instructions and most of a verify's.  The SHA
 * extensions do a 64-byte block in a few dozen instructions instead of a
 * few thousand.  The two give the same digests; a unit test holds them
 * equal over many lengths, and SVC_SHA256=portable forces libsodium (to
 * compare, or on a machine whose extensions are suspect).
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "svc.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define SVC_SHA_NI 1
#endif

#ifdef SVC_SHA_NI
static const uint32_t k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Whether this processor has the SHA extensions (and SSSE3, SSE4.1). */
static int
has_sha_ni(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & 1u << 9) ||
	    !(c & 1u << 19))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & 1u << 29) != 0;
}

/*
 * The compression of n 64-byte blocks into h.  The instructions keep the
 * state as {A,B,E,F} and {C,D,G,H}; each sha256rnds2 does two rounds, and
 * sha256msg1/msg2 with one alignr extend the message schedule four words
 * at a time from the four words-vectors before.
 */
__attribute__((target("sha,sse4.1,ssse3")))
static void
blocks_ni(uint32_t h[8], const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i s0, s1, t, abef, cdgh, m[4], w, k;
	int i;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1);
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B);
	s0 = _mm_alignr_epi8(t, s1, 8);		/* A B E F */
	s1 = _mm_blend_epi16(s1, t, 0xF0);	/* C D G H */
	for (; n > 0; n--, p += 64) {
		abef = s0;
		cdgh = s1;
		for (i = 0; i < 16; i++) {
			if (i < 4) {
				w = _mm_shuffle_epi8(_mm_loadu_si128(
				    (const __m128i *)(p + 16 * i)), swap);
			} else {
				/* W[t-16] + s0(W[t-15]), + W[t-7], + s1(W[t-2]) */
				w = _mm_sha256msg1_epu32(m[i & 3],
				    m[(i + 1) & 3]);
				w = _mm_add_epi32(w, _mm_alignr_epi8(
				    m[(i + 3) & 3], m[(i + 2) & 3], 4));
				w = _mm_sha256msg2_epu32(w, m[(i + 3) & 3]);
			}
			m[i & 3] = w;
			k = _mm_add_epi32(w, _mm_loadu_si128(
			    (const __m128i *)&k256[4 * i]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, k);
			s0 = _mm_sha256rnds2_epu32(s0, s1,
			    _mm_shuffle_epi32(k, 0x0E));
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1B);	/* F E B A */
	s1 = _mm_shuffle_epi32(s1, 0xB1);	/* D C H G */
	_mm_storeu_si128((__m128i *)&h[0], _mm_blend_epi16(t, s1, 0xF0));
	_mm_storeu_si128((__m128i *)&h[4], _mm_alignr_epi8(s1, t, 8));
}

static void
sha256_ni(const unsigned char *p, size_t n, unsigned char md[32])
{
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	unsigned char last[128] = { 0 };
	uint64_t bits = (uint64_t)n * 8;
	size_t full = n / 64, rest = n % 64, tail;
	int i;

	blocks_ni(h, p, full);
	/* the rest, 0x80, zeros, and the length in bits, big-endian */
	memcpy(last, p + 64 * full, rest);
	last[rest] = 0x80;
	tail = rest < 56 ? 64 : 128;
	for (i = 0; i < 8; i++)
		last[tail - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks_ni(h, last, tail / 64);
	for (i = 0; i < 8; i++) {
		md[4 * i] = (unsigned char)(h[i] >> 24);
		md[4 * i + 1] = (unsigned char)(h[i] >> 16);
		md[4 * i + 2] = (unsigned char)(h[i] >> 8);
		md[4 * i + 3] = (unsigned char)h[i];
	}
}
#endif

/* 1: the SHA extensions, 0: libsodium; chosen once. */
static int
use_ni(void)
{
	static int chosen = -1;
	const char *force;

	if (chosen < 0) {	/* the environment read once, not a hash */
		force = getenv("SVC_SHA256");
#ifdef SVC_SHA_NI
		chosen = !(force && strcmp(force, "portable") == 0) &&
		    has_sha_ni();
#else
		(void)force;
		chosen = 0;
#endif
	}
	return chosen;
}

int
svc_sha256(const void *data, size_t n, unsigned char md[32])
{
	static int ready;

#ifdef SVC_SHA_NI
	if (use_ni()) {
		sha256_ni(data, n, md);
		return 0;
	}
#endif
	/* once, and only in a command that hashes: reads stay light */
	if (!ready && (ready = sodium_init() >= 0) == 0)
		return -1;
	return crypto_hash_sha256(md, data, n) == 0 ? 0 : -1;
}

/* Which implementation svc_sha256 uses: for tests and svc-db verify -v. */
const char *
svc_sha256_impl(void)
{
	return use_ni() ? "sha-ni" : "libsodium";
}

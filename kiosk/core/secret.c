/* secret.c - random pass/receipt tokens (base32), their SHA-256 hashes and Argon2id PIN hashes,
 * all through libsodium. */
#include "secret.h"

#include <sodium.h>
#include <string.h>

#define SECRET_TOKEN_BYTES 20 /* 160 bits -> exactly 32 base32 characters */
/* OWASP lists equivalent Argon2id settings (19 MiB t=2, 12 MiB t=3, 9 MiB t=4, 7 MiB t=5): the
 * 9 MiB one keeps a sign-in inside the kiosk's 64 MB memory budget for the same attacker cost.
 * Existing hashes keep the parameters written into them. */
#define SECRET_PIN_OPSLIMIT 4ULL
#define SECRET_PIN_MEMLIMIT ((size_t)9 * 1024 * 1024)

akses_status secret_init(void)
{
	return sodium_init() >= 0 ? AKSES_OK : AKSES_E_IO;
}

/* RFC 4648 base32 of 20 random bytes: 160 bits = 32 groups of 5 bits, so no padding. */
void secret_token(char out[AKSES_TOKEN_BUF])
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned char raw[SECRET_TOKEN_BYTES];
	randombytes_buf(raw, sizeof raw);
	unsigned int acc = 0;
	int bits = 0, o = 0;
	for (size_t i = 0; i < sizeof raw; i++) {
		acc = (acc << 8) | raw[i];
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out[o++] = alphabet[(acc >> bits) & 31];
		}
		acc &= (1u << bits) - 1; /* keep only the unread bits */
	}
	out[o] = '\0';
	sodium_memzero(raw, sizeof raw);
}

void secret_token_hash(const char *token, unsigned char out[SECRET_HASH_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* Constant-time: the time taken does not depend on where the hashes differ. */
bool secret_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
	return sodium_memcmp(a, b, n) == 0;
}

akses_status secret_pin_hash(const char *pin, char out[SECRET_PIN_HASH_BUF])
{
	if (!pin || !out)
		return AKSES_E_INVALID_ARG;
	/* Argon2id named explicitly rather than relying on the library's default algorithm. */
	if (crypto_pwhash_str_alg(out, pin, strlen(pin), SECRET_PIN_OPSLIMIT, SECRET_PIN_MEMLIMIT,
	                          crypto_pwhash_ALG_ARGON2ID13) != 0)
		return AKSES_E_NOMEM;
	return AKSES_OK;
}

bool secret_pin_verify(const char *stored_hash, const char *pin)
{
	if (!stored_hash || !pin)
		return false;
	return crypto_pwhash_str_verify(stored_hash, pin, strlen(pin)) == 0;
}

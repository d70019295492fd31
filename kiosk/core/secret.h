/* secret.h - random tokens, token hashes and PIN hashes (libsodium).
 * Tokens: 20 bytes from the OS random source as 32 uppercase base32 characters (QR alphanumeric and
 * safe for a keyboard-wedge scanner on any layout). PINs: Argon2id (crypto_pwhash_str) with
 * t=4, m=9 MiB (one of OWASP's equivalent Argon2id minimums), so a sign-in fits the kiosk's memory
 * budget. */
#ifndef AKSES_SECRET_H
#define AKSES_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "status.h"

#define SECRET_HASH_BYTES 32
#define SECRET_PIN_HASH_BUF 128

/* Must be called once before any other function here (calls sodium_init). AKSES_E_IO on failure. */
akses_status secret_init(void);

/* A fresh token into out (AKSES_TOKEN_BUF bytes). */
void secret_token(char out[AKSES_TOKEN_BUF]);

/* SHA-256 of a token string. */
void secret_token_hash(const char *token, unsigned char out[SECRET_HASH_BYTES]);

/* Constant-time equality of two hashes. */
bool secret_equal(const unsigned char *a, const unsigned char *b, size_t n);

/* Argon2id hash of a PIN; AKSES_E_NOMEM if the memory could not be had. */
akses_status secret_pin_hash(const char *pin, char out[SECRET_PIN_HASH_BUF]);

/* true when pin matches the stored hash. */
bool secret_pin_verify(const char *stored_hash, const char *pin);

#endif

/* ctl_web.c - `aksesctl web cert`: a self-signed certificate and key (GnuTLS, ECDSA P-256) for
 * akses-web's first start, the key written 0600, and how to put the agency's own pair in place. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ctl.h"

#define WEB_CERT_DAYS 825 /* the longest validity browsers accept for a server certificate */

static const char *const help =
    N_("Usage: aksesctl web cert [--out DIR] [--cn NAME]\n"
       "\n"
       "Make a self-signed certificate and key for akses-web's first start: DIR/akses-web.crt\n"
       "and DIR/akses-web.key (mode 0600), for NAME (the console's host name or IPv4 address,\n"
       "default localhost). Existing files are never overwritten. Browsers warn about a\n"
       "self-signed certificate: install the agency's own as the [web] cert and key.\n");

/* Write data to a new file with mode; false (errno set) when it exists or cannot be written. */
static bool web_write_new(const char *path, const gnutls_datum_t *d, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return false;
	ssize_t n = write(fd, d->data, d->size);
	int err = errno;
	bool ok = n == (ssize_t)d->size && fsync(fd) == 0;
	if (close(fd) != 0 && ok)
		ok = false, err = errno;
	if (!ok) {
		unlink(path);
		errno = err ? err : EIO;
	}
	return ok;
}

/* Make the key and a certificate for cn valid from yesterday for WEB_CERT_DAYS, both PEM. */
static int web_make_pair(const char *cn, gnutls_datum_t *cert_pem, gnutls_datum_t *key_pem)
{
	gnutls_x509_privkey_t key = NULL;
	gnutls_x509_crt_t crt = NULL;
	unsigned char serial[16];
	struct in_addr ip;
	int rc = gnutls_x509_privkey_init(&key);
	if (rc >= 0)
		rc = gnutls_x509_privkey_generate(
		    key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
	if (rc >= 0)
		rc = gnutls_x509_crt_init(&crt);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_version(crt, 3);
	if (rc >= 0)
		rc = gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof serial);
	serial[0] &= 0x7f; /* a positive serial number */
	if (rc >= 0)
		rc = gnutls_x509_crt_set_serial(crt, serial, sizeof serial);
	time_t now = time(NULL);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_activation_time(crt, now - 24 * 3600);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_expiration_time(crt,
		                                         now + (time_t)WEB_CERT_DAYS * 24 * 3600);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, cn,
		                                   (unsigned)strlen(cn));
	if (rc >= 0)
		rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0,
		                                   "Akses", 5);
	/* browsers match the host against the alternative names only */
	if (rc >= 0 && inet_pton(AF_INET, cn, &ip) == 1)
		rc = gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_IPADDRESS, &ip, sizeof ip,
		                                          GNUTLS_FSAN_APPEND);
	else if (rc >= 0)
		rc = gnutls_x509_crt_set_subject_alt_name(crt, GNUTLS_SAN_DNSNAME, cn,
		                                          (unsigned)strlen(cn), GNUTLS_FSAN_APPEND);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_basic_constraints(crt, 0, -1);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 0);
	if (rc >= 0)
		rc = gnutls_x509_crt_set_key(crt, key);
	if (rc >= 0)
		rc = gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0);
	if (rc >= 0)
		rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, cert_pem);
	if (rc >= 0)
		rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, key_pem);
	gnutls_x509_crt_deinit(crt);
	gnutls_x509_privkey_deinit(key);
	return rc;
}

/* 'web_cert()' - Do the web cert sub-command. */
static int web_cert(struct ctl *c, int argc, char **argv)
{
	const char *out = NULL, *cn = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "out", .kind = CTL_OPT_VALUE, .value = &out},
	    {.name = "cn", .kind = CTL_OPT_VALUE, .value = &cn},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "web cert", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if (!out || !*out)
		out = ".";
	if (!cn)
		cn = "localhost";
	size_t cl = strlen(cn);
	if (cl == 0 || cl > 253 ||
	    strspn(cn, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	               "0123456789.-") != cl)
		return ctl_usage(T_("--cn: a host name or IPv4 address (letters, digits, dots, "
		                    "dashes)"));
	char crt_path[4096], key_path[4096];
	snprintf(crt_path, sizeof crt_path, "%s/akses-web.crt", out);
	snprintf(key_path, sizeof key_path, "%s/akses-web.key", out);
	if (access(crt_path, F_OK) == 0 || access(key_path, F_OK) == 0)
		return ctl_fail_text(T_("%s or %s exists already: nothing was written"), crt_path,
		                     key_path);
	gnutls_datum_t cert = {NULL, 0}, key = {NULL, 0};
	int g = web_make_pair(cn, &cert, &key);
	if (g < 0)
		return ctl_fail_text(T_("the certificate could not be made: %s"),
		                     gnutls_strerror(g));
	bool ok = web_write_new(key_path, &key, 0600);
	int err = errno;
	if (ok && !(ok = web_write_new(crt_path, &cert, 0644))) {
		err = errno;
		unlink(key_path); /* both or neither */
	}
	gnutls_memset(key.data, 0, key.size);
	gnutls_free(key.data);
	gnutls_free(cert.data);
	if (!ok)
		return ctl_fail_text(T_("%s: %s: nothing was written"), out, strerror(err));
	printf(T_("Wrote %s and %s (key mode 0600),\n"
	          "self-signed for %s, valid %d days. In the config's [web]: cert = %s, key = %s.\n"
	          "Browsers warn about a self-signed certificate: for daily use install the\n"
	          "agency's own - its certificate (with the chain) and key as PEM files in their\n"
	          "place, the key readable only by the user akses-web runs as (chmod 600) - and\n"
	          "restart akses-web.\n"),
	       crt_path, key_path, cn, WEB_CERT_DAYS, crt_path, key_path);
	return CTL_EXIT_OK;
}

/* 'ctl_cmd_web()' - Do the web command: dispatch its sub-command. */
int ctl_cmd_web(struct ctl *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "cert") == 0)
		return web_cert(c, argc - 1, argv + 1);
	return ctl_no_sub(argc, argv, "web", T_(help));
}

/* notify_smtp.c - one message handed to the SMTP server with libcurl: smtp:// with STARTTLS as
 * [notify] tls says, or smtps://; a login from the credentials file (user, then password). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "notify.h"

/* The message as libcurl's upload source. */
struct smtp_src {
	const char *p;
	size_t left;
};

static size_t smtp_read(char *buf, size_t size, size_t nmemb, void *user)
{
	struct smtp_src *src = user;
	size_t n = size * nmemb;
	if (n > src->left)
		n = src->left;
	memcpy(buf, src->p, n);
	src->p += n;
	src->left -= n;
	return n;
}

/* The credentials file: the user on the first line, the password on the second. 0 or -1. */
static int smtp_credentials(const char *path, char *user, size_t un, char *pass, size_t pn)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	int ok = fgets(user, (int)un, f) && fgets(pass, (int)pn, f);
	fclose(f);
	user[strcspn(user, "\r\n")] = '\0';
	pass[strcspn(pass, "\r\n")] = '\0';
	return ok && *user ? 0 : -1;
}

int notify_smtp_send(const struct akses_config *cfg, akses_email_buf *to, int n, const char *text,
                     char *err, size_t errn)
{
	char user[256] = "", pass[256] = "", from[300], cerr[CURL_ERROR_SIZE] = "";
	if (*cfg->smtp_credentials &&
	    smtp_credentials(cfg->smtp_credentials, user, sizeof user, pass, sizeof pass) != 0) {
		snprintf(err, errn, "credentials file unreadable: %s", cfg->smtp_credentials);
		return -1;
	}
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, errn, "curl_easy_init failed");
		return -1;
	}
	struct curl_slist *rcpt = NULL;
	for (int i = 0; i < n; i++)
		rcpt = curl_slist_append(rcpt, to[i]);
	snprintf(from, sizeof from, "<%s>", cfg->smtp_sender);
	struct smtp_src src = {text, strlen(text)};
	long tls = strcmp(cfg->smtp_tls, "none") == 0  ? CURLUSESSL_NONE
	           : strcmp(cfg->smtp_tls, "try") == 0 ? CURLUSESSL_TRY
	                                               : CURLUSESSL_ALL;
	curl_easy_setopt(c, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(c, CURLOPT_USE_SSL, tls);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, smtp_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &src);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)cfg->smtp_timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
	                 (long)(cfg->smtp_timeout_s < 10 ? cfg->smtp_timeout_s : 10));
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	/* only the mail protocols: a URL typed as http:// must not fetch anything */
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
	if (*user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass);
	}
	CURLcode rc = curl_easy_perform(c);
	sodium_memzero(pass, sizeof pass);
	if (rc != CURLE_OK)
		snprintf(err, errn, "smtp: %s", *cerr ? cerr : curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK)
		return 0;
	/* the server itself was not reached: the round's other mails need not try it again */
	return rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
	               rc == CURLE_OPERATION_TIMEDOUT
	           ? -2
	           : -1;
}

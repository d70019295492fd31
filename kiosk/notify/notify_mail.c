/* notify_mail.c - one notification as an e-mail message: headers (the subject RFC 2047-encoded)
 * and a plain-text body in Indonesian with each line in English under it. The language of a
 * staff member is not known and an applicant's is not stored, so every mail carries both. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "clock.h"
#include "i18n.h"
#include "notify_int.h"

/* A label in both languages, "Nomor permohonan / Request number". */
static void mail_label(FILE *f, const char *msgid)
{
	i18n_set_lang("id");
	fputs(M_(msgid), f);
	i18n_set_lang("en");
	fprintf(f, " / %s: ", M_(msgid));
}

/* Text as body lines: in a multi-line field (a reason) each newline becomes CRLF; any other control
 * character, and a newline in a one-line field (the institution), becomes a space. */
static void mail_body_text(FILE *f, const char *text, bool multiline)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\n' && multiline)
			fputs("\r\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fputc(' ', f);
		else
			fputc(*p, f);
	}
}

/* The subject as RFC 2047 encoded words (UTF-8, base64), safe whatever it holds: pieces of at
 * most 45 bytes, never cut inside a character, each word under 75 characters, one per folded line.
 */
static void mail_subject(FILE *f, const char *subject)
{
	const unsigned char *p = (const unsigned char *)subject;
	size_t left = strlen(subject);
	fputs("Subject:", f);
	while (left > 0) {
		size_t n = left < 45 ? left : 45;
		while (n < left && n > 1 && (p[n] & 0xc0) == 0x80)
			n--; /* p[n] continues a character: end the piece before that character */
		char b[64];  /* base64 of 45 bytes: 60 characters and its NUL */
		sodium_bin2base64(b, sizeof b, p, n, sodium_base64_VARIANT_ORIGINAL);
		fprintf(f, "%s=?UTF-8?B?%s?=", p == (const unsigned char *)subject ? " " : "\r\n ",
		        b);
		p += n;
		left -= n;
	}
	fputs("\r\n", f);
}

char *notify_mail_text(const struct akses_outbox_event *e, const struct akses_config *cfg,
                       akses_email_buf *to, int n, int64_t now)
{
	char *text = NULL, head_id[160], head_en[160], subject[400], date[64], buf[64];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	const char *before = i18n_lang();
	char keep[8];
	snprintf(keep, sizeof keep, "%s", before);

	i18n_set_lang("id");
	notify_headline(e, head_id, sizeof head_id);
	i18n_set_lang("en");
	notify_headline(e, head_en, sizeof head_en);
	snprintf(subject, sizeof subject, "[Akses] %s: %s / %s", e->number, head_id, head_en);

	time_t t = (time_t)now;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", &tm);
	const char *domain = strchr(cfg->smtp_sender, '@');
	fprintf(f, "Date: %s\r\nFrom: %s\r\nTo: ", date, cfg->smtp_sender);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? ", " : "", to[i]);
	fputs("\r\n", f);
	mail_subject(f, subject);
	/* one Message-ID per event: a receiver (or a person) can tell a repeat from a new event */
	fprintf(f, "Message-ID: <akses-outbox-%lld@%s>\r\n", (long long)e->id,
	        domain ? domain + 1 : "localhost");
	fputs("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	      "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n",
	      f);

	fprintf(f, "%s\r\n%s\r\n\r\n", head_id, head_en);
	mail_label(f, N_("Request number"));
	fprintf(f, "%s\r\n", e->number);
	mail_label(f, N_("Institution"));
	mail_body_text(f, e->institution, false);
	fputs("\r\n", f);
	if (e->role != ROLE_NONE) {
		mail_label(f, N_("Step"));
		i18n_set_lang("id");
		fprintf(f, "%d - %s", e->step, notify_step_name(e));
		i18n_set_lang("en");
		fprintf(f, " / %s\r\n", notify_step_name(e));
		mail_label(f, N_("Time standard"));
		i18n_set_lang("id");
		fputs(clock_format_duration(e->standard_s, buf, sizeof buf), f);
		i18n_set_lang("en");
		fprintf(f, " / %s\r\n", clock_format_duration(e->standard_s, buf, sizeof buf));
		mail_label(f, N_("Due"));
		fprintf(f, "%s\r\n", clock_format(e->due_at, buf, sizeof buf));
		char link[400];
		notify_link(cfg, e, link, sizeof link);
		if (*link) {
			mail_label(f, N_("Open in the console"));
			fprintf(f, "%s\r\n", link);
		}
	}
	if (*e->reason) {
		mail_label(f, N_("Reason"));
		mail_body_text(f, e->reason, true);
		fputs("\r\n", f);
	}
	i18n_set_lang("id");
	fprintf(f, "\r\n%s\r\n", notify_next_move(e));
	i18n_set_lang("en");
	fprintf(f, "%s\r\n", notify_next_move(e));
	i18n_set_lang(keep);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

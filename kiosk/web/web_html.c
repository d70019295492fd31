/* web_html.c - the pages' HTML: a growing buffer, the one escape function every piece of data goes
 * through, and the frame every page shares (head, the top bar, the flash line, the CSRF field). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "wf.h"

static void web_grow(struct web_buf *b, size_t more)
{
	if (b->oom || b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		b->oom = true;
		return;
	}
	b->s = s;
	b->cap = cap;
}

static void web_put(struct web_buf *b, const char *s, size_t n)
{
	web_grow(b, n);
	if (b->oom)
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void web_raw_n(struct web_buf *b, const char *s, size_t n)
{
	web_put(b, s, n);
}

void web_raw(struct web_buf *b, const char *s)
{
	web_put(b, s, strlen(s));
}

void web_rawf(struct web_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	web_grow(b, (size_t)n);
	if (b->oom)
		return;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void web_esc(struct web_buf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '&':
			web_raw(b, "&amp;");
			break;
		case '<':
			web_raw(b, "&lt;");
			break;
		case '>':
			web_raw(b, "&gt;");
			break;
		case '"':
			web_raw(b, "&quot;");
			break;
		case '\'':
			web_raw(b, "&#39;");
			break;
		default:
			web_put(b, p, 1);
			break;
		}
	}
}

void web_wrap(struct web_buf *b, const char *open, const char *text, const char *close)
{
	web_raw(b, open);
	web_esc(b, text);
	web_raw(b, close);
}

void web_csrf_field(struct web_buf *b, const struct web_session *s)
{
	web_raw(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	web_esc(b, s ? s->csrf : "");
	web_raw(b, "\">");
}

void web_page_top(struct web_buf *b, const struct web_session *s, const char *title, int refresh)
{
	web_rawf(b,
	         "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
	         i18n_lang());
	if (refresh > 0)
		web_rawf(b, "<meta http-equiv=\"refresh\" content=\"%d\">", refresh);
	web_raw(b, "<title>");
	web_esc(b, title);
	web_raw(b, " · Akses</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
	           "<script src=\"/static/countdown.js\" defer></script></head><body>"
	           "<header class=\"bar\"><a class=\"home\" href=\"/\">Akses</a>");
	if (s) {
		web_raw(b, "<span class=\"who\">");
		web_esc(b, s->name);
		web_raw(b, " · ");
		web_esc(b, wf_role_title(s->role));
		web_raw(b, "</span><form method=\"post\" action=\"/lang\" class=\"inline\">");
		web_csrf_field(b, s);
		web_rawf(b,
		         "<button name=\"lang\" value=\"%s\" class=\"link\" id=\"lang\">%s</button>"
		         "</form><form method=\"post\" action=\"/signout\" class=\"inline\">",
		         strcmp(s->lang, "en") ? "en" : "id",
		         strcmp(s->lang, "en") ? "English" : "Bahasa Indonesia");
		web_csrf_field(b, s);
		web_raw(b, "<button class=\"link\" id=\"signout\">");
		web_esc(b, W_("Sign out"));
		web_raw(b, "</button></form>");
	} else {
		web_rawf(b, "<a class=\"link\" id=\"lang\" href=\"/signin?lang=%s\">%s</a>",
		         strcmp(i18n_lang(), "en") ? "en" : "id",
		         strcmp(i18n_lang(), "en") ? "English" : "Bahasa Indonesia");
	}
	web_raw(b, "</header>");
	/* the Helpdesk home's lists, as at the kiosk: a row of its own below the bar */
	if (s && s->role == ROLE_HELPDESK) {
		web_wrap(b, "<nav class=\"desk\"><a href=\"/inside\" id=\"nav-inside\">",
		         W_("Inside now"), "</a> ");
		web_wrap(b, "<a href=\"/log\" id=\"nav-log\">", W_("Day's log"), "</a> ");
		web_wrap(b, "<a href=\"/audit\" id=\"nav-audit\">", W_("Audit trail"), "</a> ");
		web_wrap(b, "<a href=\"/compliance\" id=\"nav-compliance\">", W_("Compliance"),
		         "</a> ");
		web_wrap(b, "<a href=\"/print\" id=\"nav-print\">", W_("Print"), "</a></nav>");
	}
	web_raw(b, "<main>");
}

void web_page_flash(struct web_buf *b, struct web_session *s)
{
	if (!s || !s->flash[0])
		return;
	web_rawf(b, "<p class=\"flash %s\" id=\"flash\">", s->flash_ok ? "ok" : "bad");
	web_esc(b, s->flash);
	web_raw(b, "</p>");
	s->flash[0] = '\0';
}

void web_page_end(struct web_buf *b)
{
	web_raw(b, "</main></body></html>\n");
}

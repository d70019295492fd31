/* web_form.c - application/x-www-form-urlencoded bodies into fields: %-escapes and '+' decoded,
 * every value checked to be UTF-8 (core's decoder), CRLF made LF. The body's size is limited
 * before it gets here (web_server.c). */
#include <stdlib.h>
#include <string.h>

#include "valid.h"
#include "web.h"

static int web_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..len) in place into out (never longer); -1 on a bad escape or a NUL byte. */
static int web_unescape(const char *s, size_t len, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			if (i + 2 >= len)
				return -1;
			int hi = web_hex(s[i + 1]);
			int lo = web_hex(s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (c == '\0')
			return -1;
		/* a browser's text area sends CRLF; the store's texts hold LF only */
		if (c == '\n' && o > 0 && out[o - 1] == '\r')
			o--;
		out[o++] = c;
	}
	out[o] = '\0';
	return 0;
}

static bool web_utf8_ok(const char *s)
{
	unsigned long cp;
	while (*s) {
		size_t k = valid_utf8_decode(s, &cp);
		if (k == 0)
			return false;
		s += k;
	}
	return true;
}

int web_form_parse(struct web_form *f, const char *body, size_t len)
{
	memset(f, 0, sizeof *f);
	/* decoded text never grows; each field adds at most two NULs */
	f->cap = 2 * len + 2;
	f->buf = calloc(1, f->cap);
	if (!f->buf)
		return -1;
	char *out = f->buf;
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && body[end] != '&')
			end++;
		size_t eq = i;
		while (eq < end && body[eq] != '=')
			eq++;
		if (end > i) {
			if (f->n >= WEB_FIELDS_MAX)
				return -1;
			char *name = out;
			if (web_unescape(body + i, eq - i, name) != 0)
				return -1;
			out += strlen(name) + 1;
			char *value = out;
			size_t vl = eq < end ? end - eq - 1 : 0;
			if (web_unescape(body + (eq < end ? eq + 1 : end), vl, value) != 0)
				return -1;
			out += strlen(value) + 1;
			if (!web_utf8_ok(name) || !web_utf8_ok(value))
				return -1;
			f->name[f->n] = name;
			f->value[f->n] = value;
			f->n++;
		}
		i = end + 1;
	}
	return 0;
}

const char *web_form_get(const struct web_form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (!strcmp(f->name[i], name))
			return f->value[i];
	return NULL;
}

void web_form_free(struct web_form *f)
{
	if (f->buf) {
		/* PINs and personal text pass through here */
		memset(f->buf, 0, f->cap);
		free(f->buf);
	}
	memset(f, 0, sizeof *f);
}

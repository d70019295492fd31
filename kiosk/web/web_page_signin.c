/* web_page_signin.c - sign-in by staff number and PIN through the kiosk's store_signin (Argon2id,
 * the per-station backoff, the attempt records; the console is station "WEB"), a PIN an ADMIN set
 * changed by its owner as at the kiosk, sign-out, and the language switch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "web.h"

/* The form, with msg above it (NULL: none); change: ask for a new PIN too. */
static void signin_form(struct web_req *r, const char *msg, bool change, const char *staff)
{
	struct web_buf *b = &r->body;
	web_page_top(b, NULL, W_("Sign in"), 0);
	web_raw(b, "<h1>");
	web_esc(b, W_("Sign in to the Akses console"));
	web_raw(b, "</h1>");
	if (msg) {
		web_raw(b, "<p class=\"flash bad\" id=\"error\">");
		web_esc(b, msg);
		web_raw(b, "</p>");
	}
	web_raw(b, "<form method=\"post\" action=\"/signin\" class=\"card\">");
	web_rawf(b, "<input type=\"hidden\" name=\"lang\" value=\"%s\">", i18n_lang());
	web_raw(b, "<label for=\"staff\">");
	web_esc(b, W_("Staff number"));
	web_raw(b, "</label><input id=\"staff\" name=\"staff\" inputmode=\"numeric\" "
	           "autocomplete=\"username\" required value=\"");
	web_esc(b, staff ? staff : "");
	web_raw(b, "\"><label for=\"pin\">");
	web_esc(b, W_("PIN"));
	web_raw(b, "</label><input id=\"pin\" name=\"pin\" type=\"password\" inputmode=\"numeric\" "
	           "autocomplete=\"current-password\" required>");
	if (change) {
		web_raw(b, "<label for=\"newpin\">");
		web_esc(b, W_("New PIN (6-8 digits)"));
		web_raw(b, "</label><input id=\"newpin\" name=\"newpin\" type=\"password\" "
		           "inputmode=\"numeric\" autocomplete=\"new-password\" required>"
		           "<label for=\"again\">");
		web_esc(b, W_("New PIN again"));
		web_raw(b, "</label><input id=\"again\" name=\"again\" type=\"password\" "
		           "inputmode=\"numeric\" autocomplete=\"new-password\" required>");
	}
	web_raw(b, "<button id=\"go\" class=\"primary\">");
	web_esc(b, W_("Sign in"));
	web_raw(b, "</button></form>");
	web_page_end(b);
}

/* A staff number as typed: digits only, else 0 (recorded as an unknown account). */
static int64_t signin_staff_id(const char *s)
{
	if (!s || !*s || strlen(s) > 18 || strspn(s, "0123456789") != strlen(s))
		return 0;
	return strtoll(s, NULL, 10);
}

static void signin_ok(struct web_req *r, const struct akses_staff *s)
{
	struct web_session *sess = web_session_new(s, i18n_lang());
	snprintf(r->set_cookie, sizeof r->set_cookie,
	         "%s=%s; Secure; HttpOnly; SameSite=Strict; Path=/", WEB_COOKIE, sess->sid);
	web_redirect(r, "/");
}

void web_page_signin(struct web_req *r)
{
	const char *lang =
	    !strcmp(r->method, "POST") ? web_form_get(&r->form, "lang") : r->query_lang;
	if (lang && (!strcmp(lang, "en") || !strcmp(lang, "id")))
		i18n_set_lang(lang);
	if (strcmp(r->method, "POST") != 0) {
		if (r->sess)
			web_redirect(r, "/");
		else
			signin_form(r, NULL, false, NULL);
		return;
	}
	const char *staff = web_form_get(&r->form, "staff");
	const char *pin = web_form_get(&r->form, "pin");
	const char *newpin = web_form_get(&r->form, "newpin");
	const char *again = web_form_get(&r->form, "again");
	if (!web_rate_allow(r->ip, clock_now())) {
		r->status = 429;
		signin_form(r, W_("Too many sign-in tries from this computer: wait a minute."),
		            false, NULL);
		return;
	}
	struct akses_staff s;
	memset(&s, 0, sizeof s);
	int64_t id = signin_staff_id(staff);
	akses_status rc = store_signin(r->w->st, id, pin ? pin : "", WEB_STATION, &s);
	if (rc == AKSES_E_PIN_MUST_CHANGE && newpin && *newpin) {
		/* as the kiosk's PIN screen: the owner sets a PIN of their own, then signs in with
		 * it */
		if (!again || strcmp(newpin, again) != 0) {
			r->status = 400;
			signin_form(r, W_("The two new PINs differ. Type the new PIN twice."), true,
			            staff);
			return;
		}
		rc = store_staff_set_pin(r->w->st, s.id, s.id, newpin);
		if (rc == AKSES_OK)
			rc = store_signin(r->w->st, s.id, newpin, WEB_STATION, &s);
	}
	if (rc == AKSES_OK) {
		signin_ok(r, &s);
		return;
	}
	r->status = rc == AKSES_E_PIN_MUST_CHANGE || rc == AKSES_E_PIN_FORMAT ? 400 : 403;
	char msg[400];
	snprintf(msg, sizeof msg, "%s", akses_status_message(rc));
	if (rc == AKSES_E_PIN_LOCKED && s.retry_at > 0) {
		char when[24];
		clock_format(s.retry_at, when, sizeof when);
		snprintf(msg, sizeof msg, "%s %s %s", akses_status_message(rc),
		         W_("Try again after"), when);
	}
	signin_form(r, msg, rc == AKSES_E_PIN_MUST_CHANGE || rc == AKSES_E_PIN_FORMAT,
	            rc == AKSES_E_PIN_MUST_CHANGE || rc == AKSES_E_PIN_FORMAT ? staff : NULL);
}

void web_page_signout(struct web_req *r)
{
	web_session_end(r->sess);
	r->sess = NULL;
	snprintf(r->set_cookie, sizeof r->set_cookie,
	         "%s=; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=0", WEB_COOKIE);
	web_redirect(r, "/signin");
}

void web_page_lang(struct web_req *r)
{
	const char *lang = web_form_get(&r->form, "lang");
	if (lang && (!strcmp(lang, "en") || !strcmp(lang, "id")))
		snprintf(r->sess->lang, sizeof r->sess->lang, "%s", lang);
	web_redirect(r, "/");
}

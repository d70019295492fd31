/* web.h - what akses-web's files share: the server's context, a request being answered, the
 * sessions, form fields, the HTML buffer with its one escape function, and the pages. */
#ifndef AKSES_WEB_H
#define AKSES_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "i18n.h"
#include "model.h"
#include "status.h"
#include "store.h"

#define WEB_DOMAIN "akses-web"
#define W_(s) dgettext(WEB_DOMAIN, s) /* the console's own strings (assets/po/akses-web) */

#define WEB_BODY_MAX (16 * 1024) /* bytes: a POST body beyond this is refused whole */
#define WEB_IDLE_S 600           /* a session unused this long is over */
#define WEB_SESSIONS_MAX 64      /* signed-in sessions at once */
#define WEB_SID_HEX 64           /* 32 random bytes, hex */
#define WEB_COOKIE "akses_sid"   /* the session cookie's name */
#define WEB_STATION "WEB"        /* the sign-in records' station: the console */

/* ---- the server's context (one thread answers every request: see web_main.c) ------------- */

struct web {
	struct akses_config cfg;
	store *st;
};

/* ---- sessions (web_session.c) ------------------------------------------------------------- */

struct web_session {
	bool used;
	char sid[WEB_SID_HEX + 1];
	char csrf[WEB_SID_HEX + 1];
	int64_t staff_id;
	akses_role role;
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char lang[4];      /* "id" or "en" */
	int64_t last_seen; /* clock_now() of the last request */
	char flash[600];   /* the last action's outcome, shown once on the next page */
	bool flash_ok;
};

/* A new session for a signed-in staff member (the oldest one is dropped when all are in use). */
struct web_session *web_session_new(const struct akses_staff *s, const char *lang);
/* The live session with this id (constant-time compare), its last_seen moved to now; NULL when
 * there is none or it was idle WEB_IDLE_S or more (then it is wiped). *expired tells which. */
struct web_session *web_session_find(const char *sid, bool *expired);
void web_session_end(struct web_session *s);
/* Does token equal the session's CSRF token (sodium_memcmp)? */
bool web_session_csrf_ok(const struct web_session *s, const char *token);
void web_session_flash(struct web_session *s, bool ok, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- sign-in rate limit per client address (web_rate.c) ---------------------------------- */

/* May this address try a sign-in now? Counts the try when it may. */
bool web_rate_allow(const char *ip, int64_t now);

/* ---- form fields (web_form.c) ------------------------------------------------------------- */

#define WEB_FIELDS_MAX 16

struct web_form {
	int n;
	char *name[WEB_FIELDS_MAX];
	char *value[WEB_FIELDS_MAX];
	char *buf; /* owns the decoded text */
	size_t cap;
};

/* Parse an application/x-www-form-urlencoded body. -1 for a malformed one (bad %-escape, a
 * value that is not UTF-8, too many fields); a CRLF in a value becomes LF (browsers send text
 * areas with CRLF). */
int web_form_parse(struct web_form *f, const char *body, size_t len);
const char *web_form_get(const struct web_form *f, const char *name); /* NULL when absent */
void web_form_free(struct web_form *f);

/* ---- HTML output (web_html.c) ------------------------------------------------------------- */

struct web_buf {
	char *s;
	size_t len, cap;
	bool oom;
};

/* Text appended as is (markup of our own). */
void web_raw(struct web_buf *b, const char *s);
/* printf of our own markup: every %s argument must be ours or already escaped. */
void web_rawf(struct web_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* n bytes appended as they are (a request body being read). */
void web_raw_n(struct web_buf *b, const char *s, size_t n);
/* Text escaped for HTML (& < > " '): the one way any data reaches a page. */
void web_esc(struct web_buf *b, const char *s);

/* open, then text escaped, then close: "<th>" "Name" "</th>". */
void web_wrap(struct web_buf *b, const char *open, const char *text, const char *close);

/* The page's top (title, CSS, the bar with who is signed in, the language switch, sign-out) and
 * its end. s may be NULL (not signed in). refresh: seconds for the page to reload itself. */
void web_page_top(struct web_buf *b, const struct web_session *s, const char *title, int refresh);
void web_page_end(struct web_buf *b);
/* The session's flash (once), then cleared. */
void web_page_flash(struct web_buf *b, struct web_session *s);
/* A hidden CSRF field for a form. */
void web_csrf_field(struct web_buf *b, const struct web_session *s);

/* ---- the request being answered and the reply (web_server.c) ----------------------------- */

struct web_req {
	struct web *w;
	const char *method; /* "GET", "POST" */
	const char *path;
	const char *ip;
	const char *sid;                   /* the session cookie (may be NULL) */
	const char *query_lang;            /* ?lang= (the sign-in page's language switch) */
	const char *query_day;             /* ?day= (the day's log) */
	const char *query_from, *query_to; /* ?from=&to= (compliance) */
	const char *query_number;          /* ?number= (the print page's people of a request) */
	char number[64];                   /* the request number of /request/N paths */
	struct web_session *sess;          /* live session, or NULL */
	bool expired;                      /* a session cookie that was idle too long */
	struct web_form form;              /* POST fields */
	/* the reply */
	int status;
	struct web_buf body;
	const char *ctype;
	char location[512];    /* a 303's target */
	char set_cookie[256];  /* a Set-Cookie value */
	char disposition[128]; /* a Content-Disposition value (a PDF to download) */
};

/* Replies. */
void web_redirect(struct web_req *r, const char *to);
/* A whole page saying what went wrong, with status (400, 403, 404 ...). */
void web_error_page(struct web_req *r, int status, const char *title, const char *msg);

/* ---- pages -------------------------------------------------------------------------------- */

void web_page_signin(struct web_req *r);     /* GET/POST /signin */
void web_page_signout(struct web_req *r);    /* POST /signout */
void web_page_lang(struct web_req *r);       /* POST /lang */
void web_page_inbox(struct web_req *r);      /* GET / */
void web_page_request(struct web_req *r);    /* GET /request/N */
void web_page_act(struct web_req *r);        /* POST /request/N/act */
void web_page_inside(struct web_req *r);     /* GET /inside (HELPDESK) */
void web_page_log(struct web_req *r);        /* GET /log?day= (HELPDESK) */
void web_page_audit(struct web_req *r);      /* GET /audit (HELPDESK) */
void web_page_compliance(struct web_req *r); /* GET /compliance?from=&to= (HELPDESK) */
void web_page_print(struct web_req *r);      /* GET /print: the form and the jobs (HELPDESK) */
void web_page_print_post(struct web_req *r); /* POST /print: to a queue, or the PDF */
/* A step's time standard counting down (overdue in red), for countdown.js to go on with. */
void web_due_span(struct web_buf *b, int64_t due_at, int64_t now);
/* /static/app.css and /static/countdown.js; false when name is neither */
bool web_static(struct web_req *r, const char *name);

#endif

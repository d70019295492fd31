/* web_server.c - libmicrohttpd's callback: the body read up to WEB_BODY_MAX, the session looked
 * up, every POST checked for its CSRF token, the route chosen, and every reply sent with the same
 * security headers. One line per request goes to stderr: method, route and status (never the
 * path as typed, a query or a body, which could hold personal data). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web.h"
#include "web_server.h"

struct web_conn {
	struct web_buf body;
	bool too_big;
};

static const char *const web_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
     "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"},
    {"Strict-Transport-Security", "max-age=31536000"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cache-Control", "no-store"},
};

void web_redirect(struct web_req *r, const char *to)
{
	r->status = 303;
	snprintf(r->location, sizeof r->location, "%s", to);
}

void web_error_page(struct web_req *r, int status, const char *title, const char *msg)
{
	r->status = status;
	r->body.len = 0;
	web_page_top(&r->body, r->sess, title, 0);
	web_raw(&r->body, "<h1>");
	web_esc(&r->body, title);
	web_raw(&r->body, "</h1><p class=\"flash bad\" id=\"error\">");
	web_esc(&r->body, msg);
	web_raw(&r->body, "</p><p><a href=\"/\">");
	web_esc(&r->body, r->sess ? W_("Back to the inbox") : W_("Sign in"));
	web_raw(&r->body, "</a></p>");
	web_page_end(&r->body);
}

enum { WEB_GET = 1, WEB_POST = 2 };

/* The pages: a path ('*' stands for one segment, the request number, into r->number), the
 * methods, whether it answers without a session, and what answers it. */
struct web_route {
	const char *path;
	unsigned methods;
	bool open;
	void (*run)(struct web_req *r);
};

static const struct web_route web_routes[] = {
    {.path = "/signin", .methods = WEB_GET | WEB_POST, .open = true, .run = web_page_signin},
    {.path = "/signout", .methods = WEB_POST, .run = web_page_signout},
    {.path = "/lang", .methods = WEB_POST, .run = web_page_lang},
    {.path = "/", .methods = WEB_GET, .run = web_page_inbox},
    {.path = "/request/*", .methods = WEB_GET, .run = web_page_request},
    {.path = "/request/*/act", .methods = WEB_POST, .run = web_page_act},
    {.path = "/inside", .methods = WEB_GET, .run = web_page_inside},
    {.path = "/log", .methods = WEB_GET, .run = web_page_log},
    {.path = "/compliance", .methods = WEB_GET, .run = web_page_compliance},
    {.path = "/audit", .methods = WEB_GET, .run = web_page_audit},
    {.path = "/print", .methods = WEB_GET, .run = web_page_print},
    {.path = "/print", .methods = WEB_POST, .run = web_page_print_post},
};

/* Does path match pattern? A '*' takes one non-empty segment into seg[n]. */
static bool web_path_match(const char *pattern, const char *path, char *seg, size_t n)
{
	while (*pattern) {
		if (*pattern == '*') {
			size_t len = strcspn(path, "/");
			if (len == 0 || len >= n)
				return false;
			memcpy(seg, path, len);
			seg[len] = '\0';
			path += len;
			pattern++;
		} else if (*pattern++ != *path++) {
			return false;
		}
	}
	return *path == '\0';
}

/* The route of a request; NULL when there is none. */
static const struct web_route *web_route(struct web_req *r)
{
	unsigned m = !strcmp(r->method, "POST")                                ? WEB_POST
	             : !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD") ? WEB_GET
	                                                                       : 0;
	for (size_t i = 0; i < sizeof web_routes / sizeof web_routes[0]; i++)
		if ((web_routes[i].methods & m) &&
		    web_path_match(web_routes[i].path, r->path, r->number, sizeof r->number))
			return &web_routes[i];
	return NULL;
}

/* Answer a request whose body (if any) is in c; returns the route's name for the log. */
static const char *web_dispatch(struct web_req *r, struct web_conn *c)
{
	/* the language: the session's, else the config's (the sign-in page takes ?lang=) */
	i18n_set_lang(r->sess ? r->sess->lang : r->w->cfg.lang);
	bool get = !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD");
	if (get && !strcmp(r->path, "/favicon.ico")) {
		r->status = 204; /* no icon: browsers ask anyway */
		return "favicon";
	}
	if (get && !strncmp(r->path, "/static/", 8)) {
		if (!web_static(r, r->path + 8))
			web_error_page(r, 404, W_("Not found"), W_("There is no such page."));
		return "static";
	}
	const struct web_route *route = web_route(r);
	if (!route) {
		web_error_page(r, 404, W_("Not found"),
		               get ? W_("There is no such page.")
		                   : W_("There is no such page. Nothing was changed."));
		return "-";
	}
	if (!get) {
		if (c->too_big) {
			web_error_page(
			    r, 413, W_("Too much data"),
			    W_("The form sent more than the console accepts. Nothing was "
			       "changed."));
			return route->path;
		}
		if (web_form_parse(&r->form, c->body.s ? c->body.s : "", c->body.len) != 0) {
			web_error_page(
			    r, 400, W_("Bad form"),
			    W_("The form could not be read (it held text that is not valid "
			       "UTF-8, or was malformed). Nothing was changed."));
			return route->path;
		}
	}
	if (!route->open && !r->sess) {
		if (r->expired)
			web_error_page(
			    r, 401, W_("Session ended"),
			    W_("You were signed out after 10 minutes without use. Sign in "
			       "again. Nothing was changed."));
		else if (get)
			web_redirect(r, "/signin");
		else
			web_error_page(r, 401, W_("Not signed in"),
			               W_("Sign in first. Nothing was changed."));
		return route->path;
	}
	if (!route->open && !get && !web_session_csrf_ok(r->sess, web_form_get(&r->form, "csrf"))) {
		web_error_page(
		    r, 403, W_("Form refused"),
		    W_("This form did not come from a page of this console (its security "
		       "token is missing or wrong). Open the page again. Nothing was "
		       "changed."));
		return route->path;
	}
	route->run(r);
	return route->path;
}

static enum MHD_Result web_send(struct MHD_Connection *con, struct web_req *r)
{
	struct MHD_Response *resp;
	if (r->body.oom)
		r->status = 500, r->body.len = 0;
	resp = MHD_create_response_from_buffer(r->body.len, r->body.s ? r->body.s : (void *)"",
	                                       MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	for (size_t i = 0; i < sizeof web_headers / sizeof web_headers[0]; i++)
		MHD_add_response_header(resp, web_headers[i][0], web_headers[i][1]);
	MHD_add_response_header(resp, "Content-Type",
	                        r->ctype ? r->ctype : "text/html; charset=utf-8");
	if (r->location[0])
		MHD_add_response_header(resp, "Location", r->location);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	if (r->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	enum MHD_Result ret = MHD_queue_response(con, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result web_answer(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct web_conn *c = *con_cls;
	if (!c) {
		c = calloc(1, sizeof *c);
		if (!c)
			return MHD_NO;
		*con_cls = c;
		/* a body announced too big is not read at all */
		const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
		                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > WEB_BODY_MAX)
			c->too_big = true;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!c->too_big && c->body.len + *upload_data_size <= WEB_BODY_MAX) {
			web_raw_n(&c->body, upload_data, *upload_data_size);
		} else {
			c->too_big = true;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	struct web_req r;
	memset(&r, 0, sizeof r);
	r.w = cls;
	r.method = method;
	r.path = url;
	r.status = 200;
	char ip[INET6_ADDRSTRLEN] = "?";
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip,
		          sizeof ip);
	r.ip = ip;
	r.sid = MHD_lookup_connection_value(con, MHD_COOKIE_KIND, WEB_COOKIE);
	r.sess = web_session_find(r.sid, &r.expired);
	r.query_lang = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "lang");
	r.query_day = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "day");
	r.query_from = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "from");
	r.query_to = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "to");
	r.query_number = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "number");
	const char *route = web_dispatch(&r, c);
	/* the route's pattern, never the path as typed (it could hold anything) */
	fprintf(stderr, "akses-web: %s %s %d\n", method, route, r.status);
	enum MHD_Result ret = web_send(con, &r);
	web_form_free(&r.form);
	free(r.body.s);
	return ret;
}

/* Free a connection's body once its request is done (the body may hold a PIN). */
static void web_done(void *cls, struct MHD_Connection *con, void **con_cls,
                     enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)con, (void)toe;
	struct web_conn *c = *con_cls;
	if (!c)
		return;
	if (c->body.s) {
		memset(c->body.s, 0, c->body.cap);
		free(c->body.s);
	}
	free(c);
	*con_cls = NULL;
}

struct MHD_Daemon *web_server_start(struct web *w, const char *cert_pem, const char *key_pem,
                                    const struct sockaddr_in *addr)
{
	/* one internal thread answers every request in turn: the store handle, the process-wide
	 * language and the session table are then never shared between threads */
	return MHD_start_daemon(
	    MHD_USE_TLS | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
	    ntohs(addr->sin_port), NULL, NULL, web_answer, w, MHD_OPTION_SOCK_ADDR, addr,
	    MHD_OPTION_HTTPS_MEM_CERT, cert_pem, MHD_OPTION_HTTPS_MEM_KEY, key_pem,
	    MHD_OPTION_NOTIFY_COMPLETED, web_done, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)200,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)32, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)(64 * 1024), MHD_OPTION_END);
}

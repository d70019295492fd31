/* web_page_inbox.c - the signed-in official's inbox: what waits for their role (store_inbox, the
 * kiosk's query), each with its step's time standard counting down and overdue in red, reloading
 * itself every 30 seconds; for the Koordinator also the requests that may still be cancelled. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "web.h"
#include "wf.h"

#define INBOX_REFRESH_S 30

void web_due_span(struct web_buf *b, int64_t due_at, int64_t now)
{
	bool late = now > due_at;
	int64_t d = late ? now - due_at : due_at - now;
	char dur[32];
	snprintf(dur, sizeof dur, "%lld:%02d", (long long)(d / 60), (int)(d % 60));
	/* countdown.js counts on from the server's time with the same two sentences */
	web_rawf(b, "<span class=\"due%s\" data-due=\"%lld\" data-now=\"%lld\" data-left=\"",
	         late ? " late" : "", (long long)due_at, (long long)now);
	web_esc(b, W_("%s left"));
	web_raw(b, "\" data-over=\"");
	web_esc(b, W_("overdue %s"));
	web_raw(b, "\">");
	char text[80];
	snprintf(text, sizeof text, late ? W_("overdue %s") : W_("%s left"), dur);
	web_esc(b, text);
	web_raw(b, "</span>");
}

/* One request as a row linking to its page. */
static void inbox_row(struct web_buf *b, const struct akses_request_summary *s, int64_t now,
                      bool show_state)
{
	bool late = s->due_at && now > s->due_at;
	web_rawf(b, "<li class=\"row%s\"><a href=\"/request/", late ? " late" : "");
	web_esc(b, s->number);
	web_raw(b, "\"><span class=\"num\">");
	web_esc(b, s->number);
	web_raw(b, "</span> <span class=\"name\">");
	web_esc(b, s->name);
	web_raw(b, "</span><span class=\"sub\">");
	web_esc(b, s->institution);
	web_raw(b, " · ");
	if (show_state) {
		web_esc(b, wf_state_label(s->state));
	} else {
		web_esc(b, W_("step"));
		web_rawf(b, " %d", s->next_step);
	}
	web_raw(b, "</span></a>");
	if (s->due_at && !show_state)
		web_due_span(b, s->due_at, now);
	web_raw(b, "</li>");
}

void web_page_inbox(struct web_req *r)
{
	struct web_buf *b = &r->body;
	struct akses_request_summary *list = NULL, *all = NULL;
	int n = 0, n_all = 0;
	akses_status rc = store_inbox(r->w->st, r->sess->staff_id, &list, &n);
	if (rc != AKSES_OK) {
		web_error_page(r, rc == AKSES_E_ROLE ? 403 : 500, W_("Inbox"),
		               akses_status_message(rc));
		return;
	}
	int64_t now = clock_now();
	web_page_top(b, r->sess, W_("Inbox"), INBOX_REFRESH_S);
	web_page_flash(b, r->sess);
	char head[120];
	snprintf(head, sizeof head, W_("Waiting for you: %d"), n);
	web_raw(b, "<h1 id=\"inbox-head\">");
	web_esc(b, head);
	web_raw(b, "</h1>");
	if (n == 0) {
		web_raw(b, "<p class=\"muted\" id=\"empty\">");
		web_esc(b, W_("Nothing waits for you now."));
		web_raw(b, "</p>");
	}
	web_raw(b, "<ul class=\"list\" id=\"inbox\">");
	for (int i = 0; i < n; i++)
		inbox_row(b, &list[i], now, false);
	web_raw(b, "</ul>");
	if (r->sess->role == ROLE_KOORDINATOR &&
	    store_request_list(r->w->st, RS_NONE, &all, &n_all) == AKSES_OK) {
		/* the kiosk's second list: what the Koordinator may still cancel */
		int k = 0;
		for (int i = 0; i < n_all; i++)
			if (wf_check(WF_CANCEL, ROLE_KOORDINATOR, all[i].state, false) == AKSES_OK)
				all[k++] = all[i];
		snprintf(head, sizeof head, W_("Open requests: %d"), k);
		web_raw(b, "<h2>");
		web_esc(b, head);
		web_raw(b, "</h2><ul class=\"list\" id=\"open\">");
		for (int i = 0; i < k; i++)
			inbox_row(b, &all[i], now, true);
		web_raw(b, "</ul>");
	}
	web_page_end(b);
	free(list);
	free(all);
}

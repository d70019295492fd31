/* ctl_request.c - `aksesctl request submit|show|list|cancel`: step 1 (the applicant's, no staff), a
 * request's full record and timeline for staff, lists, and cancelling before step 6. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "valid.h"
#include "wf.h"

static const char *const help =
    N_("Usage: aksesctl request submit --name N --nik NIK --institution I --phone P [--email E]\n"
       "           [--category C] --purpose T --start 'YYYY-MM-DD HH:MM' --end 'YYYY-MM-DD HH:MM'\n"
       "           [--id-type nik|passport|kitas] [--companion 'NAME;[TYPE:]NUMBER']...\n"
       "           [--equipment TEXT]... --consent\n"
       "       aksesctl request show REQ --as ID\n"
       "       aksesctl request list --as ID [--state STATE] [--page N] [--per-page M]\n"
       "       aksesctl request cancel REQ (--as ID --reason T | --phone-digits DDDD)\n"
       "\n"
       "submit  SOP step 1, the applicant's: no staff sign-in. C is one of maintenance,\n"
       "        installation, audit, visit, other (default other). --consent accepts the privacy\n"
       "        notice (UU 27/2022). Prints the receipt token, then the request number last.\n"
       "        A visitor without a NIK gives a passport or KITAS number: --nik holds the number\n"
       "        of the --id-type document (default nik); a companion's number may start with\n"
       "        its type, as in 'Jane Doe;passport:X1234567'.\n"
       "show    the whole request and its timeline (staff). The NIK is masked except for the\n"
       "        KOORDINATOR, who verifies it; the phone except for the KOORDINATOR and HELPDESK.\n"
       "list    requests, newest first, with the step that waits and when it is due (staff).\n"
       "        STATE is a state code such as SUBMITTED, APPROVED, CLOSED. One page of M\n"
       "        requests (default 50, at most 1000) at a time, page N (default 1), with the\n"
       "        total.\n"
       "cancel  before step 6: a KOORDINATOR with a reason, or the applicant with the last 4\n"
       "        digits of the phone number given on the request.\n");

/* ---- submit ------------------------------------------------------------------------------- */

/* Split "NAME;NIK" at its last ';' into fresh strings (the NIK "" when there is no ';'). */
static int split_person(const char *s, char **name, char **nik)
{
	const char *semi = strrchr(s, ';');
	size_t len = semi ? (size_t)(semi - s) : strlen(s);
	*name = malloc(len + 1);
	*nik = strdup(semi ? semi + 1 : "");
	if (!*name || !*nik)
		return -1;
	memcpy(*name, s, len);
	(*name)[len] = '\0';
	return 0;
}

/* A companion's "TYPE:NUMBER" (or a bare NIK): *number points past the type. False for an
 * unknown type. */
static bool split_id(const char *s, akses_id_type *t, const char **number)
{
	const char *colon = strchr(s, ':');
	*t = ID_NIK;
	*number = s;
	if (!colon)
		return true;
	char code[16];
	size_t len = (size_t)(colon - s);
	if (len >= sizeof code)
		return false;
	memcpy(code, s, len);
	code[len] = '\0';
	*number = colon + 1;
	return valid_id_type_parse(code, t);
}

/* A refusal of the submission: ctl_fail_field, but a passport or KITAS number is named as such
 * and not as a NIK. */
static int request_fail(const struct ctl *c, const struct akses_request_input *in,
                        akses_status st, akses_field field, int index)
{
	akses_id_type t = field == AKSES_F_NIK ? in->id_type
	                  : field == AKSES_F_COMPANION_NIK && index >= 0 &&
	                          index < AKSES_MAX_COMPANIONS
	                      ? in->companion_id_type[index]
	                      : ID_NIK;
	if (t == ID_NIK)
		return ctl_fail_field(c, st, field, index);
	if (field == AKSES_F_COMPANION_NIK)
		fprintf(stderr, "aksesctl: %s %d: %s\n", akses_id_type_label(t), index + 1,
		        akses_status_message(st));
	else
		fprintf(stderr, "aksesctl: %s: %s\n", akses_id_type_label(t),
		        akses_status_message(st));
	return CTL_EXIT_FAIL;
}

/* 'request_submit()' - Submit a request (step 1); prints the receipt token and the number. */
static int request_submit(struct ctl *c, int argc, char **argv)
{
	const char *name = NULL, *nik = NULL, *inst = NULL, *phone = NULL, *email = NULL;
	const char *cat = NULL, *purpose = NULL, *start = NULL, *end = NULL, *id_type = NULL;
	const char *comp[AKSES_MAX_COMPANIONS], *equip[AKSES_MAX_EQUIPMENT];
	int n_comp = 0, n_equip = 0;
	bool consent = false;
	const struct ctl_opt opts[] = {
	    {.name = "name", .kind = CTL_OPT_VALUE, .value = &name},
	    {.name = "nik", .kind = CTL_OPT_VALUE, .value = &nik},
	    {.name = "id-type", .kind = CTL_OPT_VALUE, .value = &id_type},
	    {.name = "institution", .kind = CTL_OPT_VALUE, .value = &inst},
	    {.name = "phone", .kind = CTL_OPT_VALUE, .value = &phone},
	    {.name = "email", .kind = CTL_OPT_VALUE, .value = &email},
	    {.name = "category", .kind = CTL_OPT_VALUE, .value = &cat},
	    {.name = "purpose", .kind = CTL_OPT_VALUE, .value = &purpose},
	    {.name = "start", .kind = CTL_OPT_VALUE, .value = &start},
	    {.name = "end", .kind = CTL_OPT_VALUE, .value = &end},
	    {.name = "companion",
	     .kind = CTL_OPT_LIST,
	     .value = comp,
	     .count = &n_comp,
	     .max = AKSES_MAX_COMPANIONS},
	    {.name = "equipment",
	     .kind = CTL_OPT_LIST,
	     .value = equip,
	     .count = &n_equip,
	     .max = AKSES_MAX_EQUIPMENT},
	    {.name = "consent", .kind = CTL_OPT_FLAG, .flag = &consent},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "request submit", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	/* Missing options become empty fields: the core then names the field that is required, in
	 * form order, as the kiosk would. */
	struct akses_request_input in = {
	    .name = name ? name : "",
	    .nik = nik ? nik : "",
	    .institution = inst ? inst : "",
	    .phone = phone ? phone : "",
	    .email = email,
	    .purpose_category = PURPOSE_OTHER,
	    .purpose = purpose ? purpose : "",
	    .consent = consent,
	};
	if (id_type && !valid_id_type_parse(id_type, &in.id_type))
		return ctl_fail_field(c, AKSES_E_ID_TYPE, AKSES_F_NIK, 0);
	if (cat && wf_purpose_parse(cat, &in.purpose_category) != 0)
		return ctl_fail_field(c, AKSES_E_PURPOSE_CATEGORY, AKSES_F_PURPOSE_CATEGORY, 0);
	if (n_comp > AKSES_MAX_COMPANIONS)
		return ctl_fail_field(c, AKSES_E_TOO_MANY, AKSES_F_COMPANION_NAME,
		                      AKSES_MAX_COMPANIONS);
	if (n_equip > AKSES_MAX_EQUIPMENT)
		return ctl_fail_field(c, AKSES_E_TOO_MANY, AKSES_F_EQUIPMENT, AKSES_MAX_EQUIPMENT);
	/* The window is parsed here; the rest is the core's. A bad or missing window is reported
	 * only after the fields before it in form order, as the kiosk's form would. */
	akses_status wst = AKSES_OK, st;
	akses_field wfield = AKSES_F_NONE;
	if (!start || !*start)
		wst = AKSES_E_REQUIRED, wfield = AKSES_F_START;
	else if ((st = clock_parse(start, &in.start_at)) != AKSES_OK)
		wst = st, wfield = AKSES_F_START;
	else if (!end || !*end)
		wst = AKSES_E_REQUIRED, wfield = AKSES_F_END;
	else if ((st = clock_parse(end, &in.end_at)) != AKSES_OK)
		wst = st, wfield = AKSES_F_END;
	char *names[AKSES_MAX_COMPANIONS] = {0}, *niks[AKSES_MAX_COMPANIONS] = {0};
	in.n_companions = n_comp;
	for (int i = 0; i < n_comp; i++) {
		if (split_person(comp[i], &names[i], &niks[i]) != 0) {
			rc = ctl_fail(c, AKSES_E_NOMEM, NULL);
			goto out;
		}
		in.companion_name[i] = names[i];
		if (!split_id(niks[i], &in.companion_id_type[i], &in.companion_nik[i])) {
			rc = ctl_fail_field(c, AKSES_E_ID_TYPE, AKSES_F_COMPANION_NIK, i);
			goto out;
		}
	}
	in.n_equipment = n_equip;
	for (int i = 0; i < n_equip; i++)
		in.equipment[i] = equip[i];
	if (wst != AKSES_OK) {
		akses_field field = AKSES_F_NONE;
		int index = 0;
		int64_t now = clock_now();
		in.start_at = now + 3600; /* a window that passes, to find earlier errors */
		in.end_at = now + 7200;
		st = valid_request(&in, now, &field, &index);
		if (st != AKSES_OK && field < AKSES_F_START)
			rc = request_fail(c, &in, st, field, index);
		else
			rc = ctl_fail_field(c, wst, wfield, 0);
		goto out;
	}
	if ((rc = ctl_open(c)) != CTL_EXIT_OK)
		goto out;
	struct akses_submit_result res;
	akses_field field = AKSES_F_NONE;
	int index = 0;
	memset(&res, 0, sizeof res);
	st = store_submit(c->st, &in, &res, &field, &index);
	if (st != AKSES_OK) {
		rc = request_fail(c, &in, st, field, index);
		goto out;
	}
	if (c->json) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "number", res.number);
		cJSON_AddStringToObject(o, "receipt_token", res.receipt_token);
		cJSON_AddStringToObject(o, "state", wf_state_code(RS_SUBMITTED));
		cJSON_AddNumberToObject(o, "last_step", 1);
		rc = ctl_json_print(o);
	} else {
		printf("%s\n",
		       T_("Request submitted. The receipt token opens the status lookup; keep "
		          "it private."));
		printf(T_("Receipt token: %s\n"), res.receipt_token);
		printf("%s\n", res.number);
	}
out:
	for (int i = 0; i < AKSES_MAX_COMPANIONS; i++) {
		free(names[i]);
		free(niks[i]);
	}
	return rc;
}

/* ---- show --------------------------------------------------------------------------------- */

/* The role of a timeline row as a code; the applicant has no staff role. */
static const char *step_role(akses_role r)
{
	return r == ROLE_NONE ? "PEMOHON" : wf_role_code(r);
}

/* A window "2026-11-29 09:00 - 11:00", or with both dates when it spans midnight. */
static void window_text(int64_t start, int64_t end, char *buf, size_t n)
{
	char a[32], b[32], da[16], db[16];
	clock_format(start, a, sizeof a);
	clock_format_day(start, da, sizeof da);
	clock_format_day(end, db, sizeof db);
	if (strcmp(da, db) == 0)
		clock_format_hm(end, b, sizeof b);
	else
		clock_format(end, b, sizeof b);
	snprintf(buf, n, "%s - %s", a, b);
}

/* Mask a phone number in place: the country and operator prefix stay ("+62812"), the rest are
 * stars. Never the last 4 digits: those prove a visitor at the status lookup. */
static void mask_phone(char *phone)
{
	size_t n = strlen(phone);
	for (size_t i = 6; i < n; i++)
		phone[i] = '*';
}

static cJSON *request_json(const struct akses_request *r, bool full_nik,
                           const struct akses_step_rec *tl, int n_tl)
{
	char nik[VALID_ID_MASK_BUF];
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "number", r->number);
	cJSON_AddStringToObject(o, "state", wf_state_code(r->state));
	cJSON_AddNumberToObject(o, "last_step", r->last_step);
	cJSON_AddStringToObject(o, "state_label", wf_state_label(r->state));
	cJSON_AddStringToObject(o, "name", r->name);
	valid_id_mask(r->id_type, r->nik, full_nik, nik, sizeof nik);
	cJSON_AddStringToObject(o, "id_type", valid_id_type_code(r->id_type));
	cJSON_AddStringToObject(o, "nik", nik);
	cJSON_AddBoolToObject(o, "nik_masked", !full_nik);
	cJSON_AddStringToObject(o, "institution", r->institution);
	cJSON_AddStringToObject(o, "phone", r->phone);
	cJSON_AddStringToObject(o, "email", r->email);
	cJSON_AddStringToObject(o, "purpose_category", wf_purpose_code(r->purpose_category));
	cJSON_AddStringToObject(o, "purpose", r->purpose);
	cJSON_AddItemToObject(o, "start", ctl_json_time(r->start_at));
	cJSON_AddItemToObject(o, "end", ctl_json_time(r->end_at));
	cJSON_AddItemToObject(o, "created", ctl_json_time(r->created_at));
	cJSON_AddItemToObject(o, "updated", ctl_json_time(r->updated_at));
	cJSON *comp = cJSON_AddArrayToObject(o, "companions");
	for (int i = 0; i < r->n_companions; i++) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "name", r->companions[i].name);
		valid_id_mask(r->companions[i].id_type, r->companions[i].nik, full_nik, nik,
		              sizeof nik);
		cJSON_AddStringToObject(p, "id_type", valid_id_type_code(r->companions[i].id_type));
		cJSON_AddStringToObject(p, "nik", nik);
		cJSON_AddItemToArray(comp, p);
	}
	cJSON *eq = cJSON_AddArrayToObject(o, "equipment");
	for (int i = 0; i < r->n_equipment; i++)
		cJSON_AddItemToArray(eq, cJSON_CreateString(r->equipment[i]));
	if (r->escort_id > 0) {
		cJSON_AddStringToObject(o, "escort", r->escort_name);
		cJSON_AddNumberToObject(o, "escort_id", (double)r->escort_id);
	} else {
		cJSON_AddNullToObject(o, "escort");
		cJSON_AddNullToObject(o, "escort_id");
	}
	cJSON_AddStringToObject(o, "reason", r->reason);
	cJSON_AddStringToObject(o, "report", r->report);
	cJSON_AddBoolToObject(o, "anonymized", r->anonymized);
	cJSON *t = cJSON_AddArrayToObject(o, "timeline");
	for (int i = 0; i < n_tl; i++) {
		const struct wf_transition *w = wf_get((wf_action)tl[i].action);
		cJSON *s = cJSON_CreateObject();
		cJSON_AddNumberToObject(s, "step", tl[i].step);
		cJSON_AddStringToObject(s, "action", w ? w->code : "");
		cJSON_AddStringToObject(s, "role", step_role(tl[i].role));
		if (tl[i].actor_id > 0) {
			cJSON_AddStringToObject(s, "actor", tl[i].actor_name);
			cJSON_AddNumberToObject(s, "actor_id", (double)tl[i].actor_id);
		} else {
			cJSON_AddNullToObject(s, "actor");
			cJSON_AddNullToObject(s, "actor_id");
		}
		cJSON_AddItemToObject(s, "at", ctl_json_time(tl[i].at));
		if (tl[i].duration_s >= 0)
			cJSON_AddNumberToObject(s, "duration_s", (double)tl[i].duration_s);
		else
			cJSON_AddNullToObject(s, "duration_s");
		cJSON_AddNumberToObject(s, "standard_s", tl[i].standard_s);
		cJSON_AddStringToObject(s, "note", tl[i].note);
		if (tl[i].instruction[0])
			cJSON_AddStringToObject(s, "instruction", tl[i].instruction);
		if (tl[i].urgency != URGENCY_NONE)
			cJSON_AddStringToObject(s, "urgency", wf_urgency_code(tl[i].urgency));
		cJSON_AddItemToArray(t, s);
	}
	return o;
}

/* One "label: value" line of the readable record, the label padded to line values up. The value
 * is stored text: escaped, and the lines of a multi-line text indented under the first. */
static void field_line(const char *label, const char *value)
{
	fputs("  ", stdout);
	ctl_pad(stdout, label, 18);
	ctl_put_lines(stdout, value, 2 + 18);
	putchar('\n');
}

static void request_text(const struct akses_request *r, bool full_nik,
                         const struct akses_step_rec *tl, int n_tl)
{
	char nik[VALID_ID_MASK_BUF], buf[96], step[48];
	printf("%s  %s\n", r->number, wf_state_code(r->state));
	snprintf(step, sizeof step, T_("step %d done"), r->last_step);
	snprintf(buf, sizeof buf, "%s", step);
	field_line(T_("State"), wf_state_label(r->state));
	field_line(T_("Last step"), buf);
	if (r->anonymized)
		field_line(T_("Personal data"), T_("anonymized (retention)"));
	field_line(T_("Name"), r->name);
	valid_id_mask(r->id_type, r->nik, full_nik, nik, sizeof nik);
	field_line(akses_id_type_label(r->id_type), nik);
	field_line(T_("Institution"), r->institution);
	field_line(T_("Phone"), r->phone);
	if (r->email[0])
		field_line(T_("Email"), r->email);
	field_line(T_("Purpose"), wf_purpose_label(r->purpose_category));
	field_line("", r->purpose);
	window_text(r->start_at, r->end_at, buf, sizeof buf);
	field_line(T_("Window"), buf);
	for (int i = 0; i < r->n_companions; i++) {
		char line[AKSES_BUF(AKSES_NAME_CHARS) + 96];
		const struct akses_person *p = &r->companions[i];
		valid_id_mask(p->id_type, p->nik, full_nik, nik, sizeof nik);
		snprintf(line, sizeof line, "%s (%s %s)", p->name, akses_id_type_label(p->id_type),
		         nik);
		field_line(i == 0 ? T_("Companions") : "", line);
	}
	for (int i = 0; i < r->n_equipment; i++)
		field_line(i == 0 ? T_("Equipment") : "", r->equipment[i]);
	if (r->escort_id > 0)
		field_line(T_("Escort"), r->escort_name);
	if (r->reason[0])
		field_line(T_("Reason"), r->reason);
	if (r->report[0])
		field_line(T_("Access report"), r->report);
	printf("%s\n", T_("Timeline:"));
	for (int i = 0; i < n_tl; i++) {
		char at[32], dur[32], std[32];
		clock_format(tl[i].at, at, sizeof at);
		const struct wf_transition *w = wf_get((wf_action)tl[i].action);
		printf("  %2d  %s  ", tl[i].step, at);
		ctl_pad(stdout, step_role(tl[i].role), 12);
		ctl_pad(stdout, w ? wf_action_label(w->action) : "", 30);
		if (tl[i].duration_s >= 0) {
			clock_format_duration(tl[i].duration_s, dur, sizeof dur);
			clock_format_duration(tl[i].standard_s, std, sizeof std);
			printf("%s / %s%s", dur, std,
			       tl[i].duration_s > tl[i].standard_s ? " !" : "");
		}
		if (tl[i].actor_id > 0) {
			fputs("  ", stdout);
			ctl_put(stdout, tl[i].actor_name);
		}
		if (tl[i].note[0]) {
			fputs("  \"", stdout);
			ctl_put(stdout, tl[i].note);
			putchar('"');
		}
		putchar('\n');
		/* a disposition's urgency and instruction, on lines of their own below the step */
		if (tl[i].urgency != URGENCY_NONE)
			printf("      %s: %s\n", T_("Urgency"), wf_urgency_label(tl[i].urgency));
		if (tl[i].instruction[0]) {
			printf("      %s: ", T_("Instruction"));
			ctl_put_lines(stdout, tl[i].instruction, 8);
			putchar('\n');
		}
	}
}

/* 'request_show()' - Show a request to staff, NIK masked unless KOORDINATOR. */
static int request_show(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "request show", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_request *r = calloc(1, sizeof *r);
	if (!r)
		return ctl_fail(c, AKSES_E_NOMEM, NULL);
	struct akses_step_rec *tl = NULL;
	int n_tl = 0;
	akses_status st = store_request_get(c->st, number, r);
	if (st == AKSES_OK)
		st = store_timeline(c->st, number, &tl, &n_tl);
	if (st != AKSES_OK) {
		free(r);
		return ctl_fail(c, st, NULL);
	}
	bool full = c->actor.role == ROLE_KOORDINATOR;
	/* the phone is for those who call the visitor: the Koordinator verifying, the Helpdesk */
	if (c->actor.role != ROLE_KOORDINATOR && c->actor.role != ROLE_HELPDESK)
		mask_phone(r->phone);
	if (c->json)
		rc = ctl_json_print(request_json(r, full, tl, n_tl));
	else
		request_text(r, full, tl, n_tl);
	free(tl);
	free(r);
	return rc;
}

/* ---- list --------------------------------------------------------------------------------- */

int ctl_print_summaries(struct ctl *c, const struct akses_request_summary *r, int n)
{
	int64_t now = clock_now();
	if (c->json) {
		cJSON *a = cJSON_CreateArray();
		for (int i = 0; i < n; i++)
			cJSON_AddItemToArray(a, ctl_json_summary(&r[i], now));
		return ctl_json_print(a);
	}
	if (n == 0) {
		puts(T_("Nothing to show."));
		return CTL_EXIT_OK;
	}
	ctl_pad(stdout, T_("NUMBER"), 19);
	ctl_pad(stdout, T_("STATE"), 18);
	ctl_pad(stdout, T_("NAME"), 24);
	ctl_pad(stdout, T_("WINDOW"), 27);
	ctl_pad(stdout, T_("NEXT"), 6);
	printf("%s\n", T_("DUE"));
	for (int i = 0; i < n; i++) {
		char win[96], due[32], next[8];
		window_text(r[i].start_at, r[i].end_at, win, sizeof win);
		ctl_pad(stdout, r[i].number, 19);
		ctl_pad(stdout, wf_state_code(r[i].state), 18);
		ctl_pad(stdout, r[i].name, 24);
		ctl_pad(stdout, win, 27);
		snprintf(next, sizeof next, "%d", r[i].next_step);
		ctl_pad(stdout, r[i].next_step > 0 ? next : "-", 6);
		if (r[i].due_at > 0) {
			clock_format(r[i].due_at, due, sizeof due);
			printf("%s%s\n", due, now > r[i].due_at ? T_("  OVERDUE") : "");
		} else {
			puts("-");
		}
	}
	return CTL_EXIT_OK;
}

/* One page of the list: the rows as `request inbox` prints them, then which page of how many
 * (text), or an object with the page, its size, the total and the rows (JSON). */
static int request_page_print(struct ctl *c, const struct akses_request_summary *list, int n,
                              int page, int per_page, int64_t total)
{
	int64_t pages = total > 0 ? (total + per_page - 1) / per_page : 1;
	if (c->json) {
		int64_t now = clock_now();
		cJSON *o = cJSON_CreateObject(), *a = cJSON_CreateArray();
		cJSON_AddNumberToObject(o, "page", page);
		cJSON_AddNumberToObject(o, "per_page", per_page);
		cJSON_AddNumberToObject(o, "pages", (double)pages);
		cJSON_AddNumberToObject(o, "total", (double)total);
		for (int i = 0; i < n; i++)
			cJSON_AddItemToArray(a, ctl_json_summary(&list[i], now));
		cJSON_AddItemToObject(o, "requests", a);
		return ctl_json_print(o);
	}
	int rc = ctl_print_summaries(c, list, n);
	if (rc == CTL_EXIT_OK && total > 0)
		printf(T_("Page %d of %lld, %lld requests in all.\n"), page, (long long)pages,
		       (long long)total);
	return rc;
}

/* 'request_list()' - List requests (staff), optionally of one state, a page at a time. */
static int request_list(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *state_s = NULL, *page_s = NULL, *per_page_s = NULL;
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "state", .kind = CTL_OPT_VALUE, .value = &state_s},
	    {.name = "page", .kind = CTL_OPT_VALUE, .value = &page_s},
	    {.name = "per-page", .kind = CTL_OPT_VALUE, .value = &per_page_s},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "request list", T_(help), opts, NULL, 0, 0, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	req_state state = RS_NONE;
	if (state_s && (wf_state_parse(state_s, &state) != 0 || state == RS_NONE))
		return ctl_usage(T_("unknown state '%s'"), state_s);
	int64_t page = 1, per_page = STORE_PAGE_DEFAULT;
	if (page_s && (ctl_parse_id(page_s, &page) != 0 || page > INT32_MAX))
		return ctl_usage(T_("--page needs a page number from 1, not '%s'"), page_s);
	if (per_page_s && (ctl_parse_id(per_page_s, &per_page) != 0 || per_page > STORE_PAGE_MAX))
		return ctl_usage(T_("--per-page needs a number from 1 to %d, not '%s'"), STORE_PAGE_MAX,
		                 per_page_s);
	if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
		return rc;
	struct akses_request_summary *list = NULL;
	int n = 0;
	int64_t total = 0;
	akses_status st =
	    store_request_page(c->st, state, (int)page, (int)per_page, &list, &n, &total);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	rc = request_page_print(c, list, n, (int)page, (int)per_page, total);
	free(list);
	return rc;
}

/* ---- cancel ------------------------------------------------------------------------------- */

/* 'request_cancel()' - Cancel before step 6: by a KOORDINATOR, or the applicant's phone digits. */
static int request_cancel(struct ctl *c, int argc, char **argv)
{
	const char *as = NULL, *reason = NULL, *digits = NULL, *pos[1];
	const struct ctl_opt opts[] = {
	    {.name = "as", .kind = CTL_OPT_VALUE, .value = &as},
	    {.name = "reason", .kind = CTL_OPT_VALUE, .value = &reason},
	    {.name = "phone-digits", .kind = CTL_OPT_VALUE, .value = &digits},
	    {.name = NULL},
	};
	int rc = ctl_args(c, argc, argv, "request cancel", T_(help), opts, pos, 1, 1, NULL);
	if (rc != CTL_CONTINUE)
		return rc;
	if ((as != NULL) == (digits != NULL))
		return ctl_usage(T_("give either --as ID --reason T, or --phone-digits DDDD"));
	char number[AKSES_NUMBER_BUF];
	if ((rc = ctl_number(c, pos[0], number)) != CTL_EXIT_OK)
		return rc;
	akses_status st;
	if (digits) {
		if ((st = valid_phone_digits(digits)) != AKSES_OK)
			return ctl_fail(c, st, NULL);
		if ((rc = ctl_open(c)) != CTL_EXIT_OK)
			return rc;
		const char *station = c->cfg.station[0] ? c->cfg.station : "aksesctl";
		st = store_cancel_applicant(c->st, number, digits, station);
		if (st == AKSES_E_LOOKUP_WAIT) {
			/* say how long, in whole minutes rounded up, as the kiosk does */
			int64_t wait_s = 0;
			char detail[96] = "";
			if (store_lookup_wait(c->st, number, station, &wait_s) == AKSES_OK &&
			    wait_s > 0)
				snprintf(detail, sizeof detail, T_("try again in %d min"),
				         (int)((wait_s + 59) / 60));
			return ctl_fail(c, st, detail);
		}
	} else {
		if (!reason)
			return ctl_usage(T_("--reason T is required with --as"));
		if ((rc = ctl_signin_as(c, as)) != CTL_EXIT_OK)
			return rc;
		st = store_cancel(c->st, number, c->actor.id, reason);
	}
	if (akses_status_is_input(st))
		return ctl_fail_field(c, st, AKSES_F_NOTE, 0);
	if (st != AKSES_OK)
		return ctl_fail(c, st, NULL);
	if (digits && !c->json) {
		/* the applicant is not staff: say it is done without reading the record back */
		printf(T_("%s cancelled.\n"), number);
		return CTL_EXIT_OK;
	}
	return ctl_print_state(c, number);
}

/* 'ctl_cmd_request()' - Do the request command: dispatch its sub-command. */
int ctl_cmd_request(struct ctl *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (strcmp(sub, "submit") == 0)
		return request_submit(c, argc - 1, argv + 1);
	if (strcmp(sub, "show") == 0)
		return request_show(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return request_list(c, argc - 1, argv + 1);
	if (strcmp(sub, "cancel") == 0)
		return request_cancel(c, argc - 1, argv + 1);
	if (strcmp(sub, "attacks") == 0)
		return ctl_request_attacks(c, argc - 1, argv + 1);
	return ctl_no_sub(argc, argv, "request", T_(help));
}

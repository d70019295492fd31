/* form.c - the visitor form model: wipe between visitors, window arithmetic, conversion to the
 * core's request input (see form.h). */
#include "form.h"

#include <string.h>

/* Overwrite memory in a way the compiler may not drop as a dead store (the form is reused, but
 * the wipe is a privacy promise, so it must not depend on that). */
static void form_bzero(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

void form_wipe(struct form *f, int64_t now, int64_t today_start)
{
	form_bzero(f, sizeof *f);
	/* Next half hour at least 30 minutes away, so the default is never "in the past". */
	int64_t m = (now - today_start) / 60 + 30;
	int start = (int)((m + FORM_STEP_MIN - 1) / FORM_STEP_MIN * FORM_STEP_MIN);
	if (start > 24 * 60 - 2 * 60) {
		/* Too late today: tomorrow morning. */
		f->day = 1;
		start = 9 * 60;
	}
	f->start_min = start;
	f->end_min = start + 2 * 60;
}

void form_window(const struct form *f, int64_t today_start, int64_t *start, int64_t *end)
{
	int64_t day = today_start + (int64_t)f->day * 86400;

	*start = day + (int64_t)f->start_min * 60;
	*end = day + (int64_t)f->end_min * 60;
}

void form_move_start(struct form *f, int delta)
{
	int s = f->start_min + delta;

	if (s < 0 || s > 24 * 60 - FORM_STEP_MIN)
		return;
	int len = f->end_min - f->start_min;
	f->start_min = s;
	f->now_slot = false;
	/* keep the length, so moving the start moves the visit (past midnight if need be) */
	f->end_min = s + len;
	if (f->end_min <= f->start_min)
		f->end_min = f->start_min + FORM_STEP_MIN;
}

void form_move_end(struct form *f, int delta)
{
	int e = f->end_min + delta;

	if (e <= f->start_min || e - f->start_min > 12 * 60)
		return;
	f->end_min = e;
}

void form_set_now(struct form *f, int64_t now, int64_t today_start)
{
	int len = f->end_min - f->start_min;

	if (len <= 0 || len > 12 * 60)
		len = 2 * 60;
	f->day = 0;
	f->start_min = (int)((now - today_start + 59) / 60);
	f->end_min = f->start_min + len;
	f->now_slot = true;
}

void form_to_input(const struct form *f, int64_t today_start, struct akses_request_input *in)
{
	memset(in, 0, sizeof *in);
	in->name = f->name;
	in->nik = f->nik;
	in->id_type = f->id_type;
	in->institution = f->institution;
	in->phone = f->phone;
	in->email = f->email[0] ? f->email : NULL;
	in->purpose_category = f->purpose_category;
	in->purpose = f->purpose;
	form_window(f, today_start, &in->start_at, &in->end_at);
	for (int i = 0; i < f->n_companions && i < AKSES_MAX_COMPANIONS; i++) {
		const struct form_person *p = &f->companions[i];
		if (!p->name[0] && !p->nik[0])
			continue;
		in->companion_name[in->n_companions] = p->name;
		in->companion_nik[in->n_companions] = p->nik;
		in->companion_id_type[in->n_companions] = p->id_type;
		in->n_companions++;
	}
	for (int i = 0; i < f->n_equipment && i < AKSES_MAX_EQUIPMENT; i++) {
		if (!f->equipment[i][0])
			continue;
		in->equipment[in->n_equipment++] = f->equipment[i];
	}
	in->consent = f->consent;
	in->form_started_at = f->started_at;
}

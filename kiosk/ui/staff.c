/* staff.c - helpers the staff screens share: where each role starts, signing out, the
 * confirmation line, the NIK mask, list paging and the step countdown text. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "staff.h"
#include "valid.h"

struct staff_note staff_note;

const struct screen *staff_home(const struct app *a)
{
	switch (a->staff.role) {
	case ROLE_TIM_TEKNIS:
		return &screen_door;
	case ROLE_HELPDESK:
		return &screen_helpdesk;
	default:
		return &screen_staff;
	}
}

void staff_sign_out(struct app *a)
{
	a->signed_in = false;
	memset(&a->staff, 0, sizeof a->staff);
	staff_note_clear();
	app_post(a, APP_CMD_HOME, 0);
}

bool staff_signout_button(struct app *a, SDL_Rect r)
{
	if (!ui_button("signout", r, _("Sign out"), UI_SECONDARY))
		return false;
	staff_sign_out(a);
	return true;
}

void staff_note_set(bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(staff_note.text, sizeof staff_note.text, fmt, ap);
	va_end(ap);
	staff_note.ok = ok;
}

void staff_note_clear(void)
{
	memset(&staff_note, 0, sizeof staff_note);
}

void staff_tabs(const char *const ids[2], const char *const labels[2], int x, int y, int tw,
                int th, int *tab, int *page)
{
	enum ui_font tf = ui_button_font_for(labels, 2, tw);
	for (int i = 0; i < 2; i++) {
		SDL_Rect r = ui_rect(x + i * (tw + ui_px(UI_GAP)), y, tw, th);
		if (ui_button_ex(ids[i], r, labels[i], *tab == i ? UI_PRIMARY : UI_SECONDARY, tf)) {
			*tab = i;
			*page = 0;
		}
	}
}

int staff_note_draw(SDL_Rect r)
{
	if (!staff_note.text[0])
		return 0;
	int h = ui_text_wrapped(r, staff_note.text, UI_FONT_BODY, true,
	                        staff_note.ok ? ui_c_ok : ui_c_danger);
	return h + ui_px(12);
}

void staff_mask_phone(const char *phone, bool full, char *out, size_t n)
{
	valid_phone_mask(phone, full, out, n); /* the one mask, shared with the web console */
}

int staff_page_first(int n, int per, int *page)
{
	return ui_page_first(n, per, page);
}

int staff_page_rows(int room, int rh, int gap)
{
	int per = room / (rh + gap);
	return per < 1 ? 1 : per;
}

void staff_pager(int x, int y, int w, int bh, int n, int per, int first, int *page, bool range)
{
	if (n <= per)
		return;
	SDL_Rect prev = {x, y, ui_px(w), bh};
	SDL_Rect next = {x + ui_px(w + UI_GAP), y, ui_px(w), bh};
	if (*page > 0 && ui_button("page:prev", prev, _("Previous"), UI_SECONDARY))
		(*page)--;
	if (first + per < n && ui_button("page:next", next, _("Next"), UI_SECONDARY))
		(*page)++;
	if (!range)
		return;
	char line[64];
	snprintf(line, sizeof line, "%d–%d / %d", first + 1, first + per < n ? first + per : n, n);
	ui_text(ui_rect(next.x + next.w + ui_px(UI_GAP), y, ui_px(w), bh), line, UI_FONT_BODY, false,
	        ui_c_muted, UI_LEFT);
}

bool staff_due_text(int64_t due_at, int64_t now, char *out, size_t n)
{
	char dur[32];
	bool overdue = now > due_at;
	int64_t d = overdue ? now - due_at : due_at - now;

	/* minutes and seconds while it counts (the standards are 3 and 5 minutes) */
	if (d < 3600)
		snprintf(dur, sizeof dur, "%d:%02d", (int)(d / 60), (int)(d % 60));
	else
		clock_format_duration(d, dur, sizeof dur);
	snprintf(out, n, overdue ? _("overdue %s") : _("%s left"), dur);
	return overdue;
}

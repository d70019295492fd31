/* screen_submit_review.c - the wizard's last pages: the review (each section with its own
 * "Change" that comes back here), the privacy notice with consent, and the request number. */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "screen_submit.h"
#include "wf.h"

/* How many paragraphs a section of the review has: one per companion or equipment line (each
 * its own, so that the test dump can say which of them shows), else one. */
static int sub_review_rows(enum sub_step s)
{
	int n = s == STEP_COMPANIONS ? sub.form.n_companions
	        : s == STEP_EQUIPMENT ? sub.form.n_equipment
	                              : 1;
	return n > 0 ? n : 1;
}

/* Paragraph i of one section of the review: the values the step asked for. */
static void sub_review_text(enum sub_step s, int i, char *text, size_t n)
{
	const struct form *m = &sub.form;
	char hm1[16], hm2[16], day[20], nik[AKSES_NIK_LEN + 4];

	text[0] = '\0';
	switch (s) {
	case STEP_IDENTITY:
		sub_id_shown(m->id_type, m->nik, nik, sizeof nik);
		snprintf(text, n, "%s: %s\n%s: %s", akses_id_type_label(m->id_type), nik,
		         akses_field_label(AKSES_F_NAME), m->name);
		break;
	case STEP_CONTACT:
		snprintf(text, n, "%s\n%s%s%s", m->institution, m->phone, m->email[0] ? " · " : "",
		         m->email);
		break;
	case STEP_PURPOSE:
		snprintf(text, n, "%s — %s", wf_purpose_label(m->purpose_category), m->purpose);
		break;
	case STEP_TIME:
		sub_hm(m->start_min, hm1, sizeof hm1);
		sub_hm(m->end_min, hm2, sizeof hm2);
		clock_format_day(sub.today + (int64_t)m->day * 86400 + 12 * 3600, day, sizeof day);
		snprintf(text, n, "%s %s–%s", day, hm1, hm2);
		break;
	case STEP_COMPANIONS:
		if (i < m->n_companions) {
			const struct form_person *p = &m->companions[i];
			sub_id_shown(p->id_type, p->nik, nik, sizeof nik);
			/* a NIK as before; another document says which it is */
			snprintf(text, n, "%d. %s (%s%s%s)", i + 1, p->name,
			         p->id_type == ID_NIK ? "" : akses_id_type_label(p->id_type),
			         p->id_type == ID_NIK ? "" : " ", nik);
		} else {
			snprintf(text, n, "-");
		}
		break;
	case STEP_EQUIPMENT:
		if (i < m->n_equipment)
			snprintf(text, n, "%d. %s", i + 1, m->equipment[i]);
		else
			snprintf(text, n, "-");
		break;
	default:
		break;
	}
}

/* Review: every section with its title and a "Change" button that opens the step and comes
 * back here with Next, in two columns (who and why on the left, when and with whom right), in a
 * scroll view: a group of 30 with 20 equipment lines is far taller than the screen, and every
 * line of it is reached by a drag or by the view's up/down buttons. */
void sub_draw_review(struct app *a, SDL_Rect c)
{
	(void)a;
	/* the longest paragraph: the purpose's category and text */
	char text[AKSES_BUF(AKSES_PURPOSE_CHARS) + 128], id[48];
	int pad = ui_px(UI_PAD_SCREEN), gap = ui_px(UI_PAD);
	int bh = ui_font_height(UI_FONT_BODY);
	int top = c.y + ui_px(UI_PAD_ROW);

	ui_text(ui_rect(pad, top, c.w - 2 * pad, bh),
	        _("Please check. Tap Change to correct a part."), UI_FONT_BODY, true,
	        ui_c_primary, UI_LEFT);
	top += bh + ui_px(UI_GAP_SECTION);
	SDL_Rect box = {pad, top, c.w - 2 * pad, c.y + c.h - ui_px(10) - top};
	SDL_Rect v = ui_scroll_begin("review", &sub.review, box);
	int col = (v.w - gap) / 2;
	int y[2] = {v.y, v.y};
	for (enum sub_step s = STEP_IDENTITY; s <= STEP_EQUIPMENT; s++) {
		int k = s >= STEP_TIME; /* the column */
		int x = v.x + k * (col + gap), bw = ui_px(200), hh = ui_px(70);
		ui_text(ui_rect(x, y[k], col - bw - ui_px(10), hh), _(sub_steps[s].title),
		        UI_FONT_SMALL, true, ui_c_muted, UI_LEFT);
		snprintf(id, sizeof id, "edit:%s", sub_steps[s].code);
		if (ui_button_ex(id, ui_rect(x + col - bw, y[k], bw, hh), _("Change"), UI_SECONDARY,
		                 UI_FONT_SMALL)) {
			ui_scroll_end("review", &sub.review, box, sub.review.content_h);
			sub.to_review = true;
			sub_goto(s);
			return;
		}
		y[k] += hh + ui_px(UI_GAP_XS);
		for (int i = 0; i < sub_review_rows(s); i++) {
			sub_review_text(s, i, text, sizeof text);
			int h = ui_text_wrapped(ui_rect(x, y[k], col, UI_NO_LIMIT), text, UI_FONT_BODY,
			                        false, ui_c_text);
			/* for the tests: which person or line shows ("review:companions:11") */
			snprintf(id, sizeof id, "review:%s:%d", sub_steps[s].code, i);
			ui_note_text_rect(id, ui_rect(x, y[k], col, h));
			y[k] += h;
		}
		y[k] += ui_px(18);
	}
	ui_scroll_end("review", &sub.review, box, (y[0] > y[1] ? y[0] : y[1]) - v.y);
}

/* The privacy notice (UU 27/2022 on personal data protection) and the consent toggle. */
void sub_draw_consent(struct app *a, SDL_Rect c)
{
	(void)a;
	int pad = ui_px(UI_PAD_SCREEN);
	SDL_Rect r = {pad, c.y + ui_px(UI_GAP_L), c.w - 2 * pad, c.h - ui_px(220)};

	int used = ui_text_wrapped(
	    r,
	    _("Privacy notice (Law 27/2022 on Personal Data Protection)\n"
	      "What we collect: your name, NIK, institution, phone, optional email, the purpose and "
	      "time of your visit, your companions and equipment.\n"
	      "Why: to decide on and record your access to the server room, as the agency's access "
	      "SOP requires, and to contact you about it.\n"
	      "Who sees it: the officials who decide on your request, the helpdesk and the technician "
	      "who escorts you. Your NIK and phone are never printed on the pass or in its QR code.\n"
	      "How long: until your request is closed and then for the retention period set by the "
	      "agency, after which your personal data is anonymised.\n"
	      "Your rights: you may ask the helpdesk to see, correct or delete your data."),
	    UI_FONT_BODY, false, ui_c_text);
	SDL_Rect t = {pad, r.y + used + ui_px(30), ui_px(900), ui_px(UI_BUTTON_H)};
	if (ui_button("consent", t, sub.form.consent ? _("✔ I agree") : _("I agree"),
	              sub.form.consent ? UI_SELECTED : UI_SECONDARY))
		sub.form.consent = !sub.form.consent;
	if (!sub.form.consent && sub.tried[sub.step])
		ui_text(ui_rect(t.x + t.w + ui_px(30), t.y, c.w - t.w - 3 * pad, t.h),
		        akses_status_message(AKSES_E_CONSENT), UI_FONT_BODY, false, ui_c_danger,
		        UI_LEFT);
}

/* Done: the number, big, and the receipt's printing. */
void sub_draw_done(struct app *a, SDL_Rect c)
{
	int pad = ui_px(UI_PAD_SCREEN);
	SDL_Rect t = {pad, c.y + ui_px(60), c.w - 2 * pad, ui_font_height(UI_FONT_LARGE)};

	ui_text(t, _("Your request has been sent. Your request number:"), UI_FONT_LARGE, false,
	        ui_c_text, UI_CENTER);
	t.y += t.h + ui_px(40);
	t.h = ui_font_height(UI_FONT_HUGE);
	ui_text(t, sub.res.number, UI_FONT_HUGE, true, ui_c_primary, UI_CENTER);
	t.y += t.h + ui_px(40);
	t.h = ui_font_height(UI_FONT_BODY);
	ui_text(t, _("Keep the receipt: scan it here to check the status and print your pass."),
	        UI_FONT_BODY, false, ui_c_text, UI_CENTER);
	t.y += t.h + ui_px(50);
	t.h = ui_font_height(UI_FONT_LARGE);
	switch (a->print.phase) {
	case PRINT_BUSY:
		ui_spinner(ui_rect(ui.w / 2 - ui_px(40), t.y, ui_px(80), ui_px(80)), SDL_GetTicks());
		t.y += ui_px(100);
		ui_text(t, _("Printing your receipt…"), UI_FONT_LARGE, false, ui_c_text, UI_CENTER);
		break;
	case PRINT_OK:
		ui_text(t, _("Receipt printed. Please take it."), UI_FONT_LARGE, true, ui_c_ok,
		        UI_CENTER);
		break;
	case PRINT_ERROR:
		ui_text(t, _("The receipt could not be printed: please write down the number."),
		        UI_FONT_LARGE, true, ui_c_danger, UI_CENTER);
		break;
	case PRINT_IDLE:
		break;
	}
}

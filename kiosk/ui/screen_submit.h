/* screen_submit.h - what the visitor's request wizard's files share: its state, the step table
 * (one row per step: code, title, fields, draw, check) and the helpers that draw bound fields. */
#ifndef AKSES_SCREEN_SUBMIT_H
#define AKSES_SCREEN_SUBMIT_H

#include "form.h"
#include "kbd.h"
#include "kiosk.h"

enum sub_step {
	STEP_IDENTITY = 0,
	STEP_CONTACT,
	STEP_PURPOSE,
	STEP_TIME,
	STEP_COMPANIONS,
	STEP_EQUIPMENT,
	STEP_REVIEW,
	STEP_CONSENT,
	STEP_DONE,
	STEP_COUNT
};

#define SUB_STEP_FIELDS 4
/* The companions' or equipment lines' numbered chips on one page of the step (a group of 30 is
 * four pages); with ◀, ▶, "+ add" and the range shown they fit 1920 design pixels. */
#define SUB_PAGE_ROWS 8

/* One step of the wizard. fields: the core's fields it asks for, in the order they are focused
 * (the first text field on entry, also how a refusal from the store finds its step); rows: the
 * text fields repeat per companion or equipment line; check: what the fields do not say on their
 * own (a chip picked, the window, consent), or NULL; draw: the step's body. */
struct sub_step_def {
	const char *code;
	const char *title; /* N_(): translated when drawn */
	akses_field fields[SUB_STEP_FIELDS];
	bool rows;
	bool (*check)(void);
	void (*draw)(struct app *a, SDL_Rect body);
};

extern const struct sub_step_def sub_steps[STEP_COUNT];

/* The screen's whole state. form holds what the visitor typed; the rest is navigation. */
struct sub_state {
	struct form form;
	enum sub_step step;
	akses_field focus; /* AKSES_F_NONE: no keyboard */
	int comp;          /* selected companion */
	int equip;         /* selected equipment line */
	bool tried[STEP_COUNT]; /* Next was pressed: show every message of the step */
	bool to_review;    /* came from the review's "Change": Next goes back to it */
	struct ui_scroll review; /* the review's scroll view (kept across a "Change") */
	struct kbd kbd;
	int64_t today;
	akses_status submit_rc;
	char server_msg[256];
	struct akses_submit_result res;
	/* Sent while the server was gone: the form stays (no idle wipe) and goes again by itself
	 * when the server is back, under the same key, so a first send whose COMMIT did happen is
	 * found instead of made twice (store_submit's submit_key). One key per form. */
	bool waiting;
	char key[40];
};

extern struct sub_state sub;

/* The buffer behind a text field (companion and equipment fields at the selected row). */
struct ui_textbuf sub_buf(akses_field f);
/* The document type of the person whose number field f is, at row idx; NULL for other fields. */
akses_id_type *sub_id_type(akses_field f, int idx);
/* The document type chips (NIK, passport, KITAS) for number field f at row idx: a change empties
 * the number (it was another document's) and focuses it with that document's keyboard. */
void sub_id_chips(const char *prefix, SDL_Rect r, akses_field f, int idx);
#define SUB_ID_CHIPS_W ui_px(600) /* room for "Passport" on each of the three at 1280x800 */
/* tall enough to stay a finger's target (60 px at 1080, tests/kiosk/test_kiosk_layout.sh) when
 * 1280x800 scales the design by 2/3 */
#define SUB_ID_CHIPS_H ui_px(72)
/* Focus a field: its keyboard layout and capitalisation. */
void sub_focus(akses_field f);
/* One field's rule as it stands (row idx for companions and equipment): AKSES_OK or what is
 * wrong; always AKSES_OK for a field that is not text. */
akses_status sub_check(akses_field f, int idx);
/* After the focused field changed by typing: the form's start time, and a complete NIK moves on
 * to the name beside it when that is still empty. */
void sub_typed(void);
/* Go to a step and focus its first field. */
void sub_goto(enum sub_step s);
/* "09:00" (and "01:00 +1" past midnight) from minutes after the day's midnight. */
void sub_hm(int min, char *buf, size_t n);

/* Drawing pieces (screen_submit_steps.c). */
/* A NIK as the KTP groups it, also while typed: 6-6-4 ("317101 450690 0001"). */
void sub_nik_groups(const char *nik, char *out, size_t n);
/* A person's number as the wizard shows it: a NIK in groups, another document's as it is. */
void sub_id_shown(akses_id_type t, const char *number, char *out, size_t n);
void sub_field(akses_field f, int idx, const char *id, SDL_Rect r);
int sub_field_h(void);
SDL_Rect sub_keyboard(SDL_Rect area);
akses_status sub_window_status(void); /* the day and times chosen, by valid_window */
int sub_chips(const char *prefix, SDL_Rect r, int n, const char *const *labels, int sel);

/* The steps' bodies. */
void sub_draw_fields(struct app *a, SDL_Rect c); /* identity and contact */
void sub_draw_purpose(struct app *a, SDL_Rect c);
void sub_draw_time(struct app *a, SDL_Rect c);
void sub_draw_companions(struct app *a, SDL_Rect c);
void sub_draw_equipment(struct app *a, SDL_Rect c);
void sub_draw_review(struct app *a, SDL_Rect c);  /* screen_submit_review.c */
void sub_draw_consent(struct app *a, SDL_Rect c);
void sub_draw_done(struct app *a, SDL_Rect c);

#endif

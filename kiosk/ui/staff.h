/* staff.h - what the kiosk's staff screens share: the home screen of each role, a request's
 * details, the typed-text dialog, the confirmation line, the NIK mask and signing out. */
#ifndef AKSES_KIOSK_STAFF_H
#define AKSES_KIOSK_STAFF_H

#include <stdbool.h>
#include <stddef.h>

#include "kiosk.h"

extern const struct screen screen_request, screen_reason, screen_helpdesk;

/* The home of the signed-in staff member: the door for TIM_TEKNIS, the helpdesk home for
 * HELPDESK, the officials' inbox for everyone else. */
const struct screen *staff_home(const struct app *a);

/* Sign the staff member out (session wiped) and go back to the mode's start screen. */
void staff_sign_out(struct app *a);

/* The "Sign out" button every staff screen has, at r. true when tapped (it has posted the
 * sign-out: the caller returns from draw). */
bool staff_signout_button(struct app *a, SDL_Rect r);

/* The last action's outcome, shown on the staff screens until the next action (plain words: a
 * confirmation only after AKSES_OK, else akses_status_message). */
struct staff_note {
	char text[400];
	bool ok;
};
extern struct staff_note staff_note;
void staff_note_set(bool ok, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void staff_note_clear(void);
/* Draw the note (green or red, wrapped) at r; returns the height used (0 when empty). */
int staff_note_draw(SDL_Rect r);

/* Two tabs side by side from (x, y), each tw x th, both labels in one type size (whichever is
 * longer decides); the chosen one is primary. A tap on the other sets *tab (0 or 1) and *page
 * to 0. ids name the two buttons for the test dump. */
void staff_tabs(const char *const ids[2], const char *const labels[2], int x, int y, int tw,
                int th, int *tab, int *page);


/* "+62812*******": a phone's country and operator prefix (never the last 4 digits, which prove
 * a visitor at the status lookup); the whole number when full. */
void staff_mask_phone(const char *phone, bool full, char *out, size_t n);

/* Open the details of request number (screen_request); back returns to from. */
void staff_open_request(struct app *a, const char *number, const struct screen *from);

/* The typed-text dialog (screen_reason): what it asks for and what it does with the text. */
enum staff_ask_kind {
	ASK_REJECT = 1, /* step 5 NO: the reason the applicant will read (required) */
	ASK_VERIFY,     /* step 4: an optional note */
	ASK_CANCEL,     /* KOORDINATOR cancels before step 6: the reason (required) */
	ASK_REPORT,     /* step 9: the access report (required, several lines) */
	ASK_REPRINT,    /* a staff print of a pass: the reason (required) */
	ASK_APPROVE,    /* step 5 YES: no text; what is approved is shown before it is done */
	ASK_DISPOSE,    /* steps 2 and 3: an optional instruction and the urgency */
};
/* Ask for a text on the on-screen keyboard, then carry out kind on number (person: the pass,
 * for ASK_REPRINT). A rejection or cancellation is read back in full, with the request it is
 * about, before it is sent; an approval shows the request and asks once. Back returns to from.
 * On success the dialog goes to the role's home with a confirmation (a reprint: back to from,
 * where its outcome shows); on an error it stays with the message and the text kept. */
void staff_ask(struct app *a, enum staff_ask_kind kind, const char *number, int person,
               const char *person_name, const struct screen *from);

/* Paging for a list of n rows of which per fit: the first row of page *page (clamped). */
int staff_page_first(int n, int per, int *page);

/* The rows of height rh, gap apart, that fit in room pixels (at least one). */
int staff_page_rows(int room, int rh, int gap);

/* Previous/Next below a list of n rows shown per a page from first: buttons w design pixels wide
 * and bh high at (x, y), the second one w + UI_GAP further; a tap moves *page. With range,
 * "first–last / n" follows them. Draws nothing when one page holds the list. */
void staff_pager(int x, int y, int w, int bh, int n, int per, int first, int *page, bool range);

/* The time a step has left ("3 m left") or is over ("overdue 1 m"); true when overdue. */
bool staff_due_text(int64_t due_at, int64_t now, char *out, size_t n);

#endif

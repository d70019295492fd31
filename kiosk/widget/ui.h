/* ui.h - akses-kiosk's own small immediate-mode widget layer on SDL_Renderer + SDL_ttf, sized for
 * fingers: frame begin/end, hit testing, a text cache, buttons, fields, keyboard, lists, dialogs. */
#ifndef AKSES_UI_H
#define AKSES_UI_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The layer's named sizes, in design pixels at 1920x1080 (ui_px scales them to the window), as
 * microui's mu_Style names its spacing: screens say what a distance is for, not its number. */
enum ui_size {
	/* type */
	UI_TYPE_SMALL = 26, /* hints, timeline details */
	UI_TYPE_BODY = 34,  /* fields, list rows */
	UI_TYPE_LARGE = 44, /* buttons, keys */
	UI_TYPE_TITLE = 60, /* screen titles */
	UI_TYPE_HUGE = 120, /* the request number, door decisions */
	/* spacing */
	UI_HAIR = 2,        /* a divider, the smallest nudge */
	UI_BORDER = 3,      /* a secondary button's or an idle field's border */
	UI_FOCUS_BORDER = 5, /* the focused field's border */
	UI_CARET_W = 4,     /* the text caret */
	UI_GAP_XS = 4,      /* a label and the box it names */
	UI_LINE_GAP = 6,    /* between lines of a block of text */
	UI_GAP_S = 8,       /* between a heading and its text, blocks of a column */
	UI_ROW_GAP = 10,    /* between rows of a list, the accent bar of a row */
	UI_KEY_GAP = 10,    /* between keys of the on-screen keyboard */
	UI_PAD_LABEL = 12,  /* a button's label from its edge */
	UI_GAP_M = 14,      /* between buttons of a column */
	UI_PAD_FIELD = 16,  /* a field's text from its border */
	UI_GAP_SECTION = 16, /* below a row of fields, tabs or a prompt, before what follows */
	UI_GAP = 20,        /* between blocks of a screen */
	UI_PAD_ROW = 24,    /* a list row's text from its edge; the content below the top bar, the
	                       bottom bar above the screen's edge */
	UI_GAP_L = 30,      /* a screen's first block below the top bar */
	UI_PAD = 40,        /* a dialog's or a two-column screen's padding */
	UI_PAD_SCREEN = 60, /* a visitor screen's margin */
	UI_PAD_WIDE = 80,   /* a full-width message's margin (door decision, printing, problem) */
	/* shapes */
	UI_RADIUS = 14,        /* a button's corners */
	UI_RADIUS_DIALOG = 20, /* a dialog's corners */
	UI_FIELD_BOX_H = 96,   /* a field's box */
	UI_BUTTON_H_S = 100,   /* a button in a column of actions */
	UI_BUTTON_H = 110,     /* a screen's button */
	UI_BUTTON_H_L = 120,   /* a bottom bar's button */
	UI_BUTTON_H_XL = 130,  /* a message screen's or dialog's one big button */
	UI_ROW_H = 120,        /* a row of a staff list (inbox, to-do) */
	UI_BUTTON_W = 340,     /* a bottom bar's button (back, sign out) */
	UI_BUTTON_W_L = 380,   /* a visitor's bottom bar button */
	UI_SCROLL_BAR_W = 90,  /* a scroll view's column of up/down buttons */
};

/* A box height for text in a scroll view: as tall as the text needs. */
#define UI_NO_LIMIT (1 << 20)

/* Type sizes (UI_TYPE_*, scaled with the window). */
enum ui_font {
	UI_FONT_SMALL = 0, /* UI_TYPE_SMALL */
	UI_FONT_BODY,      /* UI_TYPE_BODY */
	UI_FONT_LARGE,     /* UI_TYPE_LARGE */
	UI_FONT_TITLE,     /* UI_TYPE_TITLE */
	UI_FONT_HUGE,      /* UI_TYPE_HUGE */
	UI_FONT_COUNT,
	UI_FONT_WRAP = UI_FONT_COUNT, /* button labels: the small font on centred wrapped lines */
	UI_FONT_AUTO = -1,            /* button labels: the largest that fits, else WRAP */
};

enum ui_align { UI_LEFT = 0, UI_CENTER, UI_RIGHT };

/* Button looks. */
enum ui_style { UI_PRIMARY = 0, UI_SECONDARY, UI_DANGER, UI_GHOST, UI_SELECTED, UI_KEY };

/* The palette (high contrast, readable at arm's length). */
extern const SDL_Color ui_c_bg, ui_c_panel, ui_c_text, ui_c_muted, ui_c_primary, ui_c_danger,
    ui_c_ok, ui_c_info, ui_c_white, ui_c_border;

/* Everything the layer knows about this frame's input and the window. One per program. */
struct ui {
	SDL_Renderer *ren;
	int w, h;        /* output size in pixels */
	float scale;     /* min(w / 1920, h / 1080) */
	int mx, my;      /* pointer (mouse or finger) */
	bool down;       /* pointer held */
	bool pressed;    /* went down since the last frame */
	bool released;   /* went up since the last frame */
	uint32_t down_at; /* SDL ticks of the press */
	uint32_t active; /* id hash of the widget the press started on (0 none) */
	bool long_fired; /* the active widget already fired its long press */
	uint32_t wake_at; /* a widget asked for a frame at this tick (0 none): long press */
	bool redraw;     /* something changed during the frame: draw again */
	unsigned long frame;
	unsigned long clips; /* texts cut or shortened with no way to read them whole, since start */
	int frame_clips;     /* ... drawn in this frame */
	bool clip_text;      /* the clip report names the text (test builds: it may be personal) */
	SDL_Rect view;       /* the scroll view being drawn (w 0: none): the pointer hits only in it */
	/* rects of the interactive widgets of the last frame, for AKSES_UI_DUMP (tests), and of
	 * text a screen marks for its tests (ui_note_text_rect) */
	int n_rects;
	struct ui_rect_rec {
		char id[48];
		SDL_Rect r;
		bool text; /* a marked text, not a widget to tap: dumped with a "text" field */
	} rects[256];
};

extern struct ui ui;

/* Open the fonts under assets_dir/fonts; 0 or -1 (message in err). */
int ui_init(SDL_Renderer *ren, const char *assets_dir, char *err, size_t n);
void ui_shutdown(void);

/* The window got a new size: rescale fonts and drop cached text. */
void ui_resize(int w, int h);

/* Design pixels (1920x1080) to window pixels, never below 1. */
int ui_px(int design);

/* Feed one pointer event (mouse, or SDL's mouse events synthesized from touch). Returns true if
 * it was one (then a frame should run). */
bool ui_feed(const SDL_Event *e);

void ui_frame_begin(void);
void ui_frame_end(void);

/* 32-bit FNV-1a of an id string. */
uint32_t ui_id(const char *id);

/* Record a widget rect (for the test dump). */
void ui_note_rect(const char *id, SDL_Rect r);
/* Record where a text shows (which row of a list is in view), for the test dump: a line of its
 * own kind ("ID X Y W H text"), so that nothing takes it for a widget to tap. */
void ui_note_text_rect(const char *id, SDL_Rect r);

/* Write the last frame's widget rects to path (tmp + rename so readers see whole files):
 * "screen NAME", "frame N", then "ID X Y W H" per widget. Test support only. */
void ui_dump(const char *path, const char *screen_name, const char *extra);

/* ---- text (ui_text.c) --------------------------------------------------------------------- */

/* Text texture from the LRU cache (rendered on a miss). wrap_w > 0 wraps at that width, left
 * aligned; wrap_w < 0 wraps at -wrap_w with centred lines. The
 * texture belongs to the cache: valid until the next ui_text_get call. NULL for "" or failure. */
SDL_Texture *ui_text_get(const char *s, enum ui_font f, bool bold, SDL_Color c, int wrap_w,
                         int *w, int *h);
/* Like ui_text_get, but the text is shaded onto a solid bg and has no alpha: the software
 * renderer copies it instead of blending every pixel. For text on a fill the caller drew. */
SDL_Texture *ui_text_get_on(const char *s, enum ui_font f, bool bold, SDL_Color c, SDL_Color bg,
                            int wrap_w, int *w, int *h);
/* Like ui_text, drawn opaque on bg (ui_text_get_on): r must lie on a fill of colour bg. */
int ui_text_on(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c, SDL_Color bg,
               enum ui_align a);
/* Bytes held by the cached text textures (for the frame benchmark). */
size_t ui_text_cache_bytes(void);
/* Size of a one-line text without drawing (measured once, then cached). */
void ui_text_size(const char *s, enum ui_font f, bool bold, int *w, int *h);
/* Draw one line of text aligned in rect r (vertically centred), cut at r's right edge when too
 * long. Returns the drawn width. */
int ui_text(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c, enum ui_align a);
/* Like ui_text, but when too long for r it shows the end (a field shows what is being typed). */
int ui_text_tail(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c);
/* Draw wrapped text from r's top-left; returns the height used. Lines below r are cut (and
 * reported as a clip): give r the height the text may take, or put it in a scroll view. */
int ui_text_wrapped(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c);
/* One line of text that may be too long for r: shortened with "…", and then r is tappable and
 * a tap opens the whole text in the reader (true on that frame). Fits: drawn as ui_text. */
bool ui_text_more(const char *id, SDL_Rect r, const char *s, enum ui_font f, bool bold,
                  SDL_Color c, enum ui_align a);
/* One line that may end in "…" where the whole text is a tap away by other means (a list row
 * opens what it names): not a clip. Else as ui_text. */
int ui_text_short(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                  enum ui_align a);
/* Every ui_text* call measures its text against its box: wider than the box, the text wraps
 * when the box has room for two lines, else it ends in "…". A text that loses part of itself
 * with no way to read it whole (shortened outside ui_text_more, wrapped lines below the box)
 * is a clip: counted here and in ui.frame_clips, and logged once on stderr in every build as
 * "ui: clipped text "TEXT" (how) box WxH at X,Y needs WxH" ("of N bytes" for the text unless
 * ui.clip_text: the shipped kiosk's log gets no personal data). */
unsigned long ui_clip_count(void);
/* Font line height in pixels. */
int ui_font_height(enum ui_font f);
void ui_text_cache_clear(void);
/* Hits and misses since start (for the frame benchmark and tests). */
void ui_text_cache_stats(unsigned long *hits, unsigned long *misses);

/* ---- scroll view (ui_scroll.c) -------------------------------------------------------------- */

/* A scroll view's state, kept by the screen (zero it when the content changes). */
struct ui_scroll {
	int off;       /* pixels scrolled down */
	int content_h; /* the content's height, as the last frame measured it */
	int view_h;    /* the view's height */
	int drag_y0, drag_off0; /* where the press started, and the scroll then */
	bool armed;             /* a press started in the view */
	bool dragging;          /* ... and moved: the content follows the finger */
};

/* Start drawing content that may be taller than r: returns the rect to lay the content out in
 * (r's left and top, moved up by the scroll; the width leaves room for the buttons), and clips
 * drawing to r. The content is dragged with a finger; when it is taller than r, a column of
 * up/down buttons ("ID:up", "ID:down", each shown while it can move the content) on the right
 * pages it for those who do not swipe. Widgets inside take taps only where they show. Use:
 *     SDL_Rect c = ui_scroll_begin("review", &st->scroll, box);
 *     int y = c.y;   ... draw from (c.x, y) at width c.w, adding each height to y ...
 *     ui_scroll_end("review", &st->scroll, box, y - c.y);   */
SDL_Rect ui_scroll_begin(const char *id, struct ui_scroll *s, SDL_Rect r);
/* End the view: content_h is the height the content used. Draws the buttons and the bar. */
void ui_scroll_end(const char *id, struct ui_scroll *s, SDL_Rect r, int content_h);
/* Scroll so that content y range [y, y+h) is in view. */
void ui_scroll_show(struct ui_scroll *s, int y, int h);

/* ---- pager (ui_pager.c) ---------------------------------------------------------------------- */

/* A list of n rows of which per show at a time: the first row of page *page (clamped into the
 * pages there are). */
int ui_page_first(int n, int per, int *page);
/* The previous / next page buttons of that list ("ID:prev" at prev, "ID:next" at next, each
 * shown while it can move; nothing when one page holds the list). true on the frame a tap moved
 * *page. The caller says which rows show ("Companions 9–16 of 23") in its own words. */
bool ui_pager(const char *id, SDL_Rect prev, SDL_Rect next, int n, int per, int *page);

/* ---- the reader: a text opened in full (ui_reader.c) ---------------------------------------- */

/* Open the reader on text s (copied): a dialog over the screen with the whole text wrapped, in
 * a scroll view. */
void ui_reader_open(const char *s);
bool ui_reader_is_open(void);
/* The text the reader shows (NULL when closed). */
const char *ui_reader_text(void);
void ui_reader_close(void);
/* While the reader is open, the screen under it must not take taps: call before drawing the
 * screen (hides the press), then ui_reader_draw after it (gives the press back and draws the
 * reader; close_label names its button "reader:close"). No-ops when it is closed. */
void ui_reader_hold(void);
void ui_reader_draw(const char *close_label);

/* ---- keyboard (ui_keyboard.c) ------------------- */

/* Forget the kept picture of the keyboard's keys (the window changed size, the renderer goes
 * away): the next ui_keyboard draws it again. */
void ui_keyboard_cache_drop(void);

/* ---- the hidden frame benchmark (ui_bench.c) ------------------------------------------------ */

/* Draw n frames with frame(arg), each after an empty clear+present (the renderer's floor), and
 * write one line of figures to out: "frames N wall_med MS wall_p99 MS cpu_med MS cpu_p99 MS
 * empty_wall_med .. empty_cpu_p99 MS text_hits H text_misses M text_kb K" (CPU: this thread's
 * CLOCK_THREAD_CPUTIME_ID). 0, or -1 when out of memory. Bench mode only (AKSES_BENCH_FRAMES). */
int ui_bench_run(int n, void (*frame)(void *arg), void *arg, char *out, size_t outn);
/* CLOCK_REALTIME in microseconds: the first present's stamp, compared with the bench script's
 * exec time ($EPOCHREALTIME). */
long long ui_bench_realtime_us(void);

/* ---- drawing primitives ------------------------------------------------------------------- */

void ui_fill(SDL_Rect r, SDL_Color c);
void ui_frame_rect(SDL_Rect r, SDL_Color c, int thickness);
/* A filled rect with rounded corners of radius rad. */
void ui_fill_round(SDL_Rect r, SDL_Color c, int rad);
bool ui_hit(SDL_Rect r, int x, int y);
SDL_Rect ui_rect(int x, int y, int w, int h);
/* A rect shrunk by d on every side. */
SDL_Rect ui_inset(SDL_Rect r, int d);
/* A rotating spinner centred in r (the caller keeps frames coming while it shows). */
void ui_spinner(SDL_Rect r, uint32_t ticks);

/* ---- widgets ------------------------------------------------------------------------------ */

/* A button: true on the frame it was tapped (press and release inside). */
bool ui_button(const char *id, SDL_Rect r, const char *label, enum ui_style s);
/* A button whose label uses font f (UI_FONT_WRAP, or UI_FONT_AUTO as ui_button does: the
 * largest that fits, wrapping onto centred lines when even the small font is too wide). */
bool ui_button_ex(const char *id, SDL_Rect r, const char *label, enum ui_style s,
                  enum ui_font f);
/* The largest font in which every one of n labels fits a button of width w, else UI_FONT_WRAP
 * (for rows of chips that should look alike). */
enum ui_font ui_button_font_for(const char *const *labels, int n, int w);
/* A button that also reports a long press (held >= ms): *long_out true once, then no tap. */
bool ui_button_long(const char *id, SDL_Rect r, const char *label, enum ui_style s,
                    uint32_t ms, bool *long_out);

/* An editable text held by a screen's model: a byte buffer with a size and a character cap. */
struct ui_textbuf {
	char *buf;
	size_t size;      /* bytes including the terminator */
	size_t max_chars; /* code points */
};

/* Append UTF-8 text (one key, or a pasted run); refuses what would overflow. true if changed. */
bool ui_textbuf_insert(struct ui_textbuf *t, const char *utf8);
/* Remove the last code point. true if changed. */
bool ui_textbuf_backspace(struct ui_textbuf *t);
/* A physical keyboard's text into a digits-only field: "\b" removes the last digit, other
 * characters than 0-9 are dropped. true if changed. */
bool ui_textbuf_type_digits(struct ui_textbuf *t, const char *s);

/* A text field: label above, the value in a box with a caret when focused, and an inline message
 * below (red) when msg is non-empty. true when tapped (the caller focuses it). */
bool ui_field(const char *id, SDL_Rect r, const char *label, const char *value, bool focused,
              const char *msg, bool secret);

/* A row of a list: two lines of text; true when tapped. */
bool ui_list_row(const char *id, SDL_Rect r, const char *line1, const char *line2,
                 SDL_Color accent);

/* A modal dialog box centred on the window over a dimmed screen; returns the inner rect. */
SDL_Rect ui_dialog(int w, int h, const char *title);
/* The screen under a dialog that stays up (the idle countdown), drawn once: true when the kept,
 * already dimmed copy was put on the window (skip drawing the screen); false when the caller
 * should draw the screen now, then call ui_backdrop_end to dim and keep it. */
bool ui_backdrop_begin(void);
void ui_backdrop_end(void);
/* Forget the kept screen (the dialog is gone, or the window changed size). */
void ui_backdrop_drop(void);

/* The on-screen keyboard bound to a text buffer (ui_keyboard.c). Returns true if the text
 * changed. */
struct kbd;
bool ui_keyboard(struct kbd *k, SDL_Rect area, struct ui_textbuf *t);

#endif

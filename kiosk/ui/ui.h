/* ui.h - akses-kiosk's own small immediate-mode widget layer on SDL_Renderer + SDL_ttf, sized for
 * fingers: frame begin/end, hit testing, a text cache, buttons, fields, keyboard, lists, dialogs. */
#ifndef AKSES_UI_H
#define AKSES_UI_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Type sizes, in design pixels at 1920x1080 (scaled with the window). */
enum ui_font {
	UI_FONT_SMALL = 0, /* 26 px: hints, timeline details */
	UI_FONT_BODY,      /* 34 px: fields, list rows */
	UI_FONT_LARGE,     /* 44 px: buttons, keys */
	UI_FONT_TITLE,     /* 60 px: screen titles */
	UI_FONT_HUGE,      /* 120 px: the request number, door decisions */
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
	/* rects of the interactive widgets of the last frame, for AKSES_UI_DUMP (tests) */
	int n_rects;
	struct ui_rect_rec {
		char id[48];
		SDL_Rect r;
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

/* Write the last frame's widget rects to path (tmp + rename so readers see whole files):
 * "screen NAME", "frame N", then "ID X Y W H" per widget. Test support only. */
void ui_dump(const char *path, const char *screen_name, const char *extra);

/* ---- text (ui-text.c) --------------------------------------------------------------------- */

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
/* Draw wrapped text from r's top-left; returns the height used. */
int ui_text_wrapped(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c);
/* Font line height in pixels. */
int ui_font_height(enum ui_font f);
void ui_text_cache_clear(void);
/* Hits and misses since start (for the frame benchmark and tests). */
void ui_text_cache_stats(unsigned long *hits, unsigned long *misses);

/* ---- keyboard (ui-keyboard.c; ui_keyboard itself is declared in kiosk.h) ------------------- */

/* Forget the kept picture of the keyboard's keys (the window changed size, the renderer goes
 * away): the next ui_keyboard draws it again. */
void ui_keyboard_cache_drop(void);

/* ---- the hidden frame benchmark (ui-bench.c) ------------------------------------------------ */

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

#endif

/* ui_core.c - the widget layer's frame, pointer input, hit testing, palette, primitives and the
 * test dump of widget rects. */
#include "ui.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct ui ui;

const SDL_Color ui_c_bg = {244, 246, 248, 255};
const SDL_Color ui_c_panel = {255, 255, 255, 255};
const SDL_Color ui_c_text = {20, 28, 38, 255};
const SDL_Color ui_c_muted = {84, 96, 110, 255};
const SDL_Color ui_c_primary = {0, 84, 166, 255};
const SDL_Color ui_c_danger = {190, 20, 30, 255};
const SDL_Color ui_c_ok = {0, 128, 60, 255};
const SDL_Color ui_c_info = {0, 70, 200, 255};
const SDL_Color ui_c_white = {255, 255, 255, 255};
const SDL_Color ui_c_border = {170, 180, 192, 255};

void ui_resize(int w, int h)
{
	float sx = (float)w / 1920.0f, sy = (float)h / 1080.0f;

	ui.w = w;
	ui.h = h;
	ui.scale = sx < sy ? sx : sy;
	ui_text_cache_clear();
	ui_keyboard_cache_drop();
	ui_backdrop_drop(); /* kept at the old size */
}

int ui_px(int design)
{
	int v = (int)lroundf((float)design * ui.scale);
	return v < 1 ? 1 : v;
}

uint32_t ui_id(const char *id)
{
	uint32_t h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h ? h : 1;
}

bool ui_feed(const SDL_Event *e)
{
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
		if (e->button.button != SDL_BUTTON_LEFT)
			return false;
		ui.mx = e->button.x;
		ui.my = e->button.y;
		ui.down = true;
		ui.pressed = true;
		ui.down_at = e->button.timestamp;
		return true;
	case SDL_MOUSEBUTTONUP:
		if (e->button.button != SDL_BUTTON_LEFT)
			return false;
		ui.mx = e->button.x;
		ui.my = e->button.y;
		ui.down = false;
		ui.released = true;
		return true;
	case SDL_MOUSEMOTION:
		ui.mx = e->motion.x;
		ui.my = e->motion.y;
		/* only a drag matters (a held button may be left) */
		return ui.down;
	default:
		return false;
	}
}

void ui_frame_begin(void)
{
	ui.frame++;
	ui.n_rects = 0;
	ui.redraw = false;
	ui.wake_at = 0;
	ui.frame_clips = 0;
	ui.view = ui_rect(0, 0, 0, 0);
	if (ui.pressed)
		ui.active = 0; /* the widget under the press claims it while drawing */
	SDL_SetRenderDrawColor(ui.ren, ui_c_bg.r, ui_c_bg.g, ui_c_bg.b, 255);
	SDL_RenderClear(ui.ren);
}

void ui_frame_end(void)
{
	if (ui.released) {
		ui.active = 0;
		ui.long_fired = false;
	}
	ui.pressed = false;
	ui.released = false;
}

static void note(const char *id, SDL_Rect r, bool text)
{
	if (ui.n_rects >= (int)(sizeof ui.rects / sizeof ui.rects[0]))
		return;
	/* in a scroll view, the part that shows (a widget scrolled out of it is not there) */
	if (ui.view.w > 0 && !SDL_IntersectRect(&r, &ui.view, &r))
		return;
	struct ui_rect_rec *rec = &ui.rects[ui.n_rects++];
	size_t n = strlen(id);
	/* every widget of every frame comes here: a bounded copy, not a printf */
	if (n >= sizeof rec->id)
		n = sizeof rec->id - 1;
	memcpy(rec->id, id, n);
	rec->id[n] = '\0';
	rec->r = r;
	rec->text = text;
}

void ui_note_rect(const char *id, SDL_Rect r) { note(id, r, false); }

void ui_note_text_rect(const char *id, SDL_Rect r) { note(id, r, true); }

void ui_dump(const char *path, const char *screen_name, const char *extra)
{
	char tmp[600];
	FILE *f;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "screen %s\nframe %lu\nsize %d %d\nclips %d\n", screen_name, ui.frame, ui.w,
	        ui.h, ui.frame_clips);
	/* the reader's text length: a test sees that a shortened text opened whole */
	fprintf(f, "reader %zu\n", ui_reader_text() ? strlen(ui_reader_text()) : 0);
	if (extra && *extra)
		fprintf(f, "%s\n", extra);
	for (int i = 0; i < ui.n_rects; i++)
		fprintf(f, "%s %d %d %d %d%s\n", ui.rects[i].id, ui.rects[i].r.x, ui.rects[i].r.y,
		        ui.rects[i].r.w, ui.rects[i].r.h, ui.rects[i].text ? " text" : "");
	fclose(f);
	rename(tmp, path);
}

/* ---- primitives ---------------------------------------------------------------------------- */

SDL_Rect ui_rect(int x, int y, int w, int h)
{
	SDL_Rect r = {x, y, w, h};
	return r;
}

SDL_Rect ui_inset(SDL_Rect r, int d)
{
	return ui_rect(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

bool ui_hit(SDL_Rect r, int x, int y)
{
	/* inside a scroll view, what is scrolled out of it cannot be touched */
	if (ui.view.w > 0 && !(x >= ui.view.x && x < ui.view.x + ui.view.w && y >= ui.view.y &&
	                       y < ui.view.y + ui.view.h))
		return false;
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

void ui_fill(SDL_Rect r, SDL_Color c)
{
	SDL_SetRenderDrawBlendMode(ui.ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ui.ren, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(ui.ren, &r);
}

void ui_frame_rect(SDL_Rect r, SDL_Color c, int t)
{
	ui_fill(ui_rect(r.x, r.y, r.w, t), c);
	ui_fill(ui_rect(r.x, r.y + r.h - t, r.w, t), c);
	ui_fill(ui_rect(r.x, r.y, t, r.h), c);
	ui_fill(ui_rect(r.x + r.w - t, r.y, t, r.h), c);
}

/* How far row i (0 = the outermost) of a corner of radius rad is indented, for rad <= 64: a
 * table per radius, filled on first use (the kiosk uses a handful of radii). */
static const uint8_t *ui_round_insets(int rad)
{
	static uint8_t table[65][64];
	static bool done[65];

	if (!done[rad]) {
		for (int i = 0; i < rad; i++) {
			float dy = (float)(rad - i) - 0.5f;
			table[rad][i] =
			    (uint8_t)(rad - (int)lroundf(sqrtf((float)(rad * rad) - dy * dy)));
		}
		done[rad] = true;
	}
	return table[rad];
}

void ui_fill_round(SDL_Rect r, SDL_Color c, int rad)
{
	SDL_Rect rows[2 * 64 + 1];
	int n = 0, i = 0;

	if (rad * 2 > r.h)
		rad = r.h / 2;
	if (rad * 2 > r.w)
		rad = r.w / 2;
	if (rad > 64)
		rad = 64;
	if (rad < 2) {
		ui_fill(r, c);
		return;
	}
	/* Rows of the rounded top and bottom with the same indent are one rect, and the rows that
	 * are not indented join the middle band: each rect filled costs a call into the software
	 * renderer, whatever its size (a keyboard key went from 29 rects to 17). */
	const uint8_t *in = ui_round_insets(rad);
	while (i < rad && in[i] > 0) {
		int j = i;
		while (j + 1 < rad && in[j + 1] == in[i])
			j++;
		int h = j - i + 1;
		rows[n++] = ui_rect(r.x + in[i], r.y + i, r.w - 2 * in[i], h);
		rows[n++] = ui_rect(r.x + in[i], r.y + r.h - i - h, r.w - 2 * in[i], h);
		i = j + 1;
	}
	rows[n++] = ui_rect(r.x, r.y + i, r.w, r.h - 2 * i);
	SDL_SetRenderDrawBlendMode(ui.ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(ui.ren, c.r, c.g, c.b, c.a);
	SDL_RenderFillRects(ui.ren, rows, n);
}

void ui_spinner(SDL_Rect r, uint32_t ticks)
{
	int cx = r.x + r.w / 2, cy = r.y + r.h / 2;
	int rad = (r.w < r.h ? r.w : r.h) / 2;
	int dot = rad / 5 > 2 ? rad / 5 : 2;
	int lead = (int)((ticks / 100) % 12);

	for (int i = 0; i < 12; i++) {
		float ang = (float)i * 3.14159265f / 6.0f;
		int x = cx + (int)((float)(rad - dot) * cosf(ang));
		int y = cy + (int)((float)(rad - dot) * sinf(ang));
		int age = (lead - i + 12) % 12;
		SDL_Color c = ui_c_primary;
		c.a = (Uint8)(255 - age * 18);
		ui_fill_round(ui_rect(x - dot, y - dot, dot * 2, dot * 2), c, dot);
	}
}

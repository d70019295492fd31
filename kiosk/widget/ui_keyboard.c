/* ui_keyboard.c - draws the on-screen keyboard (layouts in kbd.c) and types into a text buffer.
 * The keys of the current page are drawn once into a kept texture that each frame copies. */
#include "kbd.h"
#include "ui.h"

#include <string.h>

/* The keyboard's background (around and between the keys). */
static const SDL_Color ui_kbd_bg = {222, 226, 232, 255};

/* The kept picture of the keyboard: the keys and labels of one layout page, not pressed, in a
 * render-target texture the size of the keyboard area. sig says what was drawn (the keys' ids,
 * labels, styles and rects, the area, the window size); a frame whose keys differ draws again. */
static struct {
	SDL_Texture *tex;
	int tw, th;   /* texture size */
	uint32_t sig; /* 0: nothing kept */
	bool broken;  /* render targets failed here: draw every key every frame */
} ui_kbd_cache;

/* A key's look: the shift key while shift is on, and the page key, stand out. */
static enum ui_style ui_kbd_style(const struct kbd *k, const struct kbd_key *key)
{
	if ((key->kind == KBD_SHIFT && k->shift) || (key->kind == KBD_CAPS && k->caps) ||
	    key->kind == KBD_PAGE)
		return UI_PRIMARY;
	return UI_KEY;
}

/* FNV-1a over n bytes, continuing from h. */
static uint32_t ui_kbd_mix(uint32_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

/* The signature of what the keyboard in area looks like now (never 0). Everything the kept
 * picture depends on goes in: a layout, page, shift or language change changes a label or a
 * style, a resize changes the rects. */
static uint32_t ui_kbd_sig(const struct kbd *k, SDL_Rect area)
{
	uint32_t h = 2166136261u;
	int size[2] = {ui.w, ui.h};

	h = ui_kbd_mix(h, &area, sizeof area);
	h = ui_kbd_mix(h, size, sizeof size);
	for (int i = 0; i < k->n; i++) {
		const struct kbd_key *key = &k->keys[i];
		int geo[5] = {key->x, key->y, key->w, key->h, (int)ui_kbd_style(k, key)};
		h = ui_kbd_mix(h, geo, sizeof geo);
		h = ui_kbd_mix(h, key->id, strlen(key->id) + 1);
		h = ui_kbd_mix(h, key->label, strlen(key->label) + 1);
	}
	return h ? h : 1;
}

void ui_keyboard_cache_drop(void)
{
	if (ui_kbd_cache.tex)
		SDL_DestroyTexture(ui_kbd_cache.tex);
	ui_kbd_cache.tex = NULL;
	ui_kbd_cache.tw = ui_kbd_cache.th = 0;
	ui_kbd_cache.sig = 0;
}

/* Draw the background and every key, not pressed, offset by (dx, dy), through ui_button so the
 * kept picture is exactly what a live frame draws. The caller has cleared the press state. */
static void ui_kbd_draw_keys(const struct kbd *k, SDL_Rect area, int dx, int dy)
{
	ui_fill(ui_rect(area.x + dx, area.y + dy, area.w, area.h), ui_kbd_bg);
	for (int i = 0; i < k->n; i++) {
		const struct kbd_key *key = &k->keys[i];
		SDL_Rect r = {key->x + dx, key->y + dy, key->w, key->h};
		ui_button(key->id, r, key->label, ui_kbd_style(k, key));
	}
}

/* Make the kept picture match k in area: draw it into the texture unless sig already matches.
 * Returns false when there is no usable texture (the caller draws the keys directly). */
static bool ui_kbd_cache_update(const struct kbd *k, SDL_Rect area, uint32_t sig)
{
	if (ui_kbd_cache.broken || area.w <= 0 || area.h <= 0)
		return false;
	if (ui_kbd_cache.tex && ui_kbd_cache.sig == sig)
		return true;
	if (!SDL_RenderTargetSupported(ui.ren)) {
		ui_kbd_cache.broken = true;
		return false;
	}
	if (!ui_kbd_cache.tex || ui_kbd_cache.tw != area.w || ui_kbd_cache.th != area.h) {
		ui_keyboard_cache_drop();
		/* the window's own format: the software renderer then copies rows, no conversion */
		Uint32 fmt = SDL_GetWindowPixelFormat(SDL_RenderGetWindow(ui.ren));
		if (fmt == SDL_PIXELFORMAT_UNKNOWN || SDL_ISPIXELFORMAT_ALPHA(fmt))
			fmt = SDL_PIXELFORMAT_RGB888;
		ui_kbd_cache.tex =
		    SDL_CreateTexture(ui.ren, fmt, SDL_TEXTUREACCESS_TARGET, area.w, area.h);
		if (!ui_kbd_cache.tex) {
			ui_kbd_cache.broken = true;
			return false;
		}
		SDL_SetTextureBlendMode(ui_kbd_cache.tex, SDL_BLENDMODE_NONE); /* opaque: a copy */
		ui_kbd_cache.tw = area.w;
		ui_kbd_cache.th = area.h;
	}
	if (SDL_SetRenderTarget(ui.ren, ui_kbd_cache.tex) != 0) {
		ui_keyboard_cache_drop();
		ui_kbd_cache.broken = true;
		return false;
	}
	/* Draw with no press in flight, so no key is drawn held and none is tapped; the rects the
	 * buttons note are in texture coordinates and are dropped (the frame notes its own). */
	bool pressed = ui.pressed, released = ui.released, long_fired = ui.long_fired;
	bool redraw = ui.redraw;
	uint32_t active = ui.active, wake_at = ui.wake_at;
	int n_rects = ui.n_rects;
	ui.pressed = ui.released = false;
	ui.active = 0;
	ui_kbd_draw_keys(k, area, -area.x, -area.y);
	ui.pressed = pressed;
	ui.released = released;
	ui.long_fired = long_fired;
	ui.redraw = redraw;
	ui.active = active;
	ui.wake_at = wake_at;
	ui.n_rects = n_rects;
	SDL_SetRenderTarget(ui.ren, NULL); /* back to the window, its viewport and clip restored */
	ui_kbd_cache.sig = sig;
	return true;
}

/* Draws the keyboard in area for k's current layout and page, and types a tapped key into t
 * (t may be NULL). Returns true when t changed. Each frame copies the kept picture and goes
 * through ui_button only for the key a press is on (drawn held on top, and tapped); the other
 * keys just note their rects, in the same order as before, for the test dump. */
bool ui_keyboard(struct kbd *k, SDL_Rect area, struct ui_textbuf *t)
{
	char text[8];
	bool changed = false;
	const struct kbd_key *tapped = NULL;

	SDL_Rect in = ui_inset(area, ui_px(UI_PAD_LABEL));
	kbd_layout(k, in.x, in.y, in.w, in.h, ui_px(UI_KEY_GAP));
	bool kept = ui_kbd_cache_update(k, area, ui_kbd_sig(k, area));
	if (kept)
		SDL_RenderCopy(ui.ren, ui_kbd_cache.tex, NULL, &area);
	else
		ui_fill(area, ui_kbd_bg);
	for (int i = 0; i < k->n; i++) {
		const struct kbd_key *key = &k->keys[i];
		SDL_Rect r = {key->x, key->y, key->w, key->h};
		/* the key a press is on, or that this press starts on (ui_button claims it) */
		bool live = !kept || ui.active == ui_id(key->id) ||
		            (ui.pressed && ui.active == 0 && ui_hit(r, ui.mx, ui.my));
		if (!live) {
			ui_note_rect(key->id, r);
			continue;
		}
		if (ui_button(key->id, r, key->label, ui_kbd_style(k, key)))
			tapped = key;
	}
	if (!tapped)
		return false;
	switch (kbd_press(k, tapped, text, sizeof text)) {
	case KBD_ACT_TEXT:
		changed = t && ui_textbuf_insert(t, text);
		break;
	case KBD_ACT_BKSP:
		changed = t && ui_textbuf_backspace(t);
		break;
	case KBD_ACT_CLEAR:
		changed = t && t->buf[0];
		if (changed)
			memset(t->buf, 0, t->size);
		break;
	case KBD_ACT_NONE:
		break;
	}
	if (changed)
		kbd_autoshift(k, t->buf);
	ui.redraw = true;
	return changed;
}

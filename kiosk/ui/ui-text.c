/* ui-text.c - fonts and the text cache: rendered text textures kept by (string, size, weight,
 * colour, background, wrap width) in an LRU capped by entries and by bytes, so a frame only
 * rasterizes text it has not drawn recently; and a cache of measured sizes, so layout does not
 * shape text every frame. */
#include "ui.h"

#include <SDL_ttf.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UI_TEXT_SLOTS 384
/* Texture pixels the cache may hold (4 bytes a pixel). Walking every screen once filled 18 MB;
 * one screen's own text is at most ~3 MB, so 8 MB keeps any screen and the one before it whole
 * while the kiosk stays inside its 64 MB. Only a screen whose text alone exceeds this goes over
 * it: text drawn in the current frame is never evicted (that would re-render it every frame). */
#define UI_TEXT_MAX_BYTES ((size_t)8 << 20)

static const int ui_font_design[UI_FONT_COUNT] = {26, 34, 44, 60, 120};

static char ui_font_path[2][512];
static TTF_Font *ui_fonts[UI_FONT_COUNT][2]; /* [size][bold] */

struct ui_text_slot {
	uint32_t hash;
	char *s; /* owned copy of the string (NULL: free slot) */
	uint8_t font, bold;
	uint8_t opaque; /* drawn on bg, no alpha (ui_text_get_on) */
	SDL_Color c, bg;
	int wrap;
	SDL_Texture *tex;
	int w, h;
	unsigned long used;  /* LRU clock */
	unsigned long frame; /* ui.frame of the last use */
};

static struct ui_text_slot ui_slots[UI_TEXT_SLOTS];
static unsigned long ui_clock, ui_hits, ui_misses;
static size_t ui_text_bytes; /* texture bytes held by ui_slots */

/* Measured one-line sizes, direct-mapped by hash (a collision just measures again). */
#define UI_SIZE_SLOTS 512
static struct ui_size_slot {
	uint32_t hash;
	char *s; /* owned copy (NULL: empty) */
	uint8_t font, bold;
	int w, h;
} ui_sizes[UI_SIZE_SLOTS];

static bool ui_same_color(SDL_Color a, SDL_Color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Close and reopen the fonts at the window's scale. */
static void ui_fonts_open(void)
{
	for (int f = 0; f < UI_FONT_COUNT; f++)
		for (int b = 0; b < 2; b++) {
			if (ui_fonts[f][b])
				TTF_CloseFont(ui_fonts[f][b]);
			ui_fonts[f][b] = TTF_OpenFont(ui_font_path[b], ui_px(ui_font_design[f]));
		}
}

int ui_init(SDL_Renderer *ren, const char *assets_dir, char *err, size_t n)
{
	int w, h;

	ui.ren = ren;
#ifdef __GLIBC__
	/* Pin glibc's mmap threshold at its default (128 KiB). Left dynamic, the first large block
	 * freed (an evicted text texture, the kept keyboard, Argon2id's 9 MiB) raises it, and later
	 * blocks of that size come from the heap, which keeps them resident after they are freed:
	 * the text cache's byte cap, and the sign-in's transient memory, would not give memory back.
	 * Pinned, each block over 128 KiB is its own mapping, unmapped when freed. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	if (!TTF_WasInit() && TTF_Init() != 0) {
		snprintf(err, n, "TTF_Init: %s", TTF_GetError());
		return -1;
	}
	snprintf(ui_font_path[0], sizeof ui_font_path[0], "%s/fonts/DejaVuSans.ttf", assets_dir);
	snprintf(ui_font_path[1], sizeof ui_font_path[1], "%s/fonts/DejaVuSans-Bold.ttf",
	         assets_dir);
	SDL_GetRendererOutputSize(ren, &w, &h);
	ui_resize(w, h);
	for (int f = 0; f < UI_FONT_COUNT; f++)
		for (int b = 0; b < 2; b++)
			if (!ui_fonts[f][b]) {
				snprintf(err, n, "font %s: %s", ui_font_path[b], TTF_GetError());
				return -1;
			}
	return 0;
}

void ui_shutdown(void)
{
	ui_keyboard_cache_drop();
	ui_text_cache_clear();
	for (int f = 0; f < UI_FONT_COUNT; f++)
		for (int b = 0; b < 2; b++) {
			if (ui_fonts[f][b])
				TTF_CloseFont(ui_fonts[f][b]);
			ui_fonts[f][b] = NULL;
		}
	TTF_Quit();
}

/* Bytes of a w x h text texture (ARGB, as the renderer stores it). */
static size_t ui_text_tex_bytes(int w, int h)
{
	return (size_t)w * (size_t)h * 4;
}

/* Empty slot t: destroy its texture, free its string, take its bytes off the total. */
static void ui_text_evict(struct ui_text_slot *t)
{
	if (t->tex) {
		SDL_DestroyTexture(t->tex);
		ui_text_bytes -= ui_text_tex_bytes(t->w, t->h);
	}
	free(t->s);
	memset(t, 0, sizeof *t);
}

/* The least recently used filled slot, skipping those drawn in the current frame when
 * spare_frame; NULL when there is none. */
static struct ui_text_slot *ui_text_lru(bool spare_frame)
{
	struct ui_text_slot *lru = NULL;

	for (int i = 0; i < UI_TEXT_SLOTS; i++) {
		struct ui_text_slot *t = &ui_slots[i];
		if (!t->s || (spare_frame && t->frame == ui.frame))
			continue;
		if (!lru || t->used < lru->used)
			lru = t;
	}
	return lru;
}

void ui_text_cache_clear(void)
{
	for (int i = 0; i < UI_TEXT_SLOTS; i++)
		ui_text_evict(&ui_slots[i]);
	ui_text_bytes = 0;
	/* sizes follow the scale too */
	for (int i = 0; i < UI_SIZE_SLOTS; i++) {
		free(ui_sizes[i].s);
		memset(&ui_sizes[i], 0, sizeof ui_sizes[i]);
	}
	/* the fonts follow the scale: reopen them (ui_resize calls this) */
	if (ui_font_path[0][0] && ui.scale > 0 && TTF_WasInit())
		ui_fonts_open();
}

void ui_text_cache_stats(unsigned long *hits, unsigned long *misses)
{
	*hits = ui_hits;
	*misses = ui_misses;
}

size_t ui_text_cache_bytes(void)
{
	return ui_text_bytes;
}

int ui_font_height(enum ui_font f)
{
	return ui_fonts[f][0] ? TTF_FontHeight(ui_fonts[f][0]) : ui_px(ui_font_design[f]);
}

/* Measured with TTF_SizeUTF8 (text shaping: costly for a long string) once per string, font
 * and weight, then from the size cache: buttons choose their font size every frame. */
void ui_text_size(const char *s, enum ui_font f, bool bold, int *w, int *h)
{
	*w = 0;
	*h = ui_font_height(f);
	if (!s || !*s || !ui_fonts[f][bold])
		return;
	uint32_t hash = ui_id(s) ^ ((uint32_t)f << 24) ^ ((uint32_t)bold << 28);
	struct ui_size_slot *z = &ui_sizes[(hash ^ hash >> 16) % UI_SIZE_SLOTS];
	if (z->s && z->hash == hash && z->font == f && z->bold == bold && strcmp(z->s, s) == 0) {
		*w = z->w;
		*h = z->h;
		return;
	}
	if (TTF_SizeUTF8(ui_fonts[f][bold], s, w, h) != 0)
		return;
	char *copy = strdup(s);
	if (!copy)
		return; /* measured, just not remembered */
	free(z->s);
	z->hash = hash;
	z->s = copy;
	z->font = (uint8_t)f;
	z->bold = bold;
	z->w = *w;
	z->h = *h;
}

/* The cache lookup and, on a miss, the rendering: alpha-blended text (opaque false), or text
 * shaded onto bg with no alpha (opaque true), which the software renderer copies instead of
 * blending each pixel. A new texture first makes room: least recently used entries not drawn
 * in this frame go until the bytes fit UI_TEXT_MAX_BYTES and a slot is free. */
static SDL_Texture *ui_text_fetch(const char *s, enum ui_font f, bool bold, SDL_Color c,
                                  bool opaque, SDL_Color bg, int wrap_w, int *w, int *h)
{
	uint32_t hash;
	struct ui_text_slot *slot = NULL;

	if (!s || !*s || !ui_fonts[f][bold])
		return NULL;
	if (!opaque)
		bg = (SDL_Color){0, 0, 0, 0};
	hash = ui_id(s) ^ ((uint32_t)f << 24) ^ ((uint32_t)bold << 28) ^
	       ((uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b) ^ (uint32_t)wrap_w * 2654435761u ^
	       ((uint32_t)bg.r << 8 | (uint32_t)bg.g << 16 | (uint32_t)bg.b << 24 | opaque);
	ui_clock++;
	for (int i = 0; i < UI_TEXT_SLOTS; i++) {
		struct ui_text_slot *t = &ui_slots[i];
		if (!t->s) {
			if (!slot)
				slot = t; /* the first free slot, if this is a miss */
			continue;
		}
		if (t->hash == hash && t->font == f && t->bold == bold && t->wrap == wrap_w &&
		    t->opaque == opaque && ui_same_color(t->c, c) && ui_same_color(t->bg, bg) &&
		    strcmp(t->s, s) == 0) {
			t->used = ui_clock;
			t->frame = ui.frame;
			ui_hits++;
			*w = t->w;
			*h = t->h;
			return t->tex;
		}
	}
	ui_misses++;
	SDL_Surface *surf;
	TTF_Font *font = ui_fonts[f][bold];
	if (wrap_w != 0) {
		Uint32 ww = (Uint32)(wrap_w < 0 ? -wrap_w : wrap_w);
		TTF_SetFontWrappedAlign(font, wrap_w < 0 ? TTF_WRAPPED_ALIGN_CENTER
		                                         : TTF_WRAPPED_ALIGN_LEFT);
		surf = opaque ? TTF_RenderUTF8_Shaded_Wrapped(font, s, c, bg, ww)
		              : TTF_RenderUTF8_Blended_Wrapped(font, s, c, ww);
	} else {
		surf = opaque ? TTF_RenderUTF8_Shaded(font, s, c, bg)
		              : TTF_RenderUTF8_Blended(font, s, c);
	}
	if (!surf)
		return NULL;
	int sw = surf->w, sh = surf->h;
	size_t need = ui_text_tex_bytes(sw, sh);
	/* make room before the texture exists, so the peak stays near the cap */
	while (ui_text_bytes + need > UI_TEXT_MAX_BYTES) {
		struct ui_text_slot *old = ui_text_lru(true);
		if (!old)
			break; /* all of it is on screen now: go over the cap rather than thrash */
		ui_text_evict(old);
		if (!slot)
			slot = old;
	}
	if (!slot) {
		/* every slot is taken: the oldest not drawn this frame, else the oldest */
		slot = ui_text_lru(true);
		if (!slot)
			slot = ui_text_lru(false);
		ui_text_evict(slot);
	}
	SDL_Texture *tex = SDL_CreateTextureFromSurface(ui.ren, surf);
	SDL_FreeSurface(surf);
	if (!tex)
		return NULL;
	if (opaque)
		SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE); /* a copy, not a blend */
	char *copy = strdup(s);
	if (!copy) {
		SDL_DestroyTexture(tex);
		return NULL;
	}
	slot->hash = hash;
	slot->s = copy;
	slot->font = (uint8_t)f;
	slot->bold = bold;
	slot->opaque = opaque;
	slot->c = c;
	slot->bg = bg;
	slot->wrap = wrap_w;
	slot->tex = tex;
	slot->w = sw;
	slot->h = sh;
	slot->used = ui_clock;
	slot->frame = ui.frame;
	ui_text_bytes += need;
	*w = sw;
	*h = sh;
	return tex;
}

SDL_Texture *ui_text_get(const char *s, enum ui_font f, bool bold, SDL_Color c, int wrap_w, int *w,
                         int *h)
{
	return ui_text_fetch(s, f, bold, c, false, c, wrap_w, w, h);
}

SDL_Texture *ui_text_get_on(const char *s, enum ui_font f, bool bold, SDL_Color c, SDL_Color bg,
                            int wrap_w, int *w, int *h)
{
	return ui_text_fetch(s, f, bold, c, true, bg, wrap_w, w, h);
}

/* Draw a cached text in r: aligned, vertically centred, clipped to r's width from the start
 * (or, with tail, from the end). */
static int ui_text_draw(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                        const SDL_Color *bg, enum ui_align a, bool tail)
{
	int w, h;
	SDL_Texture *tex = bg ? ui_text_get_on(s, f, bold, c, *bg, 0, &w, &h)
	                      : ui_text_get(s, f, bold, c, 0, &w, &h);

	if (!tex || r.w <= 0)
		return 0;
	SDL_Rect src = {0, 0, w, h};
	SDL_Rect dst = {r.x, r.y + (r.h - h) / 2, w, h};
	if (w > r.w) {
		src.x = tail ? w - r.w : 0;
		src.w = r.w;
		dst.w = r.w;
	} else if (a == UI_CENTER) {
		dst.x = r.x + (r.w - w) / 2;
	} else if (a == UI_RIGHT) {
		dst.x = r.x + r.w - w;
	}
	SDL_RenderCopy(ui.ren, tex, &src, &dst);
	return dst.w;
}

int ui_text(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c, enum ui_align a)
{
	return ui_text_draw(r, s, f, bold, c, NULL, a, false);
}

int ui_text_on(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c, SDL_Color bg,
               enum ui_align a)
{
	/* the opaque box must not stick out of r vertically either */
	if (ui_font_height(f) > r.h)
		return ui_text_draw(r, s, f, bold, c, NULL, a, false);
	return ui_text_draw(r, s, f, bold, c, &bg, a, false);
}

int ui_text_tail(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c)
{
	return ui_text_draw(r, s, f, bold, c, NULL, UI_LEFT, true);
}

int ui_text_wrapped(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c)
{
	int w, h;
	SDL_Texture *tex = ui_text_get(s, f, bold, c, r.w, &w, &h);

	if (!tex)
		return 0;
	SDL_Rect src = {0, 0, w, h < r.h ? h : r.h};
	SDL_Rect dst = {r.x, r.y, w, src.h};
	SDL_RenderCopy(ui.ren, tex, &src, &dst);
	return src.h;
}

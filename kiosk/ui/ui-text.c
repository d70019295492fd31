/* ui-text.c - fonts and the text cache: rendered text textures kept by (string, size, weight,
 * colour, wrap width) in a fixed-size LRU, so a frame only rasterizes text it has not drawn
 * recently. */
#include "ui.h"

#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UI_TEXT_SLOTS 384

static const int ui_font_design[UI_FONT_COUNT] = {26, 34, 44, 60, 120};

static char ui_font_path[2][512];
static TTF_Font *ui_fonts[UI_FONT_COUNT][2]; /* [size][bold] */

struct ui_text_slot {
	uint32_t hash;
	char *s;            /* owned copy of the string (NULL: free slot) */
	uint8_t font, bold;
	SDL_Color c;
	int wrap;
	SDL_Texture *tex;
	int w, h;
	unsigned long used; /* LRU clock */
};

static struct ui_text_slot ui_slots[UI_TEXT_SLOTS];
static unsigned long ui_clock, ui_hits, ui_misses;

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
	ui_text_cache_clear();
	for (int f = 0; f < UI_FONT_COUNT; f++)
		for (int b = 0; b < 2; b++) {
			if (ui_fonts[f][b])
				TTF_CloseFont(ui_fonts[f][b]);
			ui_fonts[f][b] = NULL;
		}
	TTF_Quit();
}

void ui_text_cache_clear(void)
{
	for (int i = 0; i < UI_TEXT_SLOTS; i++) {
		if (ui_slots[i].tex)
			SDL_DestroyTexture(ui_slots[i].tex);
		free(ui_slots[i].s);
		memset(&ui_slots[i], 0, sizeof ui_slots[i]);
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

int ui_font_height(enum ui_font f)
{
	return ui_fonts[f][0] ? TTF_FontHeight(ui_fonts[f][0]) : ui_px(ui_font_design[f]);
}

void ui_text_size(const char *s, enum ui_font f, bool bold, int *w, int *h)
{
	*w = 0;
	*h = ui_font_height(f);
	if (s && *s && ui_fonts[f][bold])
		TTF_SizeUTF8(ui_fonts[f][bold], s, w, h);
}

SDL_Texture *ui_text_get(const char *s, enum ui_font f, bool bold, SDL_Color c, int wrap_w,
                         int *w, int *h)
{
	uint32_t hash;
	struct ui_text_slot *victim = &ui_slots[0];

	if (!s || !*s || !ui_fonts[f][bold])
		return NULL;
	hash = ui_id(s) ^ ((uint32_t)f << 24) ^ ((uint32_t)bold << 28) ^
	       ((uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b) ^ (uint32_t)wrap_w * 2654435761u;
	ui_clock++;
	for (int i = 0; i < UI_TEXT_SLOTS; i++) {
		struct ui_text_slot *t = &ui_slots[i];
		if (t->s && t->hash == hash && t->font == f && t->bold == bold && t->wrap == wrap_w &&
		    t->c.r == c.r && t->c.g == c.g && t->c.b == c.b && t->c.a == c.a &&
		    strcmp(t->s, s) == 0) {
			t->used = ui_clock;
			ui_hits++;
			*w = t->w;
			*h = t->h;
			return t->tex;
		}
		if (!t->s || t->used < victim->used)
			victim = t;
		if (!victim->s)
			break; /* a free slot: use it (entries fill from the front) */
	}
	ui_misses++;
	SDL_Surface *surf;
	if (wrap_w != 0) {
		TTF_SetFontWrappedAlign(ui_fonts[f][bold], wrap_w < 0 ? TTF_WRAPPED_ALIGN_CENTER
		                                                      : TTF_WRAPPED_ALIGN_LEFT);
		surf = TTF_RenderUTF8_Blended_Wrapped(ui_fonts[f][bold], s, c,
		                                      (Uint32)(wrap_w < 0 ? -wrap_w : wrap_w));
	} else {
		surf = TTF_RenderUTF8_Blended(ui_fonts[f][bold], s, c);
	}
	if (!surf)
		return NULL;
	SDL_Texture *tex = SDL_CreateTextureFromSurface(ui.ren, surf);
	int sw = surf->w, sh = surf->h;
	SDL_FreeSurface(surf);
	if (!tex)
		return NULL;
	char *copy = strdup(s);
	if (!copy) {
		SDL_DestroyTexture(tex);
		return NULL;
	}
	if (victim->tex)
		SDL_DestroyTexture(victim->tex);
	free(victim->s);
	victim->hash = hash;
	victim->s = copy;
	victim->font = (uint8_t)f;
	victim->bold = bold;
	victim->c = c;
	victim->wrap = wrap_w;
	victim->tex = tex;
	victim->w = sw;
	victim->h = sh;
	victim->used = ui_clock;
	*w = sw;
	*h = sh;
	return tex;
}

/* Draw a cached text in r: aligned, vertically centred, clipped to r's width from the start
 * (or, with tail, from the end). */
static int ui_text_draw(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                        enum ui_align a, bool tail)
{
	int w, h;
	SDL_Texture *tex = ui_text_get(s, f, bold, c, 0, &w, &h);

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
	return ui_text_draw(r, s, f, bold, c, a, false);
}

int ui_text_tail(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c)
{
	return ui_text_draw(r, s, f, bold, c, UI_LEFT, true);
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

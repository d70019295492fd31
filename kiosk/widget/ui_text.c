/* ui_text.c - fonts and the text cache: rendered text textures kept by (string, size, weight,
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

static const int ui_font_design[UI_FONT_COUNT] = {UI_TYPE_SMALL, UI_TYPE_BODY, UI_TYPE_LARGE,
                                                   UI_TYPE_TITLE, UI_TYPE_HUGE};

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

/* ---- fitting a text to its box ------------------------------------------------------------ */

/* Texts that did not fit their box, reported once per (text, box size) so a text that stays
 * on screen does not log every frame. Direct-mapped: a collision just reports again. */
#define UI_CLIP_SEEN 128
static uint32_t ui_clip_seen[UI_CLIP_SEEN];
static bool ui_text_openable; /* ui_text_more is drawing: an ellipsis there is not a loss */

/* A text lost part of itself in box r (it needed need_w x need_h): count it, and say so on
 * stderr once ("ui: clipped text ..."), in every build: the all-screens test reads it, and in
 * the field it names the screen text that needs a wider box. */
static void ui_clip_note(const char *s, SDL_Rect r, int need_w, int need_h, const char *how)
{
	uint32_t h = ui_id(s) ^ ((uint32_t)r.w * 2654435761u) ^ ((uint32_t)r.h << 16);

	ui.frame_clips++;
	if (ui_clip_seen[h % UI_CLIP_SEEN] == h)
		return;
	ui_clip_seen[h % UI_CLIP_SEEN] = h;
	ui.clips++;
	/* the text itself may be a visitor's name or a reason: only a test build's log shows it */
	if (ui.clip_text)
		fprintf(stderr, "ui: clipped text \"%.120s%s\"", s, strlen(s) > 120 ? "..." : "");
	else
		fprintf(stderr, "ui: clipped text of %zu bytes", strlen(s));
	fprintf(stderr, " (%s) box %dx%d at %d,%d needs %dx%d\n", how, r.w, r.h, r.x, r.y, need_w,
	        need_h);
}

unsigned long ui_clip_count(void)
{
	return ui.clips;
}

/* The longest start of s that fits width w with "…" after it, from a small cache (layout
 * asks every frame). NULL when even "…" does not fit or out of memory. */
#define UI_ELLIPSIS_SLOTS 64
static struct {
	uint32_t hash;
	char *s, *out;
	int w;
	uint8_t font, bold;
} ui_ell[UI_ELLIPSIS_SLOTS];

static const char *ui_text_ellipsis(const char *s, enum ui_font f, bool bold, int w)
{
	static const char dots[] = "\xe2\x80\xa6"; /* … */
	uint32_t hash = ui_id(s) ^ ((uint32_t)w * 2654435761u) ^ ((uint32_t)f << 24) ^ bold;
	unsigned k = hash % UI_ELLIPSIS_SLOTS;
	TTF_Font *font = ui_fonts[f][bold];
	int dw, dh, extent = 0, count = 0;

	if (ui_ell[k].s && ui_ell[k].hash == hash && ui_ell[k].w == w && ui_ell[k].font == f &&
	    ui_ell[k].bold == bold && strcmp(ui_ell[k].s, s) == 0)
		return ui_ell[k].out;
	if (!font || TTF_SizeUTF8(font, dots, &dw, &dh) != 0 || dw >= w)
		return NULL;
	if (TTF_MeasureUTF8(font, s, w - dw, &extent, &count) != 0)
		return NULL;
	size_t len = strlen(s), n = 0;
	/* count is in characters: walk that many code points */
	for (int i = 0; i < count && n < len; i++)
		for (n++; n < len && ((unsigned char)s[n] & 0xC0) == 0x80; n++)
			;
	char *out = malloc(n + sizeof dots);
	char *copy = strdup(s);
	if (!out || !copy) {
		free(out);
		free(copy);
		return NULL;
	}
	/* no space before the dots; and kerning may make the joined text a little wider than the
	 * sum: drop characters until it fits (bounded by the length) */
	for (int tries = 0; tries <= (int)len; tries++) {
		while (n > 0 && s[n - 1] == ' ')
			n--;
		memcpy(out, s, n);
		memcpy(out + n, dots, sizeof dots);
		int ow, oh;
		if (n == 0 || (TTF_SizeUTF8(font, out, &ow, &oh) == 0 && ow <= w))
			break;
		for (n--; n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80; n--)
			;
	}
	free(ui_ell[k].s);
	free(ui_ell[k].out);
	ui_ell[k].hash = hash;
	ui_ell[k].s = copy;
	ui_ell[k].out = out;
	ui_ell[k].w = w;
	ui_ell[k].font = (uint8_t)f;
	ui_ell[k].bold = bold;
	return out;
}

/* Wrapped lines of s in r (aligned; vertically centred when vcenter): what does not fit r's
 * height is cut and reported. Returns the height drawn. */
static int ui_text_block(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                         enum ui_align a, bool vcenter)
{
	int w, h;
	SDL_Texture *tex = ui_text_get(s, f, bold, c, a == UI_CENTER ? -r.w : r.w, &w, &h);

	if (!tex || r.w <= 0 || r.h <= 0)
		return 0;
	if (h > r.h || w > r.w)
		ui_clip_note(s, r, w, h, "wrapped");
	SDL_Rect src = {0, 0, w < r.w ? w : r.w, h < r.h ? h : r.h};
	SDL_Rect dst = {r.x, r.y, src.w, src.h};
	if (a == UI_CENTER)
		dst.x = r.x + (r.w - src.w) / 2;
	else if (a == UI_RIGHT)
		dst.x = r.x + r.w - src.w;
	if (vcenter)
		dst.y = r.y + (r.h - src.h) / 2;
	SDL_RenderCopy(ui.ren, tex, &src, &dst);
	return src.h;
}

/* Draw a cached text in r: aligned, vertically centred. Too wide for r: wrapped when r has room
 * for two lines, else shortened with "…" (reported unless ui_text_more can open it in full);
 * with tail, the end is shown instead (a field shows what is being typed). */
static int ui_text_draw(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                        const SDL_Color *bg, enum ui_align a, bool tail)
{
	int w, h;

	if (!tail && s && *s && r.w > 0) {
		ui_text_size(s, f, bold, &w, &h);
		if (w > r.w && r.h >= 2 * ui_font_height(f))
			return ui_text_block(r, s, f, bold, c, a, true) ? r.w : 0;
		if (w > r.w) {
			const char *e = ui_text_ellipsis(s, f, bold, r.w);
			if (!ui_text_openable)
				ui_clip_note(s, r, w, h, e ? "ellipsis" : "cut");
			if (e)
				s = e;
		}
	}
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

int ui_text_short(SDL_Rect r, const char *s, enum ui_font f, bool bold, SDL_Color c,
                  enum ui_align a)
{
	/* one line, centred in r: a row's half at 1280x800 is exactly two small lines tall, and
	 * wrapping there cut the third line of a 120-character institution */
	int fh = ui_font_height(f);
	if (r.h > fh) {
		r.y += (r.h - fh) / 2;
		r.h = fh;
	}
	ui_text_openable = true;
	int w = ui_text_draw(r, s, f, bold, c, NULL, a, false);
	ui_text_openable = false;
	return w;
}

bool ui_text_more(const char *id, SDL_Rect r, const char *s, enum ui_font f, bool bold,
                  SDL_Color c, enum ui_align a)
{
	int w, h;

	ui_text_size(s, f, bold, &w, &h);
	if (w <= r.w || r.h >= 2 * ui_font_height(f)) {
		ui_text_draw(r, s, f, bold, c, NULL, a, false);
		return false;
	}
	ui_text_openable = true;
	ui_text_draw(r, s, f, bold, c, NULL, a, false);
	ui_text_openable = false;
	/* shortened: a tap opens the whole text */
	uint32_t hid = ui_id(id);
	ui_note_rect(id, r);
	if (ui.pressed && ui_hit(r, ui.mx, ui.my) && ui.active == 0)
		ui.active = hid;
	if (ui.active == hid && ui.released && ui_hit(r, ui.mx, ui.my)) {
		ui_reader_open(s);
		ui.redraw = true;
		return true;
	}
	return false;
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
	if (!s || !*s)
		return 0;
	return ui_text_block(r, s, f, bold, c, UI_LEFT, false);
}

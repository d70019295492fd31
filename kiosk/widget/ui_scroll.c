/* ui_scroll.c - a scroll view: content taller than its box moves with a finger's drag, and a
 * column of up/down buttons pages it for those who do not swipe. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>

/* Keep off inside [0, content - view]. */
static void ui_scroll_clamp(struct ui_scroll *s)
{
	int max = s->content_h - s->view_h;

	if (s->off > max)
		s->off = max;
	if (s->off < 0)
		s->off = 0;
}

void ui_scroll_show(struct ui_scroll *s, int y, int h)
{
	if (y < s->off)
		s->off = y;
	else if (y + h > s->off + s->view_h)
		s->off = y + h - s->view_h;
	ui_scroll_clamp(s);
}

/* The view's part of r: all of it, less the button column when the content is taller. */
static SDL_Rect ui_scroll_view(const struct ui_scroll *s, SDL_Rect r)
{
	if (s->content_h > r.h)
		r.w -= ui_px(UI_SCROLL_BAR_W) + ui_px(UI_GAP_S);
	return r;
}

SDL_Rect ui_scroll_begin(const char *id, struct ui_scroll *s, SDL_Rect r)
{
	s->view_h = r.h;
	SDL_Rect view = ui_scroll_view(s, r);

	/* A press in the view may become a drag; once the finger moved further than a tap's
	 * wobble, the drag takes the press from the widget under it (no tap on release). */
	if (ui.pressed && ui_hit(view, ui.mx, ui.my)) {
		s->drag_y0 = ui.my;
		s->drag_off0 = s->off;
		s->armed = true;
		s->dragging = false;
	}
	if (s->armed && ui.down) {
		int dy = ui.my - s->drag_y0;
		if (!s->dragging && abs(dy) > ui_px(UI_PAD_ROW))
			s->dragging = true;
		if (s->dragging) {
			s->off = s->drag_off0 - dy;
			ui.active = ui_id(id);
		}
	} else {
		s->armed = s->dragging = false;
	}
	ui_scroll_clamp(s);
	SDL_RenderSetClipRect(ui.ren, &view);
	ui.view = view;
	return ui_rect(view.x, view.y - s->off, view.w, view.h);
}

void ui_scroll_end(const char *id, struct ui_scroll *s, SDL_Rect r, int content_h)
{
	char bid[48];

	SDL_RenderSetClipRect(ui.ren, NULL);
	ui.view = ui_rect(0, 0, 0, 0);
	s->view_h = r.h;
	/* this frame was laid out with the last frame's height (with or without the buttons):
	 * a change draws the frame again, laid out for what the content is now */
	if (s->content_h != content_h)
		ui.redraw = true;
	s->content_h = content_h;
	ui_scroll_clamp(s);
	if (content_h <= r.h)
		return;
	int bw = ui_px(UI_SCROLL_BAR_W), bh = ui_px(UI_BUTTON_H_S);
	int x = r.x + r.w - bw, page = r.h * 3 / 4;
	/* each button shows while it can move the content */
	snprintf(bid, sizeof bid, "%s:up", id);
	if (s->off > 0 && ui_button_ex(bid, ui_rect(x, r.y, bw, bh), "\xe2\x96\xb2", UI_SECONDARY,
	                 UI_FONT_BODY)) { /* ▲ */
		s->off -= page;
		ui_scroll_clamp(s);
	}
	snprintf(bid, sizeof bid, "%s:down", id);
	if (s->off < content_h - r.h && ui_button_ex(bid, ui_rect(x, r.y + r.h - bh, bw, bh), "\xe2\x96\xbc", UI_SECONDARY,
	                 UI_FONT_BODY)) { /* ▼ */
		s->off += page;
		ui_scroll_clamp(s);
	}
	/* the bar between: where the view is in the content */
	SDL_Rect track = {x + bw / 2 - ui_px(UI_GAP_XS), r.y + bh + ui_px(UI_GAP_S),
	                  2 * ui_px(UI_GAP_XS), r.h - 2 * bh - 2 * ui_px(UI_GAP_S)};
	if (track.h <= 0)
		return;
	ui_fill(track, ui_c_border);
	int th = track.h * r.h / content_h;
	int ty = track.y + (int)((long long)(track.h - th) * s->off /
	                         (content_h - r.h > 0 ? content_h - r.h : 1));
	ui_fill(ui_rect(track.x, ty, track.w, th), ui_c_primary);
}

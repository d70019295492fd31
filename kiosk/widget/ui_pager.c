/* ui_pager.c - a list too long for its place, a page at a time: which rows a page shows, and
 * the previous / next page buttons that move through it. */
#include "ui.h"

#include <stdio.h>

int ui_page_first(int n, int per, int *page)
{
	if (per < 1)
		per = 1;
	int pages = n > 0 ? (n + per - 1) / per : 1;
	if (*page >= pages)
		*page = pages - 1;
	if (*page < 0)
		*page = 0;
	return *page * per;
}

bool ui_pager(const char *id, SDL_Rect prev, SDL_Rect next, int n, int per, int *page)
{
	char bid[48];
	int first = ui_page_first(n, per, page);

	if (n <= per)
		return false;
	snprintf(bid, sizeof bid, "%s:prev", id);
	if (*page > 0 && ui_button_ex(bid, prev, "\xe2\x97\x80", UI_SECONDARY, UI_FONT_BODY)) {
		(*page)--; /* ◀ */
		return true;
	}
	snprintf(bid, sizeof bid, "%s:next", id);
	if (first + per < n && ui_button_ex(bid, next, "\xe2\x96\xb6", UI_SECONDARY, UI_FONT_BODY)) {
		(*page)++; /* ▶ */
		return true;
	}
	return false;
}

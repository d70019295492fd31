/* wf_urgency.c - a disposition's urgency (sifat: segera / biasa / rahasia): its stable code, as
 * stored and printed, its translated label and its parser. */
#include <stddef.h>
#include <strings.h>

#include "i18n.h"
#include "wf.h"

static const char *const wf_urgency_codes[URGENCY_COUNT] = {
    [URGENCY_NONE] = "",
    [URGENCY_SEGERA] = "segera",
    [URGENCY_BIASA] = "biasa",
    [URGENCY_RAHASIA] = "rahasia",
};

const char *wf_urgency_code(akses_urgency u)
{
	if (u <= URGENCY_NONE || u >= URGENCY_COUNT)
		return "";
	return wf_urgency_codes[u];
}

const char *wf_urgency_label(akses_urgency u)
{
	switch (u) {
	case URGENCY_SEGERA:
		return C_("Urgent");
	case URGENCY_BIASA:
		return C_("Ordinary");
	case URGENCY_RAHASIA:
		return C_("Confidential");
	default:
		return "";
	}
}

int wf_urgency_parse(const char *code, akses_urgency *out)
{
	if (!code)
		return -1;
	for (int u = URGENCY_NONE + 1; u < URGENCY_COUNT; u++) {
		if (strcasecmp(wf_urgency_codes[u], code) == 0) {
			if (out)
				*out = (akses_urgency)u;
			return 0;
		}
	}
	return -1;
}

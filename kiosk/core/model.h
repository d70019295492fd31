/* model.h - the domain's plain types: roles, request states, requests, passes, scans, reports.
 * Shared by the core, aksesctl, the paper glue and the kiosk. No behaviour lives here. */
#ifndef AKSES_MODEL_H
#define AKSES_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* Limits, in Unicode characters (code points) unless said otherwise. Buffers are sized in
 * bytes for the worst case of 4 bytes per character, plus the terminator. */
#define AKSES_NAME_CHARS 100
#define AKSES_INSTITUTION_CHARS 120
#define AKSES_PURPOSE_CHARS 500
#define AKSES_EMAIL_CHARS 254
#define AKSES_EQUIPMENT_CHARS 120
#define AKSES_NOTE_CHARS 500    /* notes, rejection reasons */
#define AKSES_REPORT_CHARS 4000 /* the step 9 access report text */
/* A group is one request of at most AKSES_MAX_PEOPLE: the applicant and up to
 * AKSES_MAX_COMPANIONS companions, each with a pass (why 30: docs/product.md, "Groups"; the
 * sentence of AKSES_E_TOO_MANY in status.c names both numbers). */
#define AKSES_MAX_PEOPLE 30
#define AKSES_MAX_COMPANIONS (AKSES_MAX_PEOPLE - 1)
#define AKSES_MAX_EQUIPMENT 20
#define AKSES_BUF(chars) ((chars) * 4 + 1)

#define AKSES_NIK_LEN 16
#define AKSES_PHONE_BUF 17       /* normalized "+628xxxxxxxxxx" */
#define AKSES_NUMBER_BUF 24      /* "AKS-20261129-00007"; up to 9 digits (valid.h) */
#define AKSES_TOKEN_LEN 32       /* 160 random bits as uppercase RFC 4648 base32, no padding */
#define AKSES_TOKEN_BUF (AKSES_TOKEN_LEN + 1)
#define AKSES_STATION_CHARS 40

typedef enum akses_role {
	ROLE_NONE = 0,
	ROLE_KADIS,
	ROLE_KABID,
	ROLE_KOORDINATOR,
	ROLE_TIM_TEKNIS,
	ROLE_HELPDESK,
	ROLE_ADMIN,
	ROLE_COUNT
} akses_role;

/* Request states. One SOP step moves a request from one state to the next (see wf.h). */
typedef enum req_state {
	RS_NONE = 0,
	RS_SUBMITTED,        /* step 1 done */
	RS_DISPOSED_KADIS,   /* step 2 done */
	RS_DISPOSED_KABID,   /* step 3 done */
	RS_VERIFIED,         /* step 4 done */
	RS_APPROVED,         /* step 5 YES */
	RS_REJECTED,         /* step 5 NO: final */
	RS_ASSIGNED,         /* step 6, KOORDINATOR part: escort assigned */
	RS_RECORDED,         /* step 6, HELPDESK part: recorded, passes issued and printable */
	RS_ON_SITE,          /* step 7 under way: someone of this request is inside */
	RS_VISITED,          /* step 7 done: everyone scanned out */
	RS_REPORTED,         /* step 9 done */
	RS_FORWARDED_KOORD,  /* step 10 done */
	RS_FORWARDED_KABID,  /* step 11 done */
	RS_CLOSED,           /* step 12 done: final */
	RS_CANCELLED,        /* cancelled before step 6: final */
	RS_EXPIRED,          /* window passed undecided: final */
	RS_COUNT
} req_state;

typedef enum purpose_cat {
	PURPOSE_NONE = 0,
	PURPOSE_MAINTENANCE,  /* "maintenance"  Pemeliharaan perangkat */
	PURPOSE_INSTALLATION, /* "installation" Instalasi / pemasangan */
	PURPOSE_AUDIT,        /* "audit"        Audit / pemeriksaan */
	PURPOSE_VISIT,        /* "visit"        Kunjungan / studi banding */
	PURPOSE_OTHER,        /* "other"        Lainnya */
	PURPOSE_COUNT
} purpose_cat;

/* The urgency (sifat) a Kadis or Kabid gives a disposition; ticked on the lembar disposisi. */
typedef enum akses_urgency {
	URGENCY_NONE = 0, /* not given */
	URGENCY_SEGERA,   /* "segera"  urgent */
	URGENCY_BIASA,    /* "biasa"   ordinary */
	URGENCY_RAHASIA,  /* "rahasia" confidential */
	URGENCY_COUNT
} akses_urgency;

/* The identity document whose number a person gives: the KTP's NIK for citizens, a passport or
 * a KITAS (limited stay permit card) for foreigners. The number is kept in the nik fields (at
 * most AKSES_NIK_LEN characters for every type); stored as "nik", "passport", "kitas". */
typedef enum akses_id_type { ID_NIK = 0, ID_PASSPORT, ID_KITAS, ID_TYPE_COUNT } akses_id_type;

/* A person on a request: the applicant or one companion. */
struct akses_person {
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char nik[AKSES_NIK_LEN + 1]; /* the number of the id_type document */
	akses_id_type id_type;
};

/* What a visitor (or aksesctl) submits. Strings are the caller's, validated by the core. */
struct akses_request_input {
	const char *name;
	const char *nik;         /* the number of the id_type document */
	akses_id_type id_type;   /* ID_NIK (0) unless set */
	const char *institution;
	const char *phone;  /* any of 08.., 628.., +628.., spaces and dashes allowed */
	const char *email;  /* optional: NULL or "" */
	purpose_cat purpose_category;
	const char *purpose;
	int64_t start_at;   /* unix seconds; window asked for */
	int64_t end_at;
	int n_companions;
	const char *companion_name[AKSES_MAX_COMPANIONS];
	const char *companion_nik[AKSES_MAX_COMPANIONS];
	akses_id_type companion_id_type[AKSES_MAX_COMPANIONS];
	int n_equipment;
	const char *equipment[AKSES_MAX_EQUIPMENT];
	bool consent;            /* privacy notice (UU 27/2022) accepted */
	int64_t form_started_at; /* when the visitor began the form, for step 1's duration; 0 = unknown */
	const char *lang;        /* the visitor's language, "id" or "en" (NULL: "id"): their receipt,
	                          * pass and letter printed later by staff are in it */
	/* The caller's own key for this submission (NULL or "": none): 8 to 64 letters, digits,
	 * '-' or '_'. A second store_submit with the same key (a resend after the connection broke
	 * during the first one's COMMIT) makes no second request: it answers the first one's number. */
	const char *submit_key;
};

struct akses_submit_result {
	int64_t id;
	char number[AKSES_NUMBER_BUF];
	char receipt_token[AKSES_TOKEN_BUF]; /* for the receipt QR; only its hash is stored */
};

/* A request as read back. Personal fields are empty after anonymization. */
struct akses_request {
	int64_t id;
	char number[AKSES_NUMBER_BUF];
	req_state state;
	int last_step;            /* SOP number of the last completed step (1..12, never 8) */
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char nik[AKSES_NIK_LEN + 1];
	akses_id_type id_type;
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	char phone[AKSES_PHONE_BUF];
	char email[AKSES_BUF(AKSES_EMAIL_CHARS)];
	purpose_cat purpose_category;
	char purpose[AKSES_BUF(AKSES_PURPOSE_CHARS)];
	int64_t start_at, end_at, created_at, updated_at;
	int n_companions;
	struct akses_person companions[AKSES_MAX_COMPANIONS];
	int n_equipment;
	char equipment[AKSES_MAX_EQUIPMENT][AKSES_BUF(AKSES_EQUIPMENT_CHARS)];
	int64_t escort_id;       /* 0 until step 6 */
	char escort_name[AKSES_BUF(AKSES_NAME_CHARS)];
	char reason[AKSES_BUF(AKSES_NOTE_CHARS)];  /* rejection or cancellation reason */
	char report[AKSES_BUF(AKSES_REPORT_CHARS)]; /* step 9 text */
	bool anonymized;
	char lang[3]; /* "id" or "en": the language the visitor used (akses_request_input) */
};

/* One line of a list or inbox. */
struct akses_request_summary {
	int64_t id;
	char number[AKSES_NUMBER_BUF];
	req_state state;
	int last_step;
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	int64_t start_at, end_at;
	int64_t waiting_since; /* when the last step completed */
	int next_step;         /* the SOP step that waits (0 when final) */
	int64_t due_at;        /* waiting_since + that step's time standard (0 when final) */
};

/* One completed SOP step (or sub-action) in a request's timeline. */
struct akses_step_rec {
	int step;                /* SOP number */
	int action;              /* a wf_action (wf.h) */
	akses_role role;
	int64_t actor_id;        /* 0 for the applicant or the system */
	char actor_name[AKSES_BUF(AKSES_NAME_CHARS)];
	int64_t at;
	int64_t duration_s;      /* since the previous step completed; -1 when unknown */
	int standard_s;          /* the SOP time standard for this step */
	char note[AKSES_BUF(AKSES_NOTE_CHARS)];
	/* a disposition's (steps 2 and 3) instruction and urgency; "" and URGENCY_NONE elsewhere */
	char instruction[AKSES_BUF(AKSES_NOTE_CHARS)];
	akses_urgency urgency;
};

struct akses_staff {
	int64_t id;
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	akses_role role;
	bool active;
	int failed_pins;         /* consecutive wrong PINs */
	int64_t locked_until;    /* 0 when not locked */
	int64_t created_at;
	/* filled by store_signin only: a PIN set by an ADMIN must be changed by its owner */
	bool pin_must_change;
	int64_t pin_set_by; /* who set the current PIN (0: unknown, before this was kept) */
	int64_t pin_set_at;
	int64_t retry_at;   /* after AKSES_E_PIN_LOCKED: when this station may try again */
};

typedef enum print_state {
	PRINT_NONE = 0,    /* never printed: the visitor may print it once */
	PRINT_PENDING,     /* a job is under way */
	PRINT_DONE,        /* a job completed: further prints are reprints (staff) */
	PRINT_FAILED,      /* the last job failed: still printable by the visitor */
} print_state;

struct akses_pass {
	int64_t id;
	int64_t request_id;
	char number[AKSES_NUMBER_BUF];
	int person;              /* 0 = applicant, 1.. = companion */
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	char escort_name[AKSES_BUF(AKSES_NAME_CHARS)];
	int64_t valid_from;      /* window start minus the grace */
	int64_t start_at, end_at;
	bool issued;             /* a token exists (printed or handed out) */
	bool revoked;
	bool inside;             /* in a day's log: inside at the day's end (now, for today) */
	print_state print;
	int print_count;         /* completed prints */
};

typedef enum scan_direction { SCAN_DIR_AUTO = 0, SCAN_DIR_IN, SCAN_DIR_OUT } scan_direction;
/* SCAN_REPEAT: the same pass read again within the repeat guard (a double read). It is recorded
 * but is neither a passage nor a denial: the state of the pass does not change. */
typedef enum scan_decision { SCAN_ENTRY = 1, SCAN_EXIT, SCAN_DENIED, SCAN_REPEAT } scan_decision;
typedef enum deny_reason {
	DENY_NONE = 0,
	DENY_UNKNOWN,         /* no pass has this token (includes garbage) */
	DENY_NOT_YET_VALID,
	DENY_EXPIRED,
	DENY_REVOKED,         /* the pass was revoked by staff */
	DENY_ALREADY_INSIDE,  /* anti-passback (an explicit IN while inside) */
	DENY_NOT_INSIDE,
	DENY_WRONG_ESCORT,    /* not this escort's visitor */
	DENY_CLOSED,          /* the visit was closed: its report is written (or the request ended) */
	DENY_RECEIPT,         /* a request's receipt, not a pass */
	DENY_REPLACED,        /* a badge whose token a reprint replaced */
	DENY_NOT_ISSUED,      /* typed by number: the request has no pass yet (not approved/recorded) */
	DENY_COUNT
} deny_reason;

struct akses_scan_result {
	int64_t scan_id;
	scan_decision decision;
	deny_reason reason;
	int64_t at;
	int64_t pass_id;         /* 0 when unknown */
	char number[AKSES_NUMBER_BUF];
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	bool overstay;           /* exit after the window's end, or inside past it */
	bool manual;             /* typed by request number and person, not scanned */
	/* what explains a denial, and what the escort checks at the door */
	int64_t valid_from;      /* the window's start minus the grace */
	int64_t end_at;          /* the window's end */
	char escort_name[AKSES_BUF(AKSES_NAME_CHARS)]; /* the escort assigned to the request */
	int n_equipment;         /* declared in the request: what goes in and comes out */
	char equipment[AKSES_MAX_EQUIPMENT][AKSES_BUF(AKSES_EQUIPMENT_CHARS)];
};

/* One visit = one entry, and its exit once scanned out. */
struct akses_visit {
	int64_t pass_id;
	char number[AKSES_NUMBER_BUF];
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	char institution[AKSES_BUF(AKSES_INSTITUTION_CHARS)];
	char purpose[AKSES_BUF(AKSES_PURPOSE_CHARS)];
	char escort[AKSES_BUF(AKSES_NAME_CHARS)];
	int64_t in_at;
	int64_t out_at;          /* 0 while inside; in a day's log, may fall on a later day */
	int64_t end_at;          /* the approved window's end */
	bool inside;
	bool overstay;
	bool manual;             /* the entry was typed by request number, not scanned */
	char station[AKSES_BUF(AKSES_STATION_CHARS)];
};

struct akses_denied_scan {
	int64_t at;
	char station[AKSES_BUF(AKSES_STATION_CHARS)];
	deny_reason reason;
	char escort[AKSES_BUF(AKSES_NAME_CHARS)];
	char number[AKSES_NUMBER_BUF]; /* empty when the token was unknown */
	char name[AKSES_BUF(AKSES_NAME_CHARS)];
	bool manual;             /* typed by request number, not scanned */
};

struct akses_day_log {
	char day[11];             /* YYYY-MM-DD, local time */
	int n_visits;
	struct akses_visit *visits;        /* ordered by in_at */
	int n_denied;
	struct akses_denied_scan *denied;  /* ordered by at */
	int entries_per_hour[24];
	int n_inside;             /* inside at the day's end (now, for today), whenever they came */
	int n_overstay;
	int n_people;             /* distinct passes that entered */
};

struct akses_compliance_row {
	int step;
	akses_role role;
	int count;
	double median_s;
	double p90_s;
	int standard_s;
	double within_share;      /* 0..1; share of durations <= standard */
};

typedef enum print_job_state {
	JOB_NONE = 0,
	JOB_PENDING,     /* recorded, not yet accepted by CUPS */
	JOB_ACCEPTED,    /* CUPS took it (pending/processing there) */
	JOB_COMPLETED,
	JOB_ABORTED,
	JOB_CANCELED,
	JOB_STOPPED,
	JOB_FAILED,      /* never reached CUPS (no scheduler, no printer, queue stopped, ...) */
} print_job_state;

struct akses_print_job {
	int64_t id;
	int64_t at;
	char kind[16];           /* "badge", "receipt", "log", ... */
	char number[AKSES_NUMBER_BUF]; /* request, when there is one */
	int64_t pass_id;         /* 0 when not a badge */
	int64_t staff_id;        /* 0 when the visitor printed */
	char queue[128];
	int cups_job_id;         /* 0 when never accepted */
	print_job_state state;
	bool reprint;
	bool to_file;            /* a PDF written to a file (aksesctl --pdf), not sent to CUPS */
	char message[256];       /* as stored: kiosk/paper's "CODE ARG" (paper_job_message) */
	bool message_legacy;     /* written before codes: the printing session's own words */
};

#endif

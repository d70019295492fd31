/* status.h - the status codes every core call returns, and the sentence a person reads for each.
 * Messages are English msgids translated through gettext (domain "akses-core"). */
#ifndef AKSES_STATUS_H
#define AKSES_STATUS_H

#include <stdbool.h>

#include "model.h"

typedef enum akses_status {
	AKSES_OK = 0,
	/* storage and system */
	AKSES_E_NOMEM = -1,
	AKSES_E_IO = -2,           /* the DB file could not be opened, read or written */
	AKSES_E_BUSY = -3,         /* another process held the DB past the busy timeout */
	AKSES_E_DB_CORRUPT = -4,   /* integrity_check failed or the file is not a DB */
	AKSES_E_DB_NEWER = -5,     /* the DB was made by a newer Akses (user_version too high) */
	AKSES_E_INVALID_ARG = -6,  /* a programming error: NULL where a value is required */
	AKSES_E_ALREADY_INIT = -7, /* init on a DB that already has staff */
	AKSES_E_CONFIG = -8,       /* config file unreadable or a bad line */
	AKSES_E_DISK_FULL = -9,    /* no space left for a write: nothing was written */
	AKSES_E_READ_ONLY = -10,   /* the DB is on a read-only file system: nothing was written */
	AKSES_E_DB_REPLACED = -11, /* the DB file was deleted or replaced since it was opened */
	AKSES_E_DB_NOT_FILE = -12, /* the DB path is a link, a device or a folder, not a file */
	AKSES_E_DB_GONE = -13,     /* the database server cannot be reached: nothing was written */
	AKSES_E_DB_STANDBY = -14,  /* the database server is a read-only standby: nothing was written */
	AKSES_E_DB_PASSWORD = -15, /* the server's URI or conninfo holds a password (use a passfile) */
	AKSES_E_DB_UNSURE = -16,   /* the link to the server broke during a commit: it may be written */
	/* who may do what */
	AKSES_E_REQUEST_NOT_FOUND = -20,
	AKSES_E_STAFF_NOT_FOUND = -21,
	AKSES_E_PASS_NOT_FOUND = -22,
	AKSES_E_PIN_WRONG = -23,
	AKSES_E_PIN_LOCKED = -24,   /* wrong PINs at this station: wait before the next try */
	AKSES_E_STAFF_DISABLED = -25,
	AKSES_E_ROLE = -26,         /* the actor's role may not do this */
	AKSES_E_STATE = -27,        /* the request is not in a state where this step applies */
	AKSES_E_ESCORT = -28,       /* the chosen escort is not an active TIM_TEKNIS */
	AKSES_E_LOOKUP = -29,       /* request number and phone digits do not match (deliberately vague) */
	AKSES_E_ALREADY_PRINTED = -30, /* the pass was printed: a reprint needs staff */
	AKSES_E_PRINT_ACTIVE = -31, /* a print of this pass is still under way */
	AKSES_E_PRINT = -32,        /* printing failed: the caller has the printer's own message */
	AKSES_E_AUDIT_BROKEN = -33, /* audit verify found a row that does not match the chain */
	AKSES_E_NOT_PRINTABLE = -34, /* pass not issued yet, revoked or expired */
	/* validation of input (-50 to -89, see akses_status_is_input); the caller knows the field
	 * from akses_field */
	AKSES_E_REQUIRED = -50,
	AKSES_E_TOO_LONG = -51,
	AKSES_E_UTF8 = -52,
	AKSES_E_CONTROL_CHAR = -53,
	AKSES_E_NIK_LENGTH = -54,   /* not 16 characters */
	AKSES_E_NIK_DIGITS = -55,   /* not all digits */
	AKSES_E_NIK_REGION = -56,   /* province < 11, or regency/district 00 */
	AKSES_E_NIK_DATE = -57,     /* DDMMYY not a date (women +40) */
	AKSES_E_NIK_SERIAL = -58,   /* serial 0000 */
	AKSES_E_PHONE = -59,        /* not an Indonesian mobile number */
	AKSES_E_EMAIL = -60,
	AKSES_E_DATETIME = -61,     /* not YYYY-MM-DD HH:MM, or not a real date/time */
	AKSES_E_WINDOW_PAST = -62,
	AKSES_E_WINDOW_ORDER = -63, /* end not after start */
	AKSES_E_WINDOW_TOO_LONG = -64, /* over 12 hours */
	AKSES_E_WINDOW_TOO_FAR = -65,  /* start more than 90 days ahead */
	AKSES_E_CONSENT = -66,
	AKSES_E_TOO_MANY = -67,     /* too many companions or equipment lines */
	AKSES_E_PURPOSE_CATEGORY = -68,
	AKSES_E_PIN_FORMAT = -69,   /* a new PIN not 6-8 digits */
	AKSES_E_ROLE_NAME = -70,    /* unknown role code */
	AKSES_E_DUPLICATE_PERSON = -71, /* the same NIK twice in one request */
	AKSES_E_PHONE_DIGITS = -72, /* lookup digits not exactly 4 digits */
	AKSES_E_REQUEST_NUMBER = -73, /* not of the form AKS-YYYYMMDD-NNNNN (4 to 9 digits) */
	AKSES_E_TOKEN_FORMAT = -74, /* not a 32-character base32 token */
	AKSES_E_DATE = -75,         /* not YYYY-MM-DD */
	AKSES_E_CODE_UNKNOWN = -76, /* no staff account has this staff code */
	AKSES_E_NUMBERS_USED_UP = -77, /* every request number of the day is taken */
	AKSES_E_PASSPORT = -78,     /* not 6-9 letters and digits with a digit */
	AKSES_E_KITAS = -79,        /* not 11-16 letters and digits with two digits */
	AKSES_E_ID_TYPE = -80,      /* unknown identity document type */
	/* the visitor's proofs (store_guard.c) */
	AKSES_E_LOOKUP_WAIT = -90,    /* too many wrong number + digits tries: wait (store_lookup_wait) */
	AKSES_E_RECEIPT_NEEDED = -91, /* a visitor's print needs the receipt's token (QR) */
	/* the audit trail against outside evidence (key file, anchors) */
	AKSES_E_AUDIT_KEY = -100,       /* the audit key file is missing or unreadable */
	AKSES_E_AUDIT_TRUNCATED = -101, /* fewer rows than an anchor names: rows were deleted */
	AKSES_E_AUDIT_ANCHOR = -102,    /* the anchor's row has another hash: history rewritten */
	AKSES_E_AUDIT_TIME = -103,      /* an audit time earlier than the row before it */
	AKSES_E_ANCHOR_FORMAT = -104,   /* not N:HEX (row count, hash prefix of 16-64 hex digits) */
	AKSES_E_PIN_MUST_CHANGE = -92, /* right PIN, but set by an ADMIN: its owner must change it */
} akses_status;

/* Which input field a validation status is about (for inline form messages). */
typedef enum akses_field {
	AKSES_F_NONE = 0,
	AKSES_F_NAME,
	AKSES_F_NIK,
	AKSES_F_INSTITUTION,
	AKSES_F_PHONE,
	AKSES_F_EMAIL,
	AKSES_F_PURPOSE_CATEGORY,
	AKSES_F_PURPOSE,
	AKSES_F_START,
	AKSES_F_END,
	AKSES_F_COMPANION_NAME, /* with an index: which companion */
	AKSES_F_COMPANION_NIK,
	AKSES_F_EQUIPMENT,
	AKSES_F_CONSENT,
	AKSES_F_NOTE,
	AKSES_F_PIN,
} akses_field;

/* The translated sentence for a status, e.g. "NIK harus 16 digit." Never NULL. */
const char *akses_status_message(akses_status st);

/* A write the disk refused (full, read-only, a standby server, or another I/O error): nothing was
 * written, and a read that only wanted to record itself may still go on. */
static inline bool akses_status_is_storage_refusal(akses_status st)
{
	return st == AKSES_E_IO || st == AKSES_E_DISK_FULL || st == AKSES_E_READ_ONLY ||
	       st == AKSES_E_DB_STANDBY;
}

/* The database server could not be reached (a station's network or the server is down): nothing
 * was written and nothing could be read (AKSES_E_DB_GONE), or the link broke while a commit was on
 * its way, so it may have been written (AKSES_E_DB_UNSURE: whatever sends it again must make a
 * second copy harmless, as a submission's key and a spooled exit's key do). */
static inline bool akses_status_is_offline(akses_status st)
{
	return st == AKSES_E_DB_GONE || st == AKSES_E_DB_UNSURE;
}

/* A status about what was typed (the validation block, AKSES_E_REQUIRED down to -89): the
 * caller may name the field it came from. Storage, permission, guard and audit refusals are not. */
static inline bool akses_status_is_input(akses_status st)
{
	return st <= AKSES_E_REQUIRED && st > AKSES_E_LOOKUP_WAIT;
}

/* Translated field label ("Nama lengkap" / "Full name"). Never NULL. */
const char *akses_field_label(akses_field f);

/* Translated name of an identity document's number ("NIK", "Nomor paspor", "Nomor KITAS"): the
 * label wherever a person's number is shown or printed. Never NULL. */
const char *akses_id_type_label(akses_id_type t);

#endif

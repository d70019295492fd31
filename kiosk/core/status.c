/* status.c - the sentence a visitor or clerk reads for each status code, and the label of each
 * input field. English msgids in the "akses-core" gettext domain; id.po holds the Indonesian. */
#include "status.h"

#include "i18n.h"

/* The translated sentence for st. Unknown codes get a generic sentence rather than NULL, so a
 * caller can always show something. The returned string is static (gettext's). Long, and kept
 * one switch on purpose: one case per status, each a msgid xgettext finds, nothing else. */
const char *akses_status_message(akses_status st)
{
	switch (st) {
	case AKSES_OK:
		return C_("Done.");
	case AKSES_E_NOMEM:
		return C_("The system ran out of memory. Please try again.");
	case AKSES_E_IO:
		return C_("The data file could not be opened, read or written.");
	case AKSES_E_BUSY:
		return C_("The system is busy. Please try again in a moment.");
	case AKSES_E_DB_CORRUPT:
		return C_("The data file is damaged or is not an Akses database.");
	case AKSES_E_DB_NEWER:
		return C_("The data file was made by a newer version of Akses.");
	case AKSES_E_INVALID_ARG:
		return C_("Internal error: a required value is missing.");
	case AKSES_E_ALREADY_INIT:
		return C_("This database is already set up: it has staff accounts.");
	case AKSES_E_CONFIG:
		return C_("The configuration file could not be read or has a bad line.");
	case AKSES_E_DISK_FULL:
		return C_("The disk is full: nothing was saved. Free some space and try again.");
	case AKSES_E_READ_ONLY:
		return C_("The data file is on a read-only disk: nothing was saved.");
	case AKSES_E_DB_REPLACED:
		return C_("The data file was deleted or replaced while in use: nothing was saved. Check the file, then try again.");
	case AKSES_E_DB_NOT_FILE:
		return C_("The data file must be a regular file, not a link, a device or a folder.");
	case AKSES_E_DB_GONE:
		return C_("The database server cannot be reached: nothing was saved. Akses keeps trying to reconnect.");
	case AKSES_E_DB_UNSURE:
		return C_("The connection to the database server broke while saving: it may have been saved. Check before you do it again.");
	case AKSES_E_DB_STANDBY:
		return C_("The database server is a read-only standby: nothing was saved. Ask the administrator to check the servers.");
	case AKSES_E_DB_PASSWORD:
		return C_("The database address holds a password, which would show in the process list and the configuration: put the password in the passfile ([store] passfile) and remove it from the address.");
	case AKSES_E_REQUEST_NOT_FOUND:
		return C_("No request has this number.");
	case AKSES_E_STAFF_NOT_FOUND:
		return C_("No staff account was found.");
	case AKSES_E_PASS_NOT_FOUND:
		return C_("No pass was found.");
	case AKSES_E_PIN_WRONG:
		return C_("The staff number or the PIN is wrong.");
	case AKSES_E_PIN_LOCKED:
		return C_("Too many wrong PINs at this station: wait a few minutes before trying again.");
	case AKSES_E_STAFF_DISABLED:
		return C_("This staff account is disabled.");
	case AKSES_E_ROLE:
		return C_("Your role may not take this action.");
	case AKSES_E_STATE:
		return C_("This step does not apply to the request in its current state.");
	case AKSES_E_ESCORT:
		return C_("The chosen escort is not an active member of the technical team.");
	case AKSES_E_LOOKUP:
		return C_("The request number and phone digits do not match any request.");
	case AKSES_E_ALREADY_PRINTED:
		return C_("This pass was already printed. Please ask the staff for a reprint.");
	case AKSES_E_PRINT_ACTIVE:
		return C_("This pass is already being printed. Please wait.");
	case AKSES_E_PRINT:
		return C_("Printing failed. The pass can be printed later.");
	case AKSES_E_AUDIT_BROKEN:
		return C_("The audit trail has been altered: a record does not match the chain.");
	case AKSES_E_AUDIT_KEY:
		return C_("The audit key is missing or unreadable: keyed audit records can be neither "
		          "written nor checked.");
	case AKSES_E_AUDIT_TRUNCATED:
		return C_("The audit trail is shorter than the anchor: records were deleted.");
	case AKSES_E_AUDIT_ANCHOR:
		return C_("The audit trail does not match the anchor: its history was rewritten.");
	case AKSES_E_AUDIT_TIME:
		return C_("The audit trail's times go backwards: the clock was set back or records "
		          "were forged.");
	case AKSES_E_ANCHOR_FORMAT:
		return C_("An anchor is the row count and the hash, like 1234:9f86d081884c7d65.");
	case AKSES_E_NOT_PRINTABLE:
		return C_("This pass cannot be printed: it is not issued yet, revoked or expired.");
	case AKSES_E_REQUIRED:
		return C_("This field is required.");
	case AKSES_E_TOO_LONG:
		return C_("This text is too long.");
	case AKSES_E_UTF8:
		return C_("This text contains invalid characters.");
	case AKSES_E_CONTROL_CHAR:
		return C_("This text contains characters that are not allowed.");
	case AKSES_E_NIK_LENGTH:
		return C_("NIK must be 16 digits.");
	case AKSES_E_NIK_DIGITS:
		return C_("NIK may contain digits only.");
	case AKSES_E_NIK_REGION:
		return C_("The region code of this NIK is not valid.");
	case AKSES_E_NIK_DATE:
		return C_("The birth date in this NIK is not valid.");
	case AKSES_E_NIK_SERIAL:
		return C_("The last four digits of a NIK cannot be 0000.");
	case AKSES_E_PHONE:
		return C_("Enter an Indonesian mobile number, for example 0812 3456 7890.");
	case AKSES_E_EMAIL:
		return C_("This email address is not valid.");
	case AKSES_E_DATETIME:
		return C_("Enter a real date and time as YYYY-MM-DD HH:MM.");
	case AKSES_E_WINDOW_PAST:
		return C_("The visit must start now or later.");
	case AKSES_E_WINDOW_ORDER:
		return C_("The visit must end after it starts.");
	case AKSES_E_WINDOW_TOO_LONG:
		return C_("A visit may last at most 12 hours.");
	case AKSES_E_WINDOW_TOO_FAR:
		return C_("A visit may start at most 90 days from today.");
	case AKSES_E_CONSENT:
		return C_("Please accept the privacy notice to continue.");
	case AKSES_E_TOO_MANY:
		return C_("Too many entries: a group is at most 30 people (you and 29 companions), with at "
		          "most 20 equipment lines.");
	case AKSES_E_PURPOSE_CATEGORY:
		return C_("Choose the purpose of the visit.");
	case AKSES_E_PIN_FORMAT:
		return C_("A new PIN is 6 to 8 digits.");
	case AKSES_E_ROLE_NAME:
		return C_("Unknown role.");
	case AKSES_E_DUPLICATE_PERSON:
		return C_("The same NIK appears twice in this request.");
	case AKSES_E_PHONE_DIGITS:
		return C_("Enter the last 4 digits of the phone number.");
	case AKSES_E_REQUEST_NUMBER:
		return C_("A request number looks like AKS-20261129-00007.");
	case AKSES_E_TOKEN_FORMAT:
		return C_("This code is not an Akses pass or receipt.");
	case AKSES_E_DATE:
		return C_("Enter a real date as YYYY-MM-DD.");
	case AKSES_E_CODE_UNKNOWN:
		return C_("This staff code is not known.");
	case AKSES_E_LOOKUP_WAIT:
		return C_("Too many attempts. Please try again later, scan your receipt, or ask the "
		          "helpdesk.");
	case AKSES_E_RECEIPT_NEEDED:
		return C_("To print your pass, scan the QR code on your receipt, or ask the helpdesk.");
	case AKSES_E_NUMBERS_USED_UP:
		return C_("Every request number of today is taken. Please ask the Helpdesk.");
	case AKSES_E_PASSPORT:
		return C_("A passport number is 6 to 9 letters and digits.");
	case AKSES_E_KITAS:
		return C_("A KITAS number is 11 to 16 letters and digits.");
	case AKSES_E_ID_TYPE:
		return C_("The identity document is NIK, passport or KITAS.");
	case AKSES_E_PIN_MUST_CHANGE:
		return C_("This PIN was set by an administrator: choose a new PIN of your own.");
	}
	return C_("Unknown error.");
}

/* The translated label of an input field, for inline form messages. Never NULL. */
const char *akses_field_label(akses_field f)
{
	switch (f) {
	case AKSES_F_NONE:
		return "";
	case AKSES_F_NAME:
		return C_("Full name");
	case AKSES_F_NIK:
		return C_("NIK");
	case AKSES_F_INSTITUTION:
		return C_("Institution / company");
	case AKSES_F_PHONE:
		return C_("Mobile phone");
	case AKSES_F_EMAIL:
		return C_("Email (optional)");
	case AKSES_F_PURPOSE_CATEGORY:
		return C_("Purpose category");
	case AKSES_F_PURPOSE:
		return C_("Purpose of the visit");
	case AKSES_F_START:
		return C_("Start");
	case AKSES_F_END:
		return C_("End");
	case AKSES_F_COMPANION_NAME:
		return C_("Companion's name");
	case AKSES_F_COMPANION_NIK:
		return C_("Companion's NIK");
	case AKSES_F_EQUIPMENT:
		return C_("Equipment");
	case AKSES_F_CONSENT:
		return C_("Privacy consent");
	case AKSES_F_NOTE:
		return C_("Note");
	case AKSES_F_PIN:
		return C_("PIN");
	}
	return "";
}

const char *akses_id_type_label(akses_id_type t)
{
	switch (t) {
	case ID_PASSPORT:
		return C_("Passport number");
	case ID_KITAS:
		return C_("KITAS number");
	default:
		return C_("NIK");
	}
}

/* fuzz_config.c - config_load on arbitrary file content (written to one temporary file per
 * process): a bad file leaves exactly the defaults, a good one only values in their ranges. */
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

static char fuzz_path[512], fuzz_flat[520];

static void fuzz_config_cleanup(void)
{
	if (fuzz_path[0])
		unlink(fuzz_path);
	if (fuzz_flat[0])
		unlink(fuzz_flat);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("AKSES_TEST_TMP");
	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	mkdir(dir, 0700);
	snprintf(fuzz_path, sizeof fuzz_path, "%s/fuzz-config-%ld.ini", dir, (long)getpid());
	snprintf(fuzz_flat, sizeof fuzz_flat, "%s.flat", fuzz_path);
	atexit(fuzz_config_cleanup);
	return 0;
}

/* A string field must be terminated within its array. */
#define FIELD_OK(cfg, f) (strnlen((cfg).f, sizeof(cfg).f) < sizeof(cfg).f)

static size_t count_lines(const uint8_t *data, size_t size)
{
	size_t n = 1;
	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
}

/* The same file with every line's leading white space removed: indentation must not change what
 * a good file means (an indented key is a key, never the previous key's continued value). */
static void check_flat(const uint8_t *data, size_t size, const struct akses_config *cfg)
{
	uint8_t *flat = malloc(size + 1);
	if (!flat)
		abort();
	size_t n = 0;
	bool at_start = true;
	for (size_t i = 0; i < size; i++) {
		uint8_t c = data[i];
		if (at_start && (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'))
			continue;
		at_start = c == '\n';
		flat[n++] = c;
	}
	write_file(fuzz_flat, flat, n);
	free(flat);
	struct akses_config again;
	int bad_line = -1;
	FUZZ_CHECK(config_load(fuzz_flat, &again, &bad_line) == AKSES_OK);
	FUZZ_CHECK(memcmp(&again, cfg, sizeof again) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_file(fuzz_path, data, size);

	struct akses_config cfg, def;
	int bad_line = -1;
	memset(&cfg, 0xA5, sizeof cfg); /* garbage in: config_load must not rely on it */
	config_defaults(&def);
	akses_status st = config_load(fuzz_path, &cfg, &bad_line);
	FUZZ_CHECK(st == AKSES_OK || st == AKSES_E_CONFIG || st == AKSES_E_NOMEM);
	if (st != AKSES_OK) {
		/* a bad file leaves the plain defaults, and names a line of the file */
		FUZZ_CHECK(memcmp(&cfg, &def, sizeof cfg) == 0);
		if (st == AKSES_E_CONFIG)
			FUZZ_CHECK(bad_line >= 1 && (size_t)bad_line <= count_lines(data, size));
		return 0;
	}
	FUZZ_CHECK(bad_line == 0);
	FUZZ_CHECK(FIELD_OK(cfg, db) && cfg.db[0]);
	FUZZ_CHECK(FIELD_OK(cfg, station) && cfg.station[0]);
	FUZZ_CHECK(!strcmp(cfg.mode, "reception") || !strcmp(cfg.mode, "door"));
	FUZZ_CHECK(!strcmp(cfg.lang, "id") || !strcmp(cfg.lang, "en"));
	FUZZ_CHECK(FIELD_OK(cfg, agency) && cfg.agency[0]);
	FUZZ_CHECK(FIELD_OK(cfg, agency_unit) && FIELD_OK(cfg, city));
	FUZZ_CHECK(FIELD_OK(cfg, badge_queue) && FIELD_OK(cfg, report_queue));
	FUZZ_CHECK(cfg.label >= LABEL_62X100 && cfg.label <= LABEL_A6);
	FUZZ_CHECK(cfg.idle_timeout_s >= 10 && cfg.idle_timeout_s <= 3600);
	FUZZ_CHECK(cfg.idle_countdown_s >= 0 && cfg.idle_countdown_s <= 60);
	FUZZ_CHECK(cfg.print_timeout_s >= 1 && cfg.print_timeout_s <= 600);
	FUZZ_CHECK(cfg.retention_days >= 1 && cfg.retention_days <= 3650);
	FUZZ_CHECK(cfg.pass_grace_min >= 0 && cfg.pass_grace_min <= 240);
	FUZZ_CHECK(cfg.scan_repeat_s >= 0 && cfg.scan_repeat_s <= 600);
	check_flat(data, size, &cfg);
	return 0;
}

/* db_int.h - what a database driver provides behind db.h: a table of functions, one per call
 * (the way libdbi and SQLite's own VFS dispatch to their drivers). db.c dispatches; db_sqlite.c
 * and db_pg.c each fill one table. Only the drivers and db.c include this header. */
#ifndef AKSES_DB_INT_H
#define AKSES_DB_INT_H

#include "db.h"

struct db_driver {
	db_engine engine;
	int (*prepare)(db *c, const char *sql, db_stmt **out);
	int (*bind_int64)(db_stmt *s, int i, int64_t v);
	int (*bind_text)(db_stmt *s, int i, const char *text);
	int (*bind_blob)(db_stmt *s, int i, const void *p, size_t n);
	int (*bind_null)(db_stmt *s, int i);
	int (*param_count)(const db_stmt *s);
	int (*step)(db_stmt *s);
	int (*step_later)(db_stmt *s); /* NULL: db_step_later is db_step */
	int (*reset)(db_stmt *s);
	void (*finalize)(db_stmt *s);
	int64_t (*col_int64)(db_stmt *s, int col);
	const char *(*col_text)(db_stmt *s, int col);
	const void *(*col_blob)(db_stmt *s, int col, size_t *n);
	bool (*col_is_null)(db_stmt *s, int col);
	int64_t (*changes)(db *c);
	int64_t (*round_trips)(db *c); /* NULL: 0 (no server) */
	int (*exec)(db *c, const char *sql);
	const char *next_id[2]; /* db_next_id_sql's expression: before and after the table */
	int (*begin_write)(db *c);
	int (*begin_write_keyed)(db *c); /* NULL: begin_write */
	int (*begin_read)(db *c);
	int (*commit)(db *c);
	int (*rollback)(db *c);
	bool (*in_tx)(db *c);
	db_err (*errclass)(db *c);
	const char *(*errmsg)(db *c);
	int (*sys_errno)(db *c);
	void (*close)(db *c);
};

/* Every driver's connection and statement begin with these, so db.c can find the driver. */
struct db {
	const struct db_driver *drv;
};
struct db_stmt {
	const struct db_driver *drv;
	db *conn;
};

#endif

/* db_pg_cache.c - the statements a PostgreSQL session keeps prepared (by SQL text and parameter
 * types): slots found, filled and emptied; db_pg.c prepares them on the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_pg_int.h"

/* Empty one cache slot. */
void db_pg_cache_free(struct pg_prepared *e)
{
	free(e->sql);
	free(e->types);
	e->sql = NULL;
	e->types = NULL;
}

/* Forget the statements prepared on the session (gone with it after a reset). */
void db_pg_cache_clear(struct pg_conn *c)
{
	for (int i = 0; i < c->ncache; i++)
		db_pg_cache_free(&c->cache[i]);
	memset(c->cache, 0, sizeof c->cache);
	c->ncache = 0;
	c->ncache_sure = 0;
}

/* The name s's SQL and parameter types are prepared under on this session, or NULL. */
const char *db_pg_cache_find(struct pg_conn *c, const struct pg_stmt *s)
{
	size_t tsize = (size_t)s->nparams * sizeof *s->types;
	for (int i = 0; i < c->ncache; i++) {
		struct pg_prepared *e = &c->cache[i];
		if (e->nparams == s->nparams && !strcmp(e->sql, s->sql) &&
		    (!tsize || !memcmp(e->types, s->types, tsize))) {
			e->used = ++c->cache_tick;
			return e->name;
		}
	}
	return NULL;
}

/* Forget the least recently used of the statements prepared for sure (never one whose prepare is
 * still in the pipeline), the DEALLOCATE for it into dealloc; false when there is none. The slots
 * after it move down, so the sure ones stay first. A session that runs more distinct statements
 * than the cache holds (a bulk load beside the station's own) would otherwise never prepare the
 * later ones, and every run of them would be parsed and planned again. */
static bool cache_evict(struct pg_conn *c, char dealloc[DB_PG_DEALLOC_BUF])
{
	int lru = -1;
	for (int i = 0; i < c->ncache_sure; i++)
		if (lru < 0 || c->cache[i].used < c->cache[lru].used)
			lru = i;
	if (lru < 0)
		return false;
	snprintf(dealloc, DB_PG_DEALLOC_BUF, "DEALLOCATE %s", c->cache[lru].name);
	db_pg_cache_free(&c->cache[lru]);
	memmove(&c->cache[lru], &c->cache[lru + 1],
	        (size_t)(c->ncache - lru - 1) * sizeof c->cache[0]);
	c->ncache--;
	c->ncache_sure--;
	memset(&c->cache[c->ncache], 0, sizeof c->cache[0]);
	return true;
}

/* The next free slot filled in for s with a new name (c->ncache not yet counting it), or NULL
 * when memory is short: then the statement runs unprepared. */
struct pg_prepared *db_pg_cache_slot(struct pg_conn *c, const struct pg_stmt *s,
                                     char dealloc[DB_PG_DEALLOC_BUF])
{
	dealloc[0] = '\0';
	if (c->ncache >= PG_CACHE_MAX && !cache_evict(c, dealloc))
		return NULL;
	struct pg_prepared *e = &c->cache[c->ncache];
	size_t tsize = (size_t)s->nparams * sizeof *s->types;
	e->sql = strdup(s->sql);
	e->types = tsize ? malloc(tsize) : NULL;
	if (!e->sql || (tsize && !e->types)) {
		db_pg_cache_free(e);
		return NULL;
	}
	if (tsize)
		memcpy(e->types, s->types, tsize);
	e->nparams = s->nparams;
	e->used = ++c->cache_tick;
	snprintf(e->name, sizeof e->name, "akses_%d", ++c->cache_seq);
	return e;
}

/* See db_pg_int.h. The unsure ones are the last, after ncache_sure. */
void db_pg_cache_settle(struct pg_conn *c, bool ok)
{
	while (!ok && c->ncache > c->ncache_sure)
		db_pg_cache_free(&c->cache[--c->ncache]);
	c->ncache_sure = c->ncache;
}

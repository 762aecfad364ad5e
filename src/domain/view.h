/* view.h — the JSON shapes of the read models, shared by the CLI (`--json`) and the HTTP API
 * so that both print the same document: money as two-decimal strings, dates and periods as
 * text, null where a value does not apply. */
#ifndef WG_VIEW_H
#define WG_VIEW_H
#include <jansson.h>
#include <stdint.h>

#include "store/store.h"
#include "store/project.h"
#include "store/worker.h"

json_t *view_money(int64_t fen);
json_t *view_date(int64_t day);      /* day < 0: null */
json_t *view_period(int64_t period); /* period < 0: null */
/* A project's figures (SPEC §6 project summary). Caller owns the result. */
json_t *view_project(const struct project_summary *p);
/* One month of a worker's wage history. Caller owns the result. */
json_t *view_worker_month(const struct worker_month *m);
#endif

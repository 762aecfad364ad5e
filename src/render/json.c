/* json.c — a document (render/doc.h) as JSON for the web UI, which draws it itself:
 * {"title", "subtitle", "blocks": [{"kind": "heading"|"para"|"note"|"callout"|"fields"|
 * "table", …}], "sign", "footer"}. */
#include "render/doc.h"

#include <jansson.h>

#include "util/banned.h"

static const char *const kinds[] = {"heading", "para", "note", "fields", "table", "callout"};
static const char *const aligns[] = {"left", "center", "right"};

json_t *render_json(const struct doc *d)
{
	json_t *blocks = json_array(), *sign = json_array();
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		json_t *j = json_pack("{s:s}", "kind", kinds[b->kind]);
		if (b->text)
			json_object_set_new(j, "text", json_string(b->text));
		if (b->kind == DOC_FIELDS) {
			json_t *f = json_array();
			for (size_t k = 0; k < b->nfields; k++)
				json_array_append_new(f,
						      json_pack("{s:s, s:s}", "label",
								b->fields[k].label, "value",
								b->fields[k].value));
			json_object_set_new(j, "fields", f);
		}
		if (b->kind == DOC_TABLE) {
			const struct doc_table *t = &b->table;
			json_t *head = json_array(), *align = json_array(), *rows = json_array(),
			       *strong = json_array();
			for (int c = 0; c < t->ncols; c++) {
				json_array_append_new(head, json_string(t->head[c]));
				json_array_append_new(align, json_string(aligns[t->align[c]]));
			}
			for (size_t r = 0; r < t->nrows; r++) {
				json_t *row = json_array();
				for (int c = 0; c < t->ncols; c++) {
					const char *cell =
						t->cells[r * (size_t)t->ncols + (size_t)c];
					json_array_append_new(
						row, cell ? json_string(cell) : json_null());
				}
				json_array_append_new(rows, row);
				json_array_append_new(strong,
						      json_boolean(t->strong && t->strong[r]));
			}
			json_object_set_new(j, "head", head);
			json_object_set_new(j, "align", align);
			json_object_set_new(j, "rows", rows);
			json_object_set_new(j, "strong", strong);
		}
		json_array_append_new(blocks, j);
	}
	for (int i = 0; i < d->nsign; i++)
		json_array_append_new(sign, json_string(d->sign[i]));
	return json_pack("{s:s, s:s?, s:o, s:o, s:s?}", "title", d->title ? d->title : "",
			 "subtitle", d->subtitle, "blocks", blocks, "sign", sign, "footer",
			 d->footer);
}

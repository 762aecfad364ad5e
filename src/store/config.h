/* config.h — the store's operator configuration (thresholds, notice texts, regions' minimum
 * wages): keys and values, written once over store/stmt.h (store/config.c). */
#ifndef WG_STORE_CONFIG_H
#define WG_STORE_CONFIG_H
#include <stddef.h>

struct store;

/* The value of key into buf; WG_ENOTFOUND when unset. */
int store_config_get(struct store *s, const char *key, char *buf, size_t n);
int store_config_set(struct store *s, const char *key, const char *value);
/* Calls cb for each key starting with prefix ("" for all), in byte order of keys. cb must not
 * call the store; a non-zero return stops and is returned. */
int store_config_list(struct store *s, const char *prefix,
		      int (*cb)(void *ctx, const char *key, const char *value), void *ctx);
#endif

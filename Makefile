# wageguard — build, test, run. `make` builds build/wageguard; `make test` runs every suite.
CC      ?= cc
PKGS    := sqlite3 jansson libsodium libmicrohttpd libpq libzstd pangocairo cairo-pdf xlsxwriter zlib
# CFLAGS and LDFLAGS are the caller's (optimisation, sanitizers); the rest is always on.
CFLAGS  ?= -O2 -g
BUILD   ?= build
# The libraries' flags come from pkg-config, asked only once scripts/deps.sh has installed the
# -dev packages: $(FLAGS_MK) is a makefile generated after the dependency stamp, and make
# remakes an included makefile before anything else and then restarts itself reading it. So
# the first `make` on a fresh machine installs, writes the flags, and compiles with them
# (asking pkg-config while this file is parsed would compile the first time without them).
FLAGS_MK := $(BUILD)/pkg-flags.mk
WFLAGS  = -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
           -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc $(PKG_CFLAGS)
LIBS    = $(PKG_LIBS) -lcsv -lm -lpthread
SRCS    := $(shell find src -name '*.c' | sort)
OBJS    := $(SRCS:%.c=$(BUILD)/%.o)
LIBOBJS := $(filter-out $(BUILD)/src/main.o $(BUILD)/src/cli/%,$(OBJS))
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
BIN     := $(BUILD)/wageguard
DEPS_STAMP := .deps-installed

.PHONY: all deps run test unit asan lint bench clean demo web install uninstall
all: $(BIN) $(UNIT)

$(DEPS_STAMP): scripts/deps.sh package-lock.json
	./scripts/deps.sh
	@touch $@

deps: $(DEPS_STAMP)

$(FLAGS_MK): $(DEPS_STAMP) Makefile
	@mkdir -p $(dir $@)
	@cflags=$$(pkg-config --cflags $(PKGS)) && libs=$$(pkg-config --libs $(PKGS)) || \
	  { echo "pkg-config does not know all of: $(PKGS) (run scripts/deps.sh as root)" >&2; exit 1; }; \
	  printf 'PKG_CFLAGS := %s\nPKG_LIBS := %s\n' "$$cflags" "$$libs" >$@.tmp && mv $@.tmp $@

# every goal but these needs the flags (and so the dependencies)
ifneq ($(filter-out clean deps uninstall,$(or $(MAKECMDGOALS),all)),)
include $(FLAGS_MK)
endif

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	@$(CC) $(CFLAGS) $(WFLAGS) -MMD -MP -c $< -o $@

# the OpenAPI document is linked into the binary (served at /api/v1/openapi.json)
$(BUILD)/openapi.o: docs/api/openapi.json
	@mkdir -p $(dir $@)
	@echo "  EMBED $<"
	@ld -r -b binary -z noexecstack -o $@ $<

$(BIN): $(OBJS) $(BUILD)/openapi.o
	@echo "  LD  $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIBOBJS) $(BUILD)/openapi.o
	@mkdir -p $(dir $@)
	@echo "  LD  $@"
	@$(CC) $(CFLAGS) $(WFLAGS) $(LDFLAGS) -Itests/unit -o $@ $< $(LIBOBJS) $(BUILD)/openapi.o $(LIBS)

# the web UI too: the CLI suites serve it (t0690 checks / is the UI) before the browser suite
test: all web/dist/index.html
	./tests/run.sh $(BUILD)

unit: all
	./tests/run.sh $(BUILD) unit

# the font and layout libraries' process-wide caches are not leaks (tests/lsan.supp)
asan:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	        LDFLAGS="-fsanitize=address,undefined" test

lint: | $(DEPS_STAMP)
	@echo "  clang-format, cppcheck"
	@clang-format --dry-run --Werror $(SRCS) $(wildcard src/*/*.h src/*/*/*.h tests/unit/*.c)
	@cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr \
	         --suppress=missingIncludeSystem -Isrc $(SRCS)

# the web UI, built by Vite from web/ into web/dist
WEB_SRC := $(shell find web/src web/index.html web/vite.config.ts -type f 2>/dev/null)
web/dist/index.html: $(WEB_SRC) package-lock.json | $(DEPS_STAMP)
	npm run --silent build:web

web: web/dist/index.html

# a fresh demo database, loaded, scanned, one user per role, served until Ctrl-C
LISTEN ?= $(or $(WAGEGUARD_LISTEN),127.0.0.1:8080)
run: $(BIN) web/dist/index.html
	@mkdir -p out
	rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BIN) --db out/demo.db demo --dir out/demo-data --listen $(LISTEN)

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, the web UI beside it in
# share/wageguard/web (where `serve` looks, relative to the binary), the documentation and
# a systemd unit (docs/deployment.md)
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
DOCDIR  ?= $(DATADIR)/doc/wageguard
UNITDIR ?= $(PREFIX)/lib/systemd/system
install: $(BIN) web/dist/index.html
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/wageguard $(DESTDIR)$(DOCDIR)/api \
	           $(DESTDIR)$(UNITDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/wageguard
	rm -rf $(DESTDIR)$(DATADIR)/wageguard/web
	cp -R web/dist $(DESTDIR)$(DATADIR)/wageguard/web
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/wageguard/web
	install -m 0644 README.md LICENSE docs/*.md $(DESTDIR)$(DOCDIR)
	install -m 0644 docs/api/openapi.json $(DESTDIR)$(DOCDIR)/api
	install -m 0644 contrib/wageguard.env $(DESTDIR)$(DOCDIR)
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' contrib/wageguard.service >$(DESTDIR)$(UNITDIR)/wageguard.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/wageguard.service

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/wageguard $(DESTDIR)$(UNITDIR)/wageguard.service
	rm -rf $(DESTDIR)$(DATADIR)/wageguard $(DESTDIR)$(DOCDIR)

bench: $(BIN)
	./bench/run.sh $(BIN)

clean:
	rm -rf build build-asan

-include $(OBJS:.o=.d)

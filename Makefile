# tacitus: news text -> CAMEO-coded political events.  See README.md.
#
#   make            build build/tacitus and build/libtacitus.a
#   make run        install missing Debian packages, build, code the bundled sample
#   make test       install missing Debian packages, run the suite, then again under ASan+UBSan
#   make install PREFIX=DIR
#   make fuzz [FUZZ_SECONDS=60]   libFuzzer targets of tests/fuzz/ under clang, ASan and UBSan

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libutf8proc jansson libxml-2.0 zlib gumbo sqlite3 libmicrohttpd
SAN     ?= 0

ifeq ($(SAN),1)
BUILD   ?= build-san
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD   ?= build
OPT     := -O2 -g
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += -std=c17 $(OPT) -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -D_POSIX_C_SOURCE=200809L -Isrc $(PKG_CFLAGS)
LDFLAGS += $(OPT)
LDLIBS  += $(PKG_LIBS) -lm

LIB_SRC  := $(sort $(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_SRC  := $(sort $(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:cli/%.c=$(BUILD)/obj/cli/%.o)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all run test check deps install clean fuzz
all: $(BUILD)/tacitus $(TEST_BIN)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/cli/%.o: cli/%.c $(wildcard src/*.h cli/*.h)
	@mkdir -p $(dir $@)
	@echo CC $<
	@$(CC) $(CFLAGS) -Icli -c $< -o $@

$(BUILD)/libtacitus.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/tacitus: $(CLI_OBJ) $(BUILD)/libtacitus.a
	@echo LINK $@
	@$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libtacitus.a $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/test.h $(BUILD)/libtacitus.a
	@mkdir -p $(dir $@)
	@echo LINK $@
	@$(CC) $(CFLAGS) $(LDFLAGS) -Itests -o $@ $< $(BUILD)/libtacitus.a $(LDLIBS)

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/run-sample.sh $(BUILD)

check: all
	@sh tests/run.sh $(BUILD)

test: deps
	@$(MAKE) --no-print-directory check
	@$(MAKE) --no-print-directory check SAN=1

# Fuzzing: the library built for libFuzzer with clang, one binary per tests/fuzz/fuzz_*.c, each
# run for FUZZ_SECONDS on a corpus in build-fuzz/corpus/NAME seeded from the repository.
FUZZ_SECONDS ?= 60
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
FUZZ_CFLAGS := -std=c17 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -Isrc $(PKG_CFLAGS) \
               -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror
FUZZ_OBJ  := $(LIB_SRC:src/%.c=build-fuzz/obj/%.o)

build-fuzz/obj/%.o: src/%.c $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	@echo CC $<
	@clang $(FUZZ_CFLAGS) -c $< -o $@

build-fuzz/%: tests/fuzz/%.c $(FUZZ_OBJ)
	@echo LINK $@
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS) -lm

fuzz: deps
	@sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

install: $(BUILD)/tacitus
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/tacitus
	install -m 755 $(BUILD)/tacitus $(DESTDIR)$(PREFIX)/bin/tacitus
	cp -R data/. $(DESTDIR)$(PREFIX)/share/tacitus/

clean:
	rm -rf build build-san

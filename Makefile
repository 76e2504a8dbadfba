# Makefile for the sla extension (PGXS)

EXTENSION    = sla
EXTVERSION   = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
MODULE_big   = sla
OBJS         = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA         = $(wildcard sql/$(EXTENSION)--*.sql)
DOCS        := $(wildcard docs/*.md)
PGFILEDESC   = "sla - business-hours deadlines and SLA calendars"

# ICU through pkg-config; the names avoid Makefile.global's ICU_CFLAGS/ICU_LIBS.
SLA_ICU_MODULES = icu-uc icu-i18n
ifneq ($(shell pkg-config --exists $(SLA_ICU_MODULES) && echo yes),yes)
$(error ICU development files not found by pkg-config: install libicu-dev)
endif
PG_CPPFLAGS  = -I$(srcdir)/src $(shell pkg-config --cflags $(SLA_ICU_MODULES))
SHLIB_LINK  += $(shell pkg-config --libs $(SLA_ICU_MODULES))

# pg_regress: inputs in test/sql, expected output in test/expected (pg_regress
# reads inputdir/expected when ./expected has no file).
REGRESS      = setup $(filter-out setup,$(sort $(patsubst test/sql/%.sql,%,$(wildcard test/sql/*.sql))))
REGRESS_OPTS = --inputdir=test

# Isolation specs keep their own expected/ (PGXS fixes their output dir).
ISOLATION      = $(patsubst test/isolation/specs/%.spec,%,$(wildcard test/isolation/specs/*.spec))
ISOLATION_OPTS = --inputdir=test/isolation

# A test named like an extension script would run that script as the test.
ifneq ($(filter $(REGRESS),$(notdir $(basename $(wildcard sql/*.sql)))),)
$(error a test in test/sql has the name of a script in sql/)
endif

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# pgTAP suites, run with pg_prove against the server PG* variables point at.
.PHONY: prove
prove:
	pg_prove --ext .sql -r test/pgtap

# PGXS does not track header dependencies: rebuild everything when one changes.
$(OBJS): $(wildcard src/*.h)

/*-------------------------------------------------------------------------
 *
 * backend_fuzz.h
 *	  What the libFuzzer harnesses that run inside a PostgreSQL backend
 *	  share (business_interval_backend_fuzz.c, sla_policy_backend_fuzz.c):
 *	  calls that catch an ERROR, inputs in a poisoned buffer, the report of a
 *	  broken property, and sla_fuzz_run's driver.
 *
 * Each harness is one translation unit built by test/fuzz/run into its own
 * module, so everything here is static.  Define FUZZ_GUARDED_SIZE (the
 * longest input a harness copies) before including this file.
 *
 * IDENTIFICATION
 *	  test/fuzz/backend_fuzz.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BACKEND_FUZZ_H
#define BACKEND_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <sanitizer/asan_interface.h>

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

extern int	LLVMFuzzerRunDriver(int *argc, char ***argv,
								int (*callback) (const uint8_t *data,
												 size_t size));

/* The result of one call: a value, or the SQLSTATE it raised. */
typedef struct CallResult
{
	bool		ok;
	int			sqlerrcode;
	Datum		value;
} CallResult;

/* A fuzz target: its name in sla_fuzz_run and libFuzzer's callback. */
typedef struct FuzzTarget
{
	const char *name;
	int			(*callback) (const uint8_t *data, size_t size);
} FuzzTarget;

/*
 * The postgres binary hangs at start when the AddressSanitizer runtime is
 * the first preloaded library (libgpg-error's constructor leaves glibc's
 * gettext lock broken), so test/fuzz/run preloads libc before it, and
 * malloc is then libc's, without redzones.  Inputs are therefore copied
 * into this buffer with every byte past their end poisoned by hand (one
 * more byte than the longest input), so a read past an input is still
 * reported.
 */
static char guarded[FUZZ_GUARDED_SIZE + 1] __attribute__((aligned(8)));

/* Freed after every input. */
static MemoryContext fuzz_context = NULL;

/* The input being checked, for the report of a broken property. */
static const uint8_t *current_data;
static size_t current_size;

/* Report a broken property with the input in hex, and stop. */
static void
fail(const char *what)
pg_attribute_noreturn();

static void
fail(const char *what)
{
	size_t		i;

	fprintf(stderr, "property failed: %s\ninput:", what);
	for (i = 0; i < current_size; i++)
		fprintf(stderr, " %02x", current_data[i]);
	fprintf(stderr, "\n");
	abort();
}

/* Copy n bytes to the guarded buffer, poison the rest, and return it. */
static char *
guarded_copy(const void *data, size_t n)
{
	Assert(n <= FUZZ_GUARDED_SIZE);
	ASAN_UNPOISON_MEMORY_REGION(guarded, sizeof(guarded));
	memcpy(guarded, data, n);
	ASAN_POISON_MEMORY_REGION(guarded + n, sizeof(guarded) - n);
	return guarded;
}

/*
 * Clear the stack poisoning of the frames an ERROR jumped over.
 *
 * With libc preloaded first, AddressSanitizer's siglongjmp interceptor is
 * not the one PostgreSQL calls, so the redzones of the abandoned frames stay
 * poisoned below the current frame, and the next frames built there by
 * uninstrumented server code would be reported.  64 kB covers what one
 * call of the functions under test can use.
 */
static void
unpoison_dead_stack(void)
{
	char		here;
	uintptr_t	top = (uintptr_t) &here;

	ASAN_UNPOISON_MEMORY_REGION((void *) (top - 65536), 65536);
}

/* Call fn with one or three arguments, catching an ERROR into the result. */
static CallResult
call(PGFunction fn, int nargs, Datum a0, Datum a1, Datum a2)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile CallResult result;

	result.ok = false;
	result.sqlerrcode = 0;
	result.value = (Datum) 0;
	PG_TRY();
	{
		if (nargs == 1)
			result.value = DirectFunctionCall1(fn, a0);
		else
			result.value = DirectFunctionCall3(fn, a0, a1, a2);
		result.ok = true;
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		result.sqlerrcode = edata->sqlerrcode;
		unpoison_dead_stack();
	}
	PG_END_TRY();
	return result;
}

/*
 * sla_fuzz_run(target, arguments) of a harness: run libFuzzer on the named
 * one of its ntargets targets.  The arguments are libFuzzer's command line,
 * split at spaces.  libFuzzer exits the process when it is done or finds a
 * failure.
 */
static Datum
fuzz_run(FunctionCallInfo fcinfo, const FuzzTarget *targets, int ntargets)
{
	char	   *target = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *args = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	  **argv = palloc0(sizeof(char *) * (strlen(args) + 2));
	int			argc = 0;
	char	   *token;
	int			i;

	for (i = 0; i < ntargets && strcmp(target, targets[i].name) != 0; i++)
		;
	if (i == ntargets)
		elog(ERROR, "unknown fuzz target \"%s\"", target);

	argv[argc++] = target;
	for (token = strtok(args, " "); token != NULL; token = strtok(NULL, " "))
		argv[argc++] = token;
	fuzz_context = AllocSetContextCreate(TopMemoryContext, "sla fuzz",
										 ALLOCSET_DEFAULT_SIZES);
	LLVMFuzzerRunDriver(&argc, &argv, targets[i].callback);
	PG_RETURN_VOID();
}

#endif							/* BACKEND_FUZZ_H */

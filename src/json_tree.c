/*-------------------------------------------------------------------------
 *
 * json_tree.c
 *	  Build a JSON document tree with PostgreSQL's JSON parser (jsonapi),
 *	  keeping duplicate object members for the caller to reject.
 *
 * IDENTIFICATION
 *	  src/json_tree.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"

#include "json_tree.h"

/* The parser's callbacks return a status from PostgreSQL 16 on. */
#if PG_VERSION_NUM >= 160000
#define CALLBACK_RESULT JsonParseErrorType
#define CALLBACK_DONE return JSON_SUCCESS
#else
#define CALLBACK_RESULT void
#define CALLBACK_DONE return
#endif

typedef struct TreeBuild
{
	SlaJsonNode *stack[SLA_JSON_MAX_DEPTH + 1];
	int			depth;			/* open containers */
	bool		too_deep;		/* more than SLA_JSON_MAX_DEPTH were open */
	char	   *pending_key;	/* member name for the next value */
	SlaJsonNode *root;
} TreeBuild;

/*
 * Deepest nesting of objects and arrays in str, scanning outside strings;
 * stops counting once past limit.  Lets a hostile document be refused
 * before the recursive parser sees it.
 */
static int
nesting_depth(const char *str, int len, int limit)
{
	int			depth = 0;
	int			deepest = 0;
	bool		in_string = false;
	int			i;

	for (i = 0; i < len; i++)
	{
		char		c = str[i];

		if (in_string)
		{
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		}
		else if (c == '"')
			in_string = true;
		else if (c == '{' || c == '[')
		{
			if (++depth > deepest)
				deepest = depth;
			if (deepest > limit)
				break;
		}
		else if (c == '}' || c == ']')
			depth--;
	}
	return deepest;
}

/* Attach a new node of kind to the value being built; returns it. */
static SlaJsonNode *
add_node(TreeBuild *b, SlaJsonKind kind)
{
	SlaJsonNode *node = palloc0(sizeof(SlaJsonNode));

	node->kind = kind;
	if (b->depth == 0)
		b->root = node;
	else
	{
		SlaJsonNode *parent = b->stack[b->depth - 1];

		node->key = b->pending_key;
		if (parent->nchildren == 0)
			parent->children = palloc(sizeof(SlaJsonNode *) * 4);
		else if ((parent->nchildren & (parent->nchildren - 1)) == 0 &&
				 parent->nchildren >= 4)
			parent->children = repalloc(parent->children,
										sizeof(SlaJsonNode *) * parent->nchildren * 2);
		parent->children[parent->nchildren++] = node;
	}
	b->pending_key = NULL;
	return node;
}

/* Open an object or array: new nodes go inside it until it ends. */
static void
open_container(TreeBuild *b, SlaJsonKind kind)
{
	SlaJsonNode *node;

	/* nesting_depth() has bounded this already; stay safe if it missed */
	if (b->too_deep || b->depth >= SLA_JSON_MAX_DEPTH)
	{
		b->too_deep = true;
		return;
	}
	node = add_node(b, kind);
	b->stack[b->depth++] = node;
}

static CALLBACK_RESULT
on_object_start(void *state)
{
	open_container((TreeBuild *) state, SLA_JSON_OBJECT);
	CALLBACK_DONE;
}

static CALLBACK_RESULT
on_array_start(void *state)
{
	open_container((TreeBuild *) state, SLA_JSON_ARRAY);
	CALLBACK_DONE;
}

static CALLBACK_RESULT
on_container_end(void *state)
{
	TreeBuild  *b = (TreeBuild *) state;

	if (!b->too_deep)
		b->depth--;
	CALLBACK_DONE;
}

static CALLBACK_RESULT
on_field_start(void *state, char *fname, bool isnull)
{
	((TreeBuild *) state)->pending_key = fname;
	CALLBACK_DONE;
}

static CALLBACK_RESULT
on_scalar(void *state, char *token, JsonTokenType type)
{
	TreeBuild  *b = (TreeBuild *) state;
	SlaJsonKind kind;
	SlaJsonNode *node;

	if (b->too_deep)
		CALLBACK_DONE;
	switch (type)
	{
		case JSON_TOKEN_STRING:
			kind = SLA_JSON_STRING;
			break;
		case JSON_TOKEN_NUMBER:
			kind = SLA_JSON_NUMBER;
			break;
		case JSON_TOKEN_TRUE:
		case JSON_TOKEN_FALSE:
			kind = SLA_JSON_BOOL;
			break;
		default:
			kind = SLA_JSON_NULL;
			break;
	}
	node = add_node(b, kind);
	node->text = token;
	CALLBACK_DONE;
}

/*
 * Parse len bytes of str (in the database encoding) into *root.  On
 * SLA_JSON_SYNTAX, *detail is the parser's description of the fault.
 */
SlaJsonStatus
sla_json_parse(const char *str, int len, SlaJsonNode **root, char **detail)
{
	TreeBuild	b;
	JsonSemAction sem;
	JsonLexContext *lex;
	JsonParseErrorType rc;

	*root = NULL;
	*detail = NULL;
	if (len > SLA_JSON_MAX_BYTES)
		return SLA_JSON_TOO_LONG;
	if (nesting_depth(str, len, SLA_JSON_MAX_DEPTH) > SLA_JSON_MAX_DEPTH)
		return SLA_JSON_TOO_DEEP;

	memset(&b, 0, sizeof(b));
	memset(&sem, 0, sizeof(sem));
	sem.semstate = &b;
	sem.object_start = on_object_start;
	sem.object_end = on_container_end;
	sem.array_start = on_array_start;
	sem.array_end = on_container_end;
	sem.object_field_start = on_field_start;
	sem.scalar = on_scalar;
#if PG_VERSION_NUM >= 170000
	lex = makeJsonLexContextCstringLen(NULL, unconstify(char *, str), len,
									   GetDatabaseEncoding(), true);
#else
	lex = makeJsonLexContextCstringLen(unconstify(char *, str), len,
									   GetDatabaseEncoding(), true);
#endif
	rc = pg_parse_json(lex, &sem);
	if (rc != JSON_SUCCESS)
	{
		*detail = json_errdetail(rc, lex);
		return SLA_JSON_SYNTAX;
	}
	if (b.too_deep)
		return SLA_JSON_TOO_DEEP;
	*root = b.root;
	return SLA_JSON_OK;
}

/* The JSON name of a kind of value, for messages. */
const char *
sla_json_kind_name(SlaJsonKind kind)
{
	switch (kind)
	{
		case SLA_JSON_OBJECT:
			return "an object";
		case SLA_JSON_ARRAY:
			return "an array";
		case SLA_JSON_STRING:
			return "a string";
		case SLA_JSON_NUMBER:
			return "a number";
		case SLA_JSON_BOOL:
			return "a boolean";
		case SLA_JSON_NULL:
			return "null";
	}
	return "a value";			/* not reached */
}

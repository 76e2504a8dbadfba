/*-------------------------------------------------------------------------
 *
 * json_tree.h
 *	  A small JSON document tree for validating input formats that are JSON
 *	  (sla_policy): PostgreSQL's own JSON parser builds it, keeping object
 *	  members in document order with duplicates, which jsonb would drop.
 *
 * Returns status codes; raises no errors.  The depth and the size of a
 * document are bounded before parsing, so a hostile document costs at most
 * a linear scan.
 *
 * IDENTIFICATION
 *	  src/json_tree.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef JSON_TREE_H
#define JSON_TREE_H

/* Documents nesting deeper than this, or longer, are refused unparsed. */
#define SLA_JSON_MAX_DEPTH	32
#define SLA_JSON_MAX_BYTES	(1024 * 1024)

typedef enum SlaJsonKind
{
	SLA_JSON_OBJECT,
	SLA_JSON_ARRAY,
	SLA_JSON_STRING,
	SLA_JSON_NUMBER,
	SLA_JSON_BOOL,
	SLA_JSON_NULL
} SlaJsonKind;

typedef struct SlaJsonNode SlaJsonNode;

struct SlaJsonNode
{
	SlaJsonKind kind;
	char	   *text;			/* string contents, number or bool token */
	char	   *key;			/* member name inside an object, else NULL */
	int			nchildren;		/* members or elements */
	SlaJsonNode **children;		/* in document order */
};

typedef enum SlaJsonStatus
{
	SLA_JSON_OK,
	SLA_JSON_SYNTAX,			/* not JSON; *detail says why */
	SLA_JSON_TOO_DEEP,
	SLA_JSON_TOO_LONG
} SlaJsonStatus;

extern SlaJsonStatus sla_json_parse(const char *str, int len,
									SlaJsonNode **root, char **detail);
extern const char *sla_json_kind_name(SlaJsonKind kind);

#endif							/* JSON_TREE_H */

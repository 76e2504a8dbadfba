-- A full, OID-free description of the objects of extension sla, one line
-- each, sorted: test/upgrade/run compares it between a fresh install and an
-- upgraded one.  Every member (pg_depend deptype 'e'), the schema and the
-- extension row itself, with what defines each kind of object, and the rows
-- the scripts ship in its configuration tables.
WITH ext AS (
	SELECT oid, extnamespace FROM pg_extension WHERE extname = 'sla'
), member AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
), member_rel AS (
	SELECT c.oid FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
), described AS (
	-- objects whose comments and privileges are compared: members, the schema,
	-- and the parts of member tables (columns, constraints, triggers, indexes)
	SELECT classid, objid, objsubid FROM member
	UNION SELECT 'pg_namespace'::regclass, extnamespace, 0 FROM ext
	UNION SELECT 'pg_constraint'::regclass, co.oid, 0 FROM pg_constraint co JOIN member_rel r ON co.conrelid = r.oid
	UNION SELECT 'pg_trigger'::regclass, t.oid, 0 FROM pg_trigger t JOIN member_rel r ON t.tgrelid = r.oid
		WHERE NOT t.tgisinternal
	UNION SELECT 'pg_class'::regclass, i.indexrelid, 0 FROM pg_index i JOIN member_rel r ON i.indrelid = r.oid
), line (l) AS (
	-- the extension row
	SELECT format('extension: version %s, relocatable %s, schema %s, config %s, conditions %s',
		e.extversion, e.extrelocatable, e.extnamespace::regnamespace,
		(SELECT array_agg(c::regclass::text ORDER BY c::regclass::text) FROM unnest(e.extconfig) c),
		e.extcondition)
	FROM pg_extension e WHERE e.extname = 'sla'

	-- every member, by its identity
	UNION ALL
	SELECT format('member %s: %s (%s)', i.type, i.identity, pg_describe_object(m.classid, m.objid, m.objsubid))
	FROM member m, pg_identify_object(m.classid, m.objid, m.objsubid) i

	-- comments and privileges, on members and on the parts of member tables
	UNION ALL
	SELECT format('comment %s: %s', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
	FROM pg_description d
	JOIN described o ON o.classid = d.classoid AND o.objid = d.objoid
	UNION ALL
	SELECT format('initial privileges %s: %s %s', pg_describe_object(p.classoid, p.objoid, p.objsubid),
		p.privtype, p.initprivs)
	FROM pg_init_privs p
	JOIN described o ON o.classid = p.classoid AND o.objid = p.objoid
	UNION ALL
	SELECT format('schema %s: owner %s, acl %s', n.nspname, pg_get_userbyid(n.nspowner), n.nspacl)
	FROM pg_namespace n JOIN ext ON n.oid = ext.extnamespace

	-- functions, procedures and aggregates
	UNION ALL
	SELECT format('function %s: kind %s, volatile %s, parallel %s, strict %s, cost %s, rows %s, '
		'security definer %s, leakproof %s, config %s, support %s, owner %s, acl %s',
		p.oid::regprocedure, p.prokind, p.provolatile, p.proparallel, p.proisstrict, p.procost, p.prorows,
		p.prosecdef, p.proleakproof, p.proconfig, p.prosupport::regproc, pg_get_userbyid(p.proowner),
		p.proacl)
	FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	UNION ALL
	SELECT format('function %s: definition %s', p.oid::regprocedure, pg_get_functiondef(p.oid))
	FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	WHERE p.prokind <> 'a'
	UNION ALL
	SELECT format('aggregate %s: kind %s, direct args %s, transfn %s, finalfn %s, combinefn %s, '
		'serialfn %s, deserialfn %s, mtransfn %s, minvtransfn %s, mfinalfn %s, finalextra %s, '
		'mfinalextra %s, finalmodify %s, mfinalmodify %s, sortop %s, transtype %s, transspace %s, '
		'mtranstype %s, mtransspace %s, initval %s, minitval %s',
		a.aggfnoid::regprocedure, a.aggkind, a.aggnumdirectargs, a.aggtransfn::regprocedure,
		a.aggfinalfn::regprocedure, a.aggcombinefn::regprocedure, a.aggserialfn::regprocedure,
		a.aggdeserialfn::regprocedure, a.aggmtransfn::regprocedure, a.aggminvtransfn::regprocedure,
		a.aggmfinalfn::regprocedure, a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify,
		a.aggmfinalmodify, a.aggsortop::regoperator, a.aggtranstype::regtype, a.aggtransspace,
		a.aggmtranstype::regtype, a.aggmtransspace, a.agginitval, a.aggminitval)
	FROM pg_aggregate a JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = a.aggfnoid

	-- operators, operator classes and families with their members
	UNION ALL
	SELECT format('operator %s: kind %s, result %s, code %s, restrict %s, join %s, commutator %s, '
		'negator %s, merges %s, hashes %s, owner %s',
		o.oid::regoperator, o.oprkind, o.oprresult::regtype, o.oprcode::regprocedure, o.oprrest::regproc,
		o.oprjoin::regproc, o.oprcom::regoperator, o.oprnegate::regoperator, o.oprcanmerge, o.oprcanhash,
		pg_get_userbyid(o.oprowner))
	FROM pg_operator o JOIN member m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
	UNION ALL
	SELECT format('operator class %s: for %s, default %s, key type %s, family %s, owner %s',
		pg_describe_object('pg_opclass'::regclass, c.oid, 0), c.opcintype::regtype, c.opcdefault,
		c.opckeytype::regtype, pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
		pg_get_userbyid(c.opcowner))
	FROM pg_opclass c JOIN member m ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid
	UNION ALL
	SELECT format('operator family %s: owner %s', pg_describe_object('pg_opfamily'::regclass, f.oid, 0),
		pg_get_userbyid(f.opfowner))
	FROM pg_opfamily f
	WHERE f.oid IN (SELECT objid FROM member WHERE classid = 'pg_opfamily'::regclass)
	   OR f.oid IN (SELECT c.opcfamily FROM pg_opclass c JOIN member m
	                ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid)
	UNION ALL
	SELECT format('operator family member %s: purpose %s, sort family %s',
		pg_describe_object('pg_amop'::regclass, ao.oid, 0), ao.amoppurpose,
		pg_describe_object('pg_opfamily'::regclass, ao.amopsortfamily, 0))
	FROM pg_amop ao
	WHERE ao.amopfamily IN (SELECT objid FROM member WHERE classid = 'pg_opfamily'::regclass)
	   OR ao.amopfamily IN (SELECT c.opcfamily FROM pg_opclass c JOIN member m
	                        ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid)
	UNION ALL
	SELECT format('operator family member %s', pg_describe_object('pg_amproc'::regclass, ap.oid, 0))
	FROM pg_amproc ap
	WHERE ap.amprocfamily IN (SELECT objid FROM member WHERE classid = 'pg_opfamily'::regclass)
	   OR ap.amprocfamily IN (SELECT c.opcfamily FROM pg_opclass c JOIN member m
	                          ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid)

	-- casts
	UNION ALL
	SELECT format('cast %s: function %s, context %s, method %s', pg_describe_object(m.classid, m.objid, 0),
		c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM pg_cast c JOIN member m ON m.classid = 'pg_cast'::regclass AND m.objid = c.oid

	-- every type of the schema (members, their arrays, the tables' row types)
	UNION ALL
	SELECT format('type %s: type %s, category %s, preferred %s, length %s, by value %s, align %s, '
		'storage %s, delimiter %s, element %s, array %s, input %s, output %s, receive %s, send %s, '
		'modin %s, modout %s, analyze %s, subscript %s, collation %s, default %s, not null %s, '
		'owner %s, acl %s',
		t.oid::regtype, t.typtype, t.typcategory, t.typispreferred, t.typlen, t.typbyval, t.typalign,
		t.typstorage, t.typdelim, t.typelem::regtype, t.typarray::regtype, t.typinput::regprocedure,
		t.typoutput::regprocedure, t.typreceive::regprocedure, t.typsend::regprocedure,
		t.typmodin::regprocedure, t.typmodout::regprocedure, t.typanalyze::regprocedure,
		t.typsubscript::regprocedure, t.typcollation, t.typdefault, t.typnotnull,
		pg_get_userbyid(t.typowner), t.typacl)
	FROM pg_type t JOIN ext ON t.typnamespace = ext.extnamespace

	-- every relation of the schema, with columns, constraints, triggers,
	-- indexes and policies
	UNION ALL
	SELECT format('relation %s: kind %s, persistence %s, options %s, replica identity %s, '
		'row security %s, forced %s, owner %s, acl %s',
		c.oid::regclass, c.relkind, c.relpersistence, c.reloptions, c.relreplident, c.relrowsecurity,
		c.relforcerowsecurity, pg_get_userbyid(c.relowner), c.relacl)
	FROM pg_class c JOIN ext ON c.relnamespace = ext.extnamespace
	UNION ALL
	SELECT format('column %s.%s: number %s, type %s, not null %s, default %s, identity %s, '
		'generated %s, collation %s, storage %s, statistics %s, acl %s',
		a.attrelid::regclass, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
		pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated, a.attcollation, a.attstorage,
		a.attstattarget, a.attacl)
	FROM pg_attribute a
	JOIN pg_class c ON c.oid = a.attrelid
	JOIN ext ON c.relnamespace = ext.extnamespace
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT format('constraint %s on %s: %s, deferrable %s, deferred %s, validated %s',
		co.conname, co.conrelid::regclass, pg_get_constraintdef(co.oid), co.condeferrable,
		co.condeferred, co.convalidated)
	FROM pg_constraint co JOIN ext ON co.connamespace = ext.extnamespace
	UNION ALL
	SELECT format('trigger %s on %s: %s, enabled %s', t.tgname, t.tgrelid::regclass,
		pg_get_triggerdef(t.oid), t.tgenabled)
	FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN ext ON c.relnamespace = ext.extnamespace
	WHERE NOT t.tgisinternal
	UNION ALL
	SELECT format('index %s: %s', i.indexrelid::regclass, pg_get_indexdef(i.indexrelid))
	FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN ext ON c.relnamespace = ext.extnamespace
	UNION ALL
	SELECT format('policy %s on %s: %s', p.polname, p.polrelid::regclass,
		(SELECT row(x.cmd, x.permissive, x.roles, x.qual, x.with_check)::text FROM pg_policies x
		 WHERE x.schemaname = 'sla' AND x.tablename = c.relname AND x.policyname = p.polname))
	FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN ext ON c.relnamespace = ext.extnamespace
	UNION ALL
	SELECT format('rule %s on %s: %s', r.rulename, r.ev_class::regclass, pg_get_ruledef(r.oid))
	FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN ext ON c.relnamespace = ext.extnamespace
	WHERE c.relkind <> 'v'
	UNION ALL
	SELECT format('view %s: %s', c.oid::regclass, pg_get_viewdef(c.oid))
	FROM pg_class c JOIN ext ON c.relnamespace = ext.extnamespace
	WHERE c.relkind IN ('v', 'm')
	UNION ALL
	-- the rows the scripts ship in the configuration tables (holiday rules, dated lists, corrections): a
	-- count and a digest of the rows as text, read through query_to_xml (dynamic SQL in a plain query)
	SELECT format('rows %s: %s %s', x.tbl, (xpath('/row/n/text()', x.r))[1], (xpath('/row/h/text()', x.r))[1])
	FROM (SELECT c.oid::regclass::text AS tbl,
				 query_to_xml(format('SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) AS h FROM %s t',
									 c.oid::regclass), false, true, '') AS r
		  FROM pg_extension e, unnest(e.extconfig) AS cfg(oid), pg_class c
		  WHERE e.extname = 'sla' AND c.oid = cfg.oid AND c.relkind = 'r') x
)
SELECT l FROM line ORDER BY l COLLATE "C";

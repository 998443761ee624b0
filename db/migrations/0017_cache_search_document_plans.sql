-- The search documents and titles of meetings and agreements (0009, 0012) are rebuilt in the transaction of every
-- write that changes what they are made of. As SQL functions with subqueries PostgreSQL cannot inline them, and it
-- parses and plans a SQL function's body again at every statement that calls it: about 2 ms of a meeting's create,
-- most of the database's work for it. The same bodies in PL/pgSQL keep their plans for the connection's life
-- (connections are pooled), so a call costs what executing the query costs. What they return does not change.
CREATE OR REPLACE FUNCTION meeting_document(meeting uuid) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
BEGIN
    RETURN (
        SELECT fold(concat_ws(' ',
            m.title_en, m.title_ar, m.summary_en, m.summary_ar, m.city_en, m.city_ar,
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar), ' ')
             FROM countries c WHERE c.code IN (m.country_code, m.host_country_code)),
            (SELECT string_agg(concat_ws(' ', t.code, t.label_en, t.label_ar), ' ')
             FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id),
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar, o.name_en, o.name_ar, o.abbreviation), ' ')
             FROM delegations d
             LEFT JOIN countries c ON c.code = d.country_code
             LEFT JOIN organizations o ON o.id = d.organization_id
             WHERE d.meeting_id = m.id),
            (SELECT string_agg(concat_ws(' ', p.name_en, p.name_ar, dm.title_en, dm.title_ar, o.name_en, o.name_ar,
                        (SELECT string_agg(a.alias, ' ') FROM person_aliases a WHERE a.person_id = p.id)), ' ')
             FROM delegations d
             JOIN delegation_members dm ON dm.delegation_id = d.id
             JOIN persons p ON p.id = dm.person_id
             LEFT JOIN organizations o ON o.id = dm.organization_id
             WHERE d.meeting_id = m.id)))
        FROM meetings m
        WHERE m.id = meeting);
END
$$;

CREATE OR REPLACE FUNCTION agreement_document(agreement uuid) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
BEGIN
    RETURN (
        SELECT fold(concat_ws(' ',
            a.title_en, a.title_ar, a.summary_en, a.summary_ar,
            (SELECT string_agg(concat_ws(' ', c.name_en, c.name_ar, o.name_en, o.name_ar, o.abbreviation, p.name_en, p.name_ar,
                        (SELECT string_agg(pa.alias, ' ') FROM person_aliases pa WHERE pa.person_id = p.id)), ' ')
             FROM agreement_parties ap
             LEFT JOIN countries c ON c.code = ap.country_code
             LEFT JOIN organizations o ON o.id = ap.organization_id
             LEFT JOIN persons p ON p.id = ap.person_id
             WHERE ap.agreement_id = a.id)))
        FROM agreements a
        WHERE a.id = agreement);
END
$$;

CREATE OR REPLACE FUNCTION meeting_title(meeting uuid) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
BEGIN
    RETURN (SELECT fold(concat_ws(' ', m.title_en, m.title_ar)) FROM meetings m WHERE m.id = meeting);
END
$$;

CREATE OR REPLACE FUNCTION agreement_title(agreement uuid) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    AS $$
BEGIN
    RETURN (SELECT fold(concat_ws(' ', a.title_en, a.title_ar)) FROM agreements a WHERE a.id = agreement);
END
$$;

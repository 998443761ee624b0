-- The lists of agreements, delegations, persons and organisations: what their filters and sorts need so each
-- page is read from an index, not by sorting the whole table. A list pages by keyset on (sort key, id), so the
-- indexes that serve a sort end in id.

-- An agreement's date, like a meeting's, is as long as its precision: the last day it can have been made on,
-- which the from filter compares with. Null when undated.
ALTER TABLE agreements ADD COLUMN period_end date GENERATED ALWAYS AS (
    CASE date_precision
        WHEN 'day' THEN date
        WHEN 'month' THEN (date + interval '1 month' - interval '1 day')::date
        WHEN 'year' THEN (date + interval '1 year' - interval '1 day')::date
    END) STORED;
CREATE INDEX ix_agreements_period_end ON agreements (period_end);

-- Sorting by date puts undated agreements last through an expression that is never null.
CREATE INDEX ix_agreements_date_key_id ON agreements ((coalesce(date, 'infinity'::date)), id);
CREATE INDEX ix_agreements_title_id ON agreements ((coalesce(title_en, title_ar)), id);
-- (kind, id) and (status, id) serve both the filter and the sort, so they replace the indexes on kind and status.
DROP INDEX ix_agreements_kind;
DROP INDEX ix_agreements_status;
CREATE INDEX ix_agreements_kind_id ON agreements (kind, id);
CREATE INDEX ix_agreements_status_id ON agreements (status, id);
-- A kind or status filter in the default date order.
CREATE INDEX ix_agreements_kind_date_key_id ON agreements (kind, (coalesce(date, 'infinity'::date)), id);
CREATE INDEX ix_agreements_status_date_key_id ON agreements (status, (coalesce(date, 'infinity'::date)), id);

CREATE INDEX ix_delegations_country_id ON delegations ((coalesce(country_code, '')), id);
CREATE INDEX ix_delegations_role_id ON delegations (role, id);

CREATE INDEX ix_persons_name_id ON persons ((coalesce(name_en, name_ar)), id);

CREATE INDEX ix_organizations_name_id ON organizations ((coalesce(name_en, name_ar)), id);
-- (country_code, name, id) serves the country filter in name order, so it replaces the index on country_code.
DROP INDEX ix_organizations_country_code;
CREATE INDEX ix_organizations_country_code_name_id ON organizations (country_code, (coalesce(name_en, name_ar)), id);
CREATE INDEX ix_organizations_kind_name_id ON organizations (kind, (coalesce(name_en, name_ar)), id);

-- Grain: one row, one text: the count and a sum of row hashes of the columns that the integer keys depend
-- on (the ids and their copied numbers) in enterprises, inspections and hazards; a hazard's own id is left
-- out (renaming a hazard moves no key), which halves the cost. Stored in meta by every
-- db.sync_keys; an open that computes the same text knows that no row of those columns changed since, so the
-- keys are as the sync left them, without db.key_mismatches' joins on the text ids (a few times slower).
-- Any insert, delete or update of those columns by another tool changes it (but for a 64-bit hash collision).
select (select count(*) || ':' || coalesce(sum(hash(enterprise_id, enterprise_no)), 0) from enterprises)
       || '|' ||
       (select count(*) || ':' || coalesce(sum(hash(inspection_id, enterprise_id, enterprise_no, inspection_no)), 0)
        from inspections)
       || '|' ||
       (select count(*) || ':' ||
               coalesce(sum(hash(enterprise_id, inspection_id, enterprise_no, inspection_no)), 0)
        from hazards)
       as fingerprint

-- No query of the connector looks an investor up by zest_person_id, and the index on it (random ids, one entry per
-- person) doubled the cost of recording an import batch. A partner who resolves persons through the ledger adds
-- an index of their own.
DROP INDEX investors_zest_person_id;

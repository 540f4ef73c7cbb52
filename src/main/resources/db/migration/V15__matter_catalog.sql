-- The matter catalog: a case's applicant is a person (resident ID, gender) or an organization (unified social
-- credit code, no gender). Existing cases are all persons.
ALTER TABLE hall_case ADD COLUMN applicant_kind VARCHAR(16) DEFAULT 'PERSON' NOT NULL;
ALTER TABLE hall_case ${modifyColumn} applicant_gender VARCHAR(1) NULL;

-- Issue 21: 参保人员名册, the insured persons a hall is responsible for, imported from the 社保 system's sheet (upsert
-- by ID number). The statutory month and the minimum contribution then are computed at import from the
-- retirement-age rule (policy/retirement-age-2025.json), so that 政策找人 reads the people coming up through an
-- index instead of computing a million birthdays every morning; a new import recomputes them.
CREATE TABLE insured_person (
  id_number               VARCHAR(18)  NOT NULL PRIMARY KEY,
  name                    VARCHAR(100) NOT NULL,
  gender                  VARCHAR(1)   NOT NULL,
  original_age            VARCHAR(3)   NOT NULL,
  contribution_months     INT          NOT NULL,
  contribution_status     VARCHAR(16)  NOT NULL,
  phone                   VARCHAR(20),
  service_point_code      VARCHAR(32),
  birth_date              DATE         NOT NULL,
  statutory_month         DATE         NOT NULL,
  min_contribution_months INT          NOT NULL,
  imported_at             ${datetime}  NOT NULL
) ${tableOptions};

CREATE INDEX ix_insured_statutory_month ON insured_person (statutory_month);
CREATE INDEX ix_insured_point ON insured_person (service_point_code);

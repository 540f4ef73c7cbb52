-- Issue 18: 亲情代办. An agent acts for at most four relatives (重庆: "1人可绑定4人"); each binding records the
-- holder, the relation and the holder's consent with its date, lasts a year from the consent unless renewed, and
-- either side may end it. Ended bindings stay: they are part of the holder's history, as is every use.
CREATE TABLE family_binding (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  holder_id_number VARCHAR(18)  NOT NULL,
  agent_name       VARCHAR(100) NOT NULL,
  agent_id_number  VARCHAR(18)  NOT NULL,
  relation         VARCHAR(50)  NOT NULL,
  consent_date     DATE         NOT NULL,
  expires_on       DATE         NOT NULL,
  created_by       VARCHAR(64)  NOT NULL,
  created_at       ${datetime}  NOT NULL,
  ended_at         ${datetime},
  ended_by         VARCHAR(64),
  ended_side       VARCHAR(16)
) ${tableOptions};

CREATE INDEX ix_family_binding_agent ON family_binding (agent_id_number, ended_at);
CREATE INDEX ix_family_binding_holder ON family_binding (holder_id_number);

-- One row per agent, locked while a binding is added, so two bindings made at once cannot both be the fifth.
CREATE TABLE family_agent (
  agent_id_number VARCHAR(18) NOT NULL PRIMARY KEY
) ${tableOptions};

-- Each application made through a binding (channel FAMILY): the holder's history shows who acted, when, on which case.
CREATE TABLE family_binding_use (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  binding_id BIGINT      NOT NULL,
  case_id    VARCHAR(32) NOT NULL,
  used_at    ${datetime} NOT NULL,
  used_by    VARCHAR(64) NOT NULL
) ${tableOptions};

CREATE INDEX ix_family_binding_use ON family_binding_use (binding_id);

-- Issue 18: the service-point registry (服务网点), what partner points may handle, and staff at their points.

-- A point of the hall's network: 市 / 区县 / 镇街 / 村社区 / 合作点 (社银, 社邮, 社医). path is the codes from the top
-- down ('/CQ/CQ-BN/BN-P-0001/'): a point's descendants are the rows whose path starts with its own, which is how
-- reports roll a district up over its towns and villages. Coordinates are GCJ-02 (高德/腾讯 maps).
-- matters_listed: the point handles only the matters in service_point_matter (always so for partner points);
-- otherwise every matter of the catalog. needs_review: registered by this migration from codes typed on cases,
-- for an administrator to check (level, parent, place).
CREATE TABLE service_point (
  code           VARCHAR(32)  NOT NULL PRIMARY KEY,
  name           VARCHAR(100) NOT NULL,
  point_level    VARCHAR(16)  NOT NULL,
  parent_code    VARCHAR(32),
  path           VARCHAR(400) NOT NULL,
  partner_kind   VARCHAR(16),
  matters_listed BOOLEAN      DEFAULT FALSE NOT NULL,
  address        VARCHAR(200),
  lat            DECIMAL(9, 6),
  lng            DECIMAL(9, 6),
  office_hours   VARCHAR(100),
  phone          VARCHAR(40),
  active         BOOLEAN      DEFAULT TRUE NOT NULL,
  needs_review   BOOLEAN      DEFAULT FALSE NOT NULL
) ${tableOptions};

CREATE INDEX ix_service_point_path ON service_point (path);
CREATE INDEX ix_service_point_parent ON service_point (parent_code);
CREATE INDEX ix_service_point_place ON service_point (lat, lng);

CREATE TABLE service_point_matter (
  point_code VARCHAR(32) NOT NULL,
  matter     VARCHAR(32) NOT NULL,
  PRIMARY KEY (point_code, matter)
) ${tableOptions};

CREATE INDEX ix_service_point_matter ON service_point_matter (matter);

-- Staff belong to a point: a clerk's point is the default at intake.
CREATE TABLE staff_point (
  user_id     VARCHAR(64) NOT NULL PRIMARY KEY,
  point_code  VARCHAR(32) NOT NULL,
  assigned_by VARCHAR(64) NOT NULL,
  assigned_at ${datetime} NOT NULL
) ${tableOptions};

CREATE INDEX ix_staff_point_point ON staff_point (point_code);

-- The points already typed on stored cases, so that they keep working: one per code, with one of the names typed
-- for it (the greatest), level 区县, no parent, every matter; marked for an administrator to check.
INSERT INTO service_point (code, name, point_level, parent_code, path, matters_listed, active, needs_review)
SELECT service_point_code, MAX(service_point_name), 'DISTRICT', NULL, CONCAT('/', service_point_code, '/'), FALSE, TRUE, TRUE
FROM hall_case GROUP BY service_point_code;

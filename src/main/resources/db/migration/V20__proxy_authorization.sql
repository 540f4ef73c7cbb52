-- 帮办代办: whether the window received the applicant's 授权委托书 from the proxy (recorded with the case).
ALTER TABLE hall_case ADD COLUMN proxy_authorization BOOLEAN;

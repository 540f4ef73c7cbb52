-- 绿色通道 / 加急: why a case was taken as URGENT, as the clerk gave it at the window (shown in the case view).
ALTER TABLE hall_case ADD COLUMN priority_reason VARCHAR(200);

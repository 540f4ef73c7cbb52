package cn.yijianshi.sla;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import cn.yijianshi.security.HallGroup;
import cn.yijianshi.system.HallClock;
import org.springframework.stereotype.Service;

/** The reminders and escalations addressed to a user's groups, newest first, as the hall reads them. */
@Service
public class StaffNotices {

    static final int LATEST = 50;

    private final SlaMapper records;
    private final HallClock clock;

    private final cn.yijianshi.catalog.Departments departments;

    public StaffNotices(SlaMapper records, HallClock clock, cn.yijianshi.catalog.Departments departments) {
        this.departments = departments;
        this.records = records;
        this.clock = clock;
    }

    public record Item(String group, String groupName, String kind, String kindName, String caseId, String message,
                       OffsetDateTime at, String tasklistLink) {
    }

    /** {@code groups == null}: every group (administrators). */
    public List<Item> latestFor(Collection<String> groups) {
        if (groups != null && groups.isEmpty()) {
            return List.of();
        }
        return records.latestNotices(groups == null ? null : List.copyOf(groups), LATEST).stream().map(this::item).toList();
    }

    private Item item(StaffNotice notice) {
        String groupName = departments.groupName(notice.groupId());
        return new Item(notice.groupId(), groupName, notice.kind(), NoticeKind.displayNameOf(notice.kind()), notice.caseId(),
                notice.message(), clock.inHallZone(notice.createdAt()),
                notice.taskId() == null ? null : SlaMonitor.tasklistLink(notice.taskId()));
    }
}

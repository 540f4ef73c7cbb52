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

    public record Item(String group, String groupName, String user, String kind, String kindName, String caseId, String message,
                       OffsetDateTime at, String tasklistLink) {
    }

    /** {@code groups == null}: every group (administrators). */
    public List<Item> latestFor(Collection<String> groups) {
        return latestFor(groups, null);
    }

    /** The notices to these groups and those to {@code user} alone (a chase of the task she holds). */
    public List<Item> latestFor(Collection<String> groups, String user) {
        if (groups != null && groups.isEmpty() && user == null) {
            return List.of();
        }
        return records.latestNotices(groups == null ? null : List.copyOf(groups), user, LATEST).stream().map(this::item).toList();
    }

    private Item item(StaffNotice notice) {
        String groupName = departments.groupName(notice.groupId());
        return new Item(notice.groupId(), groupName, notice.userId(), notice.kind(), NoticeKind.displayNameOf(notice.kind()), notice.caseId(),
                notice.message(), clock.inHallZone(notice.createdAt()),
                notice.taskId() == null ? null : SlaMonitor.tasklistLink(notice.taskId()));
    }
}

package cn.yijianshi.intake;

import java.time.OffsetDateTime;
import java.util.List;

/** A case as staff see it: status, open steps, timeline. ID and phone numbers are masked. */
public record CaseView(
        String caseId, String matter, String matterName, CaseStatus status, String statusName,
        Applicant applicant, Channel channel, String channelName, String servicePointCode, String servicePointName,
        Priority priority, String acceptedBy, OffsetDateTime acceptedAt, OffsetDateTime closedAt, String outcomeReason,
        String processInstanceId, List<String> materials, List<OpenStep> openSteps, List<Event> timeline,
        Rating rating, String priorityName, String priorityReason, List<Material> receivedMaterials,
        List<Material> missingMaterials, String materialsNote, OffsetDateTime supplementDue, List<Notice> notices,
        OffsetDateTime promisedBy, List<Step> steps, Proxy proxy) {

    /** Who applied for the citizen (帮办代办, 亲情代办), masked, and whether the 授权委托书 was received. */
    public record Proxy(String name, String idNumber, String relation, boolean authorization) {
    }

    /** Each step of the case, open or done: which department, who did it, when, against which due date. */
    public record Step(String name, String group, String groupName, String assignee, OffsetDateTime started,
                       OffsetDateTime due, OffsetDateTime completed, String state) {
    }

    /** A material by its code and its name in the matter's file. */
    public record Material(String code, String name, String where) {
    }

    /** A message sent (or queued) to the citizen; the phone number masked. */
    public record Notice(String kind, OffsetDateTime at, String recipient, String text, String status) {
    }

    public record Applicant(String name, String kind, String idNumber, String gender, String phone) {
    }

    public record OpenStep(String taskId, String taskDefinitionKey, String name, String assignee,
                           List<String> candidateGroups, OffsetDateTime created, OffsetDateTime due,
                           OffsetDateTime followUp, int priority, boolean provisional) {
        // provisional: the due date rests on a year without a loaded State Council holiday notice
    }

    public record Event(OffsetDateTime at, String actor, String event, String description) {
    }

    public record Rating(Integer score, String comment, OffsetDateTime ratedAt) {
    }
}

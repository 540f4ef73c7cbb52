package cn.yijianshi.closure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A requested status change, with what that change needs (resolution, call-back, where it is referred to). The
 * call-back may come as a record (who called, when, the citizen's answer) or, as before, as {@code callbackResult}
 * alone: then the one making the change called, just now.
 */
public record IssueChange(
        @NotNull(message = "必须填写目标状态|is required") IssueStatus status,
        @Size(max = 2000, message = "说明最多2000字|at most 2000 characters") String note,
        @Size(max = 2000, message = "处理结果最多2000字|at most 2000 characters") String resolution,
        @Size(max = 1000, message = "佐证材料最多1000字|at most 1000 characters") String evidence,
        @Size(max = 1000, message = "回访结果最多1000字|at most 1000 characters") String callbackResult,
        @Size(max = 200, message = "转介单位最多200字|at most 200 characters") String referredTo,
        @Size(max = 64, message = "责任人过长|too long") String responsiblePerson,
        @Valid CallBack callback) {

    public IssueChange(IssueStatus status, String note, String resolution, String evidence, String callbackResult,
                       String referredTo, String responsiblePerson) {
        this(status, note, resolution, evidence, callbackResult, referredTo, responsiblePerson, null);
    }

    public static IssueChange to(IssueStatus status, String note) {
        return new IssueChange(status, note, null, null, null, null, null);
    }
}

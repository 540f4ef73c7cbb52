package cn.yijianshi.closure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What raising a problem takes. */
public record NewIssue(
        @NotNull(message = "必须填写问题来源|is required") IssueSource source,
        @NotNull(message = "必须填写问题类别|is required") IssueCategory category,
        @NotBlank(message = "必须描述问题|is required") @Size(max = 2000, message = "问题描述最多2000字|at most 2000 characters") String description,
        @Size(max = 32, message = "办件编号过长|too long") String caseId,
        @NotBlank(message = "必须填写责任部门|is required") @Size(max = 64, message = "责任部门过长|too long") String responsibleDept) {
}

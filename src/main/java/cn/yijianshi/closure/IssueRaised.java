package cn.yijianshi.closure;

/**
 * Published inside the transaction that raised an issue. {@code needsProcess} is false when the issue
 * was raised by a hard-case process that is already working it.
 */
public record IssueRaised(Issue issue, boolean needsProcess) {
}

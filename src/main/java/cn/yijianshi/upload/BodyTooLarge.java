package cn.yijianshi.upload;

import java.io.IOException;

import cn.yijianshi.system.ApiProblem;

/**
 * A body without a declared length (chunked) went past its upload rule's limit while it was being read; thrown
 * by the stream {@link UploadSizeLimit} hands on, so the endpoint stops before it stores anything. Answered 413.
 */
public class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public ApiProblem problem() {
        return UploadPolicy.tooLarge("body", limit).toProblem();
    }

    /** The BodyTooLarge somewhere among a failure's causes (a JSON reader wraps it), or null. */
    public static BodyTooLarge in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}

package cn.yijianshi.system;

import org.springframework.http.HttpStatus;

/**
 * A request the hall refuses, with what was wrong in Chinese and English and the field it concerns.
 * Thrown before anything is written, or inside the transaction that is then rolled back.
 */
public class RefusedRequest extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String messageZh;
    private final String messageEn;

    private RefusedRequest(HttpStatus status, String field, String messageZh, String messageEn) {
        super(field + "：" + messageZh + " / " + field + ": " + messageEn);
        this.status = status;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public static RefusedRequest badInput(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.BAD_REQUEST, field, messageZh, messageEn);
    }

    public static RefusedRequest conflict(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.CONFLICT, field, messageZh, messageEn);
    }

    public static RefusedRequest notFound(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.NOT_FOUND, field, messageZh, messageEn);
    }

    public static RefusedRequest forbidden(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.FORBIDDEN, field, messageZh, messageEn);
    }

    /** 413: a body or uploaded file larger than its upload policy allows (cn.yijianshi.upload.UploadPolicy). */
    /** Too many tries in a short time (the citizen's progress check): 429. */
    public static RefusedRequest tooManyRequests(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.TOO_MANY_REQUESTS, field, messageZh, messageEn);
    }

    public static RefusedRequest payloadTooLarge(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.PAYLOAD_TOO_LARGE, field, messageZh, messageEn);
    }

    /** 415: an uploaded file whose content is not a kind its endpoint takes. */
    /** 401: the caller must sign in first (码上办's citizen session). */
    public static RefusedRequest unauthorized(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.UNAUTHORIZED, field, messageZh, messageEn);
    }

    /** 503: the service is not configured here (e.g. no 实名认证 provider). */
    public static RefusedRequest unavailable(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.SERVICE_UNAVAILABLE, field, messageZh, messageEn);
    }

    public static RefusedRequest unsupportedMediaType(String field, String messageZh, String messageEn) {
        return new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, field, messageZh, messageEn);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiProblem toProblem() {
        return ApiProblem.of(status, new ApiProblem.FieldError(field, messageZh, messageEn));
    }
}

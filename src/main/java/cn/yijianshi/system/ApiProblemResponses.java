package cn.yijianshi.system;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every way a request can be wrong into one JSON shape ({@link ApiProblem}), naming the field,
 * in Chinese and English. Bean Validation messages are written "中文|English".
 */
@RestControllerAdvice
public class ApiProblemResponses {

    @ExceptionHandler(RefusedRequest.class)
    ResponseEntity<ApiProblem> refused(RefusedRequest e) {
        return ResponseEntity.status(e.status()).body(e.toProblem());
    }

    /** A logged-in user whose groups may not do this (@PreAuthorize): 403 in Chinese and English. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ApiProblem> notAllowed(org.springframework.security.access.AccessDeniedException e) {
        RefusedRequest refused = RefusedRequest.forbidden("user", "您所在的用户组无权执行此操作",
                "your groups are not allowed to do this");
        return ResponseEntity.status(refused.status()).body(refused.toProblem());
    }

    /**
     * A deadlock or lock wait that outlasted {@link LockConflictRetry} (or reached an API that does not retry):
     * the transaction was rolled back whole, so 503 with Retry-After says "nothing was saved, send it again",
     * in Chinese and English. Every other database or engine failure goes on as before.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.camunda.bpm.engine.ProcessEngineException.class})
    ResponseEntity<ApiProblem> lockConflict(RuntimeException e) {
        if (!LockConflicts.isLockConflict(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "1")
                .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, new ApiProblem.FieldError("request",
                        "系统繁忙（多人同时办理，数据库锁冲突），本次提交未保存，请稍后重新提交",
                        "busy (lock conflict with concurrent requests): nothing was saved, please send it again")));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiProblem> invalidBody(MethodArgumentNotValidException e) {
        List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(org.springframework.validation.FieldError::getField))
                .map(f -> bilingual(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        if (errors.isEmpty()) {
            errors = List.of(new ApiProblem.FieldError("body", "请求内容无效", "invalid request body"));
        }
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiProblem> invalidParameter(HandlerMethodValidationException e) {
        List<ApiProblem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> bilingual(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .collect(Collectors.toList());
        return badRequest(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiProblem> unreadable(HttpMessageNotReadableException e) {
        cn.yijianshi.upload.BodyTooLarge tooLarge = cn.yijianshi.upload.BodyTooLarge.in(e);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "))
                    : null;
            String zh = "取值无效：" + invalid.getValue() + (allowed == null ? "" : "；可选值：" + allowed);
            String en = "invalid value: " + invalid.getValue() + (allowed == null ? "" : "; allowed: " + allowed);
            return badRequest(List.of(new ApiProblem.FieldError(path(invalid), zh, en)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(List.of(new ApiProblem.FieldError(path(mapping), "格式错误", "malformed value")));
        }
        return badRequest(List.of(new ApiProblem.FieldError("body", "请求内容不是有效的 JSON", "request body is not valid JSON")));
    }

    /** A JSON body cut off past its upload policy's limit while it was read (chunked): 413, as when its length is declared. */
    private static ResponseEntity<ApiProblem> bodyTooLarge(cn.yijianshi.upload.BodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
    }

    /**
     * A field the request type does not have ("isAdmin": true) is refused rather than ignored
     * (spring.jackson.deserialization.fail-on-unknown-properties), so a client learns of its mistake.
     */
    private static ResponseEntity<ApiProblem> unknownField(UnrecognizedPropertyException unknown) {
        String name = unknown.getPropertyName();
        return badRequest(List.of(new ApiProblem.FieldError(path(unknown),
                "不接受字段 " + name + "，请删除后重新提交", "unknown field " + name + ": remove it and send again")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiProblem> missingParameter(MissingServletRequestParameterException e) {
        return badRequest(List.of(new ApiProblem.FieldError(e.getParameterName(), "缺少参数", "parameter is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiProblem> missingHeader(MissingRequestHeaderException e) {
        return badRequest(List.of(new ApiProblem.FieldError(e.getHeaderName(), "缺少请求头", "header is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiProblem> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new ApiProblem.FieldError(e.getName(), "格式错误：" + e.getValue(),
                "malformed value: " + e.getValue())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                new ApiProblem.FieldError("Content-Type", "请以 application/json 提交", "send application/json")));
    }

    private static ResponseEntity<ApiProblem> badRequest(List<ApiProblem.FieldError> errors) {
        return ResponseEntity.badRequest().body(ApiProblem.of(HttpStatus.BAD_REQUEST, errors));
    }

    static ApiProblem.FieldError bilingual(String field, String message) {
        if (message == null) {
            return new ApiProblem.FieldError(field, "无效", "invalid");
        }
        int bar = message.indexOf('|');
        return bar < 0 ? new ApiProblem.FieldError(field, message, message)
                : new ApiProblem.FieldError(field, message.substring(0, bar), message.substring(bar + 1));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}

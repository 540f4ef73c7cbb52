package cn.yijianshi.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The body of every refused API call: the first problem at top level (field, Chinese message,
 * English message) and all of them in {@code errors}.
 */
public record ApiProblem(int status, String error, String field, String message, String messageEn,
                         List<FieldError> errors) {

    public record FieldError(String field, String message, String messageEn) {
    }

    public static ApiProblem of(HttpStatus status, FieldError first, FieldError... more) {
        List<FieldError> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        return of(status, all);
    }

    public static ApiProblem of(HttpStatus status, List<FieldError> errors) {
        FieldError first = errors.get(0);
        return new ApiProblem(status.value(), status.name(), first.field(),
                first.field() + "：" + first.message(), first.field() + ": " + first.messageEn(), List.copyOf(errors));
    }
}

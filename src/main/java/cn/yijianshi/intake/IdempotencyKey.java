package cn.yijianshi.intake;

import cn.yijianshi.system.RefusedRequest;

/**
 * The client's {@code Idempotency-Key} header on {@code POST /api/cases}: 8 to 100 characters, each an
 * ASCII letter or digit or one of {@code . _ : -}, so that a UUID, a ULID or "window3-20261124-0042"
 * fits and nothing that could confuse a log line, a URL or a column does. Anything else is refused
 * with 400 naming the header, before anything is looked up or written.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 100;

    private IdempotencyKey() {
    }

    /** The key as sent, null when the header is absent; a malformed key is refused. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() < MIN_LENGTH || key.length() > MAX_LENGTH) {
            throw RefusedRequest.badInput(HEADER, "幂等键长度须为" + MIN_LENGTH + "到" + MAX_LENGTH + "个字符",
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < key.length(); i++) {
            if (!allowed(key.charAt(i))) {
                throw RefusedRequest.badInput(HEADER, "幂等键只能包含英文字母、数字和 . _ : -（例如 UUID）",
                        "may contain only ASCII letters, digits and . _ : - (a UUID, for example)");
            }
        }
        return key;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }
}

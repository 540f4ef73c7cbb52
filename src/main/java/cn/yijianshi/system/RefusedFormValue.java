package cn.yijianshi.system;

/**
 * A value a person entered in a task's form that the step cannot take (a wrong ID number, a check not
 * answered): thrown by the step while the task is completed, so the completion is rolled back and nothing
 * changes. Camunda's REST answers it 400 naming the field, in Camunda's {type, message} shape with the
 * Chinese and English texts beside it ({@link EngineRestProblems}), instead of a 500.
 */
public class RefusedFormValue extends IllegalArgumentException {

    private final String field;
    private final String messageZh;
    private final String messageEn;

    public RefusedFormValue(String field, String zh, String en) {
        super(field + "：" + zh + " / " + field + ": " + en);
        this.field = field;
        this.messageZh = field + "：" + zh;
        this.messageEn = field + ": " + en;
    }

    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}

package cn.yijianshi.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.yijianshi.retirement.RetirementFacts;

/**
 * What the window (or 码上办, 帮办代办, a partner point) submits to open a case of any matter: the applicant (a
 * person by resident ID, an organization by unified social credit code), how it came in, the materials, and the
 * matter's own {@code facts}, checked against its intake form. The retirement body windows sent before the catalog
 * ({@code "retirement": {...}}) is still taken. Messages are "中文|English"; checks that span fields are in
 * {@link CaseIntake}. An URGENT application (绿色通道, 加急) gives its {@code priorityReason}.
 */
public record CaseIntakeRequest(
        @NotBlank(message = "必须填写事项|is required") @Size(max = 32, message = "事项代码过长|too long") String matter,
        @NotNull(message = "必须填写申请人|is required") @Valid Applicant applicant,
        @NotNull(message = "必须填写受理渠道|is required") Channel channel,
        @Valid ServicePoint servicePoint,
        @Valid Proxy proxy,
        @Size(max = 50, message = "材料最多50项|at most 50 items")
        List<@NotBlank(message = "材料代码不能为空|must not be blank") @Size(max = 64, message = "材料代码过长|too long") String> materials,
        Priority priority,
        @Size(max = 200, message = "加急原因最多200字|at most 200 characters") String priorityReason,
        @Size(max = 100, message = "受理要素最多100项|at most 100 fields") java.util.Map<String, Object> facts,
        @Valid RetirementFacts retirement) {

    public record Applicant(
            @NotBlank(message = "必须填写姓名|is required") @Size(max = 50, message = "姓名过长|too long") String name,
            @Size(max = 18, message = "证件号码过长|too long") String idNumber,
            @Size(max = 18, message = "统一社会信用代码应为18位|must have 18 characters") String creditCode,
            @Pattern(regexp = "[MF]", message = "性别只能是 M 或 F|must be M or F") String gender,
            @NotBlank(message = "必须填写联系电话|is required")
            @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", message = "电话号码格式不正确|not a valid phone number")
            String phone) {
    }

    /**
     * Where the case is accepted, by the registry's code (cn.yijianshi.points); left out, the clerk's own point (or the
     * hall's default). {@code name} is still taken from windows that send it, but not checked: the case records the
     * registry's name.
     */
    public record ServicePoint(
            @NotBlank(message = "必须填写网点代码|is required") @Size(max = 32, message = "网点代码过长|too long") String code,
            @Size(max = 100, message = "网点名称过长|too long") String name) {
    }

    public record Proxy(
            @NotBlank(message = "必须填写代办人姓名|is required") @Size(max = 50, message = "姓名过长|too long") String name,
            @NotBlank(message = "必须填写代办人身份证号码|is required") @ValidResidentId String idNumber,
            @NotBlank(message = "必须填写与申请人关系|is required") @Size(max = 50, message = "关系过长|too long") String relation,
            Boolean authorization) {
        // authorization: the window received the applicant's 授权委托书 (recorded with the case, printed on the receipt)

        public Proxy(String name, String idNumber, String relation) {
            this(name, idNumber, relation, null);
        }
    }

    public Priority priorityOrDefault() {
        return priority == null ? Priority.NORMAL : priority;
    }

    public java.util.Map<String, Object> factsOrEmpty() {
        return facts == null ? java.util.Map.of() : facts;
    }

    public List<String> materialsOrEmpty() {
        return materials == null ? List.of() : materials;
    }
}

package cn.yijianshi.outreach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.yijianshi.catalog.Matter;
import cn.yijianshi.notify.Outbox;
import cn.yijianshi.points.ServicePoint;
import cn.yijianshi.points.ServicePointRegistry;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells an invited citizen by SMS, in the policy's words (policy/outreach.json {@code sms}: one template for those who
 * reach the minimum contribution, one for those short of it, with the months lacking and what they may do), with a
 * link to 码上办. Queued in the outbox inside the caller's transaction, under the invitation's number.
 */
@Component
public class InvitationNotice {

    static final String KIND = "OUTREACH_INVITATION";

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final Outbox outbox;
    private final ServicePointRegistry points;
    private final String publicUrl;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public InvitationNotice(Outbox outbox, ServicePointRegistry points,
                            @Value("${yijianshi.public-url:http://localhost:8080}") String publicUrl) {
        this.outbox = outbox;
        this.points = points;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The text sent (also when there is no phone to send it to: then nothing is queued). */
    public String tell(Invitation invitation, Matter matter, OutreachPolicy policy) {
        OutreachPolicy.Sms sms = policy.sms().get(invitation.reachesMinimum() ? "reached" : "short");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("invitationId", invitation.invitationId());
        params.put("name", invitation.name());
        params.put("month", invitation.month().getYear() + "年" + invitation.month().getMonthValue() + "月");
        params.put("contributionMonths", invitation.contributionMonths());
        params.put("minContributionMonths", invitation.minContributionMonths());
        params.put("monthsLacking", invitation.monthsLacking());
        params.put("materials", toBring(invitation, matter, policy));
        params.put("options", policy.shortOptionsText());
        params.put("pointName", invitation.servicePointCode() == null ? "就近服务网点"
                : points.find(invitation.servicePointCode()).map(ServicePoint::getName).orElse("就近服务网点"));
        params.put("link", publicUrl + "/online?invitation=" + invitation.invitationId());
        params.put("expiresOn", invitation.expiresOn().toString());
        String text = compiled.computeIfAbsent(sms.text(), MUSTACHE::compile).execute(params);
        if (invitation.phone() != null && invitation.phone().matches("1[3-9]\\d{9}")) {
            outbox.send(invitation.invitationId(), KIND, sms.template(), invitation.phone(), text, params);
        }
        return text;
    }

    /** The materials the citizen must still bring: those needed, less those the hall holds (policy). */
    static String toBring(Invitation invitation, Matter matter, OutreachPolicy policy) {
        List<String> names = invitation.materialCodes().stream().filter(code -> !policy.materialsOnFile().contains(code))
                .map(matter::materialName).toList();
        return names.isEmpty() ? "（无需另带材料）" : String.join("、", names);
    }
}

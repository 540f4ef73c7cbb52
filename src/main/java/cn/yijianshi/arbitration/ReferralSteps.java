package cn.yijianshi.arbitration;

import java.time.LocalDate;

import cn.yijianshi.closure.Issue;
import cn.yijianshi.closure.IssueChange;
import cn.yijianshi.closure.IssueLedger;
import cn.yijianshi.closure.IssueStatus;
import cn.yijianshi.intake.ResidentIdNumber;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.PersonalData;
import cn.yijianshi.system.RefusedFormValue;
import cn.yijianshi.system.TaskActor;
import cn.yijianshi.notify.Outbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of the referral process that do work, each called by name from the BPMN
 * ({@code ${arbitration.submit(execution)}} ...). The route is the BPMN's.
 */
@Component("arbitration")
public class ReferralSteps {

    /** Form fields of 整理仲裁申请材料 for an applicant with no ID or phone number on file. */
    static final String APPLICANT_ID_NUMBER = "applicantIdNumber";
    static final String APPLICANT_PHONE = "applicantPhone";
    /** Which deadline a check is about, as the BPMN names it. */
    static final String ACCEPTANCE = "ACCEPTANCE";

    private final Referrals referrals;
    private final StatutoryClock law;
    private final IssueLedger ledger;
    private final Outbox outbox;
    private final HallClock clock;

    public ReferralSteps(Referrals referrals, StatutoryClock law, IssueLedger ledger, Outbox outbox, HallClock clock) {
        this.referrals = referrals;
        this.law = law;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** 发起仲裁转介 (from the hard-case process): the labour dispute goes to the liaison. */
    public void openFromHardCase(DelegateExecution execution) {
        String issueId = (String) execution.getVariable("issueId");
        String caseId = execution.getProcessBusinessKey();
        referrals.openFromIssue(issueId, caseId != null && !caseId.equals(issueId) ? caseId : null,
                (String) execution.getVariable("applicantName"), (String) execution.getVariable("expert"));
    }

    /** 登记申请材料与时效: what the liaison put together, and the limitation warning it calls for. */
    public void prepared(DelegateExecution execution) {
        String referralId = execution.getProcessBusinessKey();
        Object dispute = execution.getVariable("disputeDate");
        LocalDate disputeDate = dispute == null || dispute.toString().isBlank() ? null : LocalDate.parse(dispute.toString());
        String claims = (String) execution.getVariable("claimsText");
        String warning = referrals.limitationWarning(disputeDate, claims != null && claims.contains("工资"));
        String idNumber = applicantIdNumber(execution);
        String phone = blankToNull(execution.getVariable(APPLICANT_PHONE));
        referrals.moveTo(referralId, ReferralStatus.PREPARING, r -> {
            if (idNumber != null) {
                r.setApplicantIdNumber(idNumber);
            }
            if (phone != null) {
                r.setApplicantPhone(phone);
            }
            r.setEmployerName((String) execution.getVariable("employerName"));
            r.setEmployerCreditCode(blankToNull(execution.getVariable("employerCreditCode")));
            r.setClaims(claims);
            r.setDisputeDate(disputeDate);
            r.setMediation(Boolean.TRUE.equals(execution.getVariable("mediation")));
            r.setLimitationWarning(warning);
        });
        execution.setVariable("limitationWarning", warning);
        keepOnlyMasked(execution, referralId);
    }

    /** The ID number typed in the form, if any, checked as the API checks it (place, birth date, check character). */
    private String applicantIdNumber(DelegateExecution execution) {
        String typed = blankToNull(execution.getVariable(APPLICANT_ID_NUMBER));
        if (typed == null) {
            return null;
        }
        try {
            return ResidentIdNumber.read(typed, clock.today()).value();
        } catch (ResidentIdNumber.Invalid e) {
            throw new RefusedFormValue("applicantIdNumber", "申请人证件号码无效：" + e.messageZh() + "，请核对后重新提交。",
                    "not a valid ID number: " + e.messageEn() + ".");
        }
    }

    /** The full numbers live in the referral table only; the process keeps their masked form. */
    private void keepOnlyMasked(DelegateExecution execution, String referralId) {
        Referral referral = referrals.require(referralId);
        execution.removeVariable(APPLICANT_ID_NUMBER);
        execution.removeVariable(APPLICANT_PHONE);
        execution.setVariable("applicantIdMasked", PersonalData.maskIdNumber(referral.getApplicantIdNumber()));
        execution.setVariable("applicantPhoneMasked", PersonalData.maskPhone(referral.getApplicantPhone()));
    }

    /** 登记调解: mediation first; 15 days on the law's clock. */
    public void startMediation(DelegateExecution execution) {
        Referral referral = referrals.moveTo(execution.getProcessBusinessKey(), ReferralStatus.MEDIATING,
                r -> r.setMediationDeadline(law.mediationDeadline(clock.today())));
        execution.setVariable("mediationDeadlineAt", law.passedAt(referral.getMediationDeadline()));
    }

    /** 提交仲裁委: sent; the commission must decide on acceptance within 5 working days. */
    public void submit(DelegateExecution execution) {
        Referral referral = referrals.moveTo(execution.getProcessBusinessKey(), ReferralStatus.SUBMITTED, r -> {
            r.setSubmittedDate(clock.today());
            r.setAcceptanceDeadline(law.acceptanceDeadline(clock.today()));
        });
        execution.setVariable("acceptanceDeadlineAt", law.passedAt(referral.getAcceptanceDeadline()));
        tell(referral, "ARBITRATION_SUBMITTED", "您的劳动争议仲裁申请已提交劳动人事争议仲裁院，仲裁院应于 "
                + referral.getAcceptanceDeadline() + " 前作出是否受理的决定。");
    }

    /** 告知已受理与裁决期限: the award is due 45 days after acceptance (art. 43). */
    public void tellAccepted(DelegateExecution execution) {
        Referral referral = referrals.require(execution.getProcessBusinessKey());
        tell(referral, "ARBITRATION_ACCEPTED", "劳动人事争议仲裁院已于 " + referral.getAcceptedDate() + " 受理您的仲裁申请，预计于 "
                + referral.getAwardDeadline() + " 前作出裁决（经仲裁院负责人批准可延期一次，最长不超过15日）。");
    }

    /** 告知延期审理与新裁决期限: the one extension the law allows. */
    public void tellExtended(DelegateExecution execution) {
        Referral referral = referrals.require(execution.getProcessBusinessKey());
        tell(referral, "ARBITRATION_EXTENDED", "经仲裁院负责人批准，您的仲裁案件延期审理，裁决期限延至 " + referral.getAwardDeadline()
                + "。逾期未作出裁决的，您可以就该劳动争议事项向人民法院提起诉讼。");
    }

    /** 告知申请已撤回: the citizen withdrew, during mediation or arbitration. */
    public void tellWithdrawn(DelegateExecution execution) {
        Referral referral = referrals.require(execution.getProcessBusinessKey());
        tell(referral, "ARBITRATION_WITHDRAWN", "您的劳动争议" + (referral.getSubmittedDate() == null ? "调解" : "仲裁")
                + "申请已撤回，本次转介结束。在仲裁时效内您仍可重新申请；如需帮助，请到服务大厅或拨打12333。");
    }

    /** 告知结果 (award or mediation): what the liaison told the citizen also reaches the citizen's phone. */
    public void tellOutcome(DelegateTask task) {
        Referral referral = referrals.require(task.getExecution().getProcessBusinessKey());
        String outcome = (String) task.getExecution().getVariable("outcome");
        String told = blankToNull(task.getExecution().getVariable("outcomeSummary"));
        tell(referral, "ARBITRATION_OUTCOME", "您的劳动争议" + (outcome == null ? "已有结果" : "结果：" + ReferralStatus.valueOf(outcome).displayName())
                + "。" + (told != null ? told : "详情请到服务大厅或拨打12333咨询。"));
    }

    /**
     * 核实受理情况 / 核实裁决情况 created: the deadline passed with nothing recorded. The referral shows it is being
     * checked; the form shows the deadline. The awaited events stay possible (the task's boundary events).
     */
    public void verifying(DelegateTask task, String deadline) {
        boolean acceptance = ACCEPTANCE.equals(deadline);
        Referral referral = referrals.moveTo(task.getExecution().getProcessBusinessKey(),
                acceptance ? ReferralStatus.VERIFYING_ACCEPTANCE : ReferralStatus.VERIFYING_AWARD, r -> { });
        LocalDate due = acceptance ? referral.getAcceptanceDeadline() : referral.getAwardDeadline();
        task.setVariableLocal(acceptance ? "acceptanceDeadline" : "awardDeadline", due == null ? null : due.toString());
    }

    /**
     * The liaison's answer: the commission confirmed it has not decided (确未受理 / 确未裁决). Only this answer tells the
     * citizen of the right to sue; it goes into the referral's history with what the liaison wrote and who checked.
     */
    public void verified(DelegateTask task, String deadline) {
        boolean acceptance = ACCEPTANCE.equals(deadline);
        String field = acceptance ? "acceptanceVerification" : "awardVerification";
        String expected = acceptance ? "NOT_ACCEPTED" : "NOT_AWARDED";
        String answer = blankToNull(task.getVariable(field));
        String note = blankToNull(task.getVariable("verificationNote"));
        if (!expected.equals(answer) || note == null) {
            throw new RefusedFormValue(field, "请选择「" + (acceptance ? "确未受理" : "确未裁决") + "」并填写核实记录；"
                    + "仲裁院已作出决定的，请登记该事件，本任务随即结束。", "answer " + expected
                    + " and write down the check (verificationNote); if the commission has decided, record that event instead.");
        }
        // a notice loaded meanwhile may have moved the deadline: the commission still has time, the citizen is not told yet
        Referral referral = referrals.require(task.getExecution().getProcessBusinessKey());
        LocalDate due = acceptance ? referral.getAcceptanceDeadline() : referral.getAwardDeadline();
        if (due != null && !clock.today().isAfter(due)) {
            throw new RefusedFormValue(field, (acceptance ? "受理" : "裁决") + "期限 " + due
                    + " 尚未届满（可能已按放假通知调整），仲裁院仍可作出决定，请于期满后再确认。", "the deadline "
                    + due + " has not passed yet (a holiday notice may have moved it); confirm after it.");
        }
        referrals.note(task.getExecution().getProcessBusinessKey(), acceptance ? "ACCEPTANCE_VERIFIED" : "AWARD_VERIFIED",
                (acceptance ? "核实确未受理：" : "核实确未裁决：") + note,
                TaskActor.recorded(task.getExecution(), "verifiedBy", "arbitration-liaison"));
    }

    /** 告知起诉权利: not accepted, or a deadline passed: the citizen may sue in court. */
    public void tellRightToSue(DelegateExecution execution, String reason) {
        String referralId = execution.getProcessBusinessKey();
        Referral referral = switch (reason) {
            case "ACCEPTANCE_OVERDUE" -> referrals.moveTo(referralId, ReferralStatus.ACCEPTANCE_OVERDUE, r -> r.setOutcome(reason));
            case "AWARD_OVERDUE" -> referrals.moveTo(referralId, ReferralStatus.AWARD_OVERDUE, r -> r.setOutcome(reason));
            default -> referrals.require(referralId);
        };
        execution.setVariable("outcome", reason);
        tell(referral, "RIGHT_TO_SUE", "您的劳动争议：" + whySue(reason) + "。依照劳动争议调解仲裁法，您可以就该劳动争议事项向人民法院提起诉讼。");
    }

    private static String whySue(String reason) {
        return switch (reason) {
            case "ACCEPTANCE_OVERDUE" -> "仲裁院逾期未作出受理决定";
            case "AWARD_OVERDUE" -> "仲裁院逾期未作出裁决";
            default -> "仲裁院决定不予受理";
        };
    }

    /**
     * 登记仲裁结果: whatever the end (award, mediation, refusal, a deadline passed, withdrawal), the linked issue
     * gets the outcome as its resolution and waits for the call-back; the call-back form shows what was told.
     */
    public void outcomeToLedger(DelegateExecution execution) {
        String issueId = (String) execution.getVariable("issueId");
        if (issueId == null) {
            return;
        }
        String outcome = (String) execution.getVariable("outcome");
        String told = blankToNull(execution.getVariable("outcomeSummary"));
        String resolution = "仲裁结果：" + ReferralStatus.valueOf(outcome).displayName() + "（" + outcome + "）。"
                + (told != null ? told : switch (outcome) {
                    case "REJECTED", "ACCEPTANCE_OVERDUE", "AWARD_OVERDUE" -> whySue(outcome) + "，已告知群众可向人民法院起诉。";
                    case "WITHDRAWN" -> "群众撤回申请，已告知。";
                    default -> "已告知群众。";
                });
        Issue issue = ledger.change(issueId, new IssueChange(IssueStatus.RESOLVED, "仲裁结果", resolution, null, null, null, null),
                TaskActor.recorded(execution, "toldBy", "arbitration-liaison"));
        execution.setVariable("replyText", resolution);
        execution.setVariable("issueCategory", issue.getCategory().name());
        execution.setVariable("issueDescription", issue.getDescription());
        execution.setVariable("issueSource", issue.getSource().name());
    }

    /** 销号: the citizen is satisfied at the call-back. */
    public void closeIssue(DelegateExecution execution) {
        ledger.change((String) execution.getVariable("issueId"), new IssueChange(IssueStatus.CLOSED, "仲裁结果回访满意，销号", null,
                null, (String) execution.getVariable("callbackResult"), null, null), TaskActor.recorded(execution, "callbackBy", "coordinators"));
    }

    /**
     * 登记重办: not satisfied; the issue goes back, under the key its hard case has, to the expert who held
     * it (一对一销号), or to the experts' 认领疑难件 when nobody did.
     */
    public void reopenIssue(DelegateExecution execution) {
        Issue issue = ledger.change((String) execution.getVariable("issueId"), new IssueChange(IssueStatus.REOPENED,
                "仲裁结果回访不满意，退回专家重办", null, null, (String) execution.getVariable("callbackResult"), null, null),
                TaskActor.recorded(execution, "callbackBy", "coordinators"));
        execution.setVariable("hardCaseKey", issue.getCaseId() != null ? issue.getCaseId() : issue.getIssueId());
        execution.setVariable("reworkExpert", issue.getResponsiblePerson());
    }

    /** Every message names the citizen and the referral; ID numbers only masked, and nothing else unmasked. */
    private void tell(Referral referral, String kind, String message) {
        if (referral.getApplicantPhone() != null) {
            String whose = (referral.getApplicantName() == null ? "" : referral.getApplicantName()) + "您好（转介编号 " + referral.getReferralId()
                    + (referral.getApplicantIdNumber() == null ? "" : "，身份证 " + PersonalData.maskIdNumber(referral.getApplicantIdNumber()))
                    + "）：";
            outbox.send(referral.getReferralId(), kind, referral.getApplicantPhone(), PersonalData.maskInText(whose + message),
                    referral.getApplicantName() == null ? java.util.Map.of() : java.util.Map.of("name", referral.getApplicantName()));
        }
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}

package cn.yijianshi.retirement;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.yijianshi.intake.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 一次性告知: one notice that lists every missing item at once (and what the clerk found wrong),
 * stored and sent through the outbox; the case then waits for the supplement.
 */
@Component("missingMaterialsNotice")
public class MissingMaterialsNotice implements JavaDelegate {

    private final CaseFile caseFile;
    private final MaterialCatalogue catalogue;
    private final String supplementWait;

    public MissingMaterialsNotice(CaseFile caseFile, MaterialCatalogue catalogue,
                                  @Value("${yijianshi.retirement.supplement-wait:P30D}") String supplementWait) {
        this.caseFile = caseFile;
        this.catalogue = catalogue;
        this.supplementWait = supplementWait;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String missingCodes = (String) execution.getVariable("missingMaterialCodes");
        String missing = missingCodes == null || missingCodes.isBlank() ? "" : Arrays.stream(missingCodes.split(","))
                .map(catalogue::nameOf).collect(Collectors.joining("、"));
        Object note = execution.getVariable("materialsNote");
        StringBuilder notice = new StringBuilder("【一次性告知】您的退休一件事申请（").append(caseId).append("）尚需补正：");
        if (!missing.isEmpty()) {
            notice.append(missing).append("。");
        }
        if (note != null && !note.toString().isBlank()) {
            notice.append("窗口审核意见：").append(note).append("。");
        }
        notice.append("请在 ").append(Durations.chinese(supplementWait)).append(" 内补齐，逾期视为撤回。");

        execution.setVariable("supplementWait", supplementWait);
        execution.setVariable("missingMaterialsNotice", notice.toString());
        caseFile.waitForCitizen(caseId);
        caseFile.record(caseId, null, "MATERIALS_NOTICE", notice.toString());
        caseFile.tellCitizen(caseId, "MATERIALS_NOTICE", notice.toString());
    }
}

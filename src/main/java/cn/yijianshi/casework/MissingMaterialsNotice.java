package cn.yijianshi.casework;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import cn.yijianshi.catalog.Matter;
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
    private final CitizenNotices notices;
    private final String supplementWait;

    public MissingMaterialsNotice(CaseFile caseFile, CitizenNotices notices,
                                  @Value("${yijianshi.supplement-wait:${yijianshi.retirement.supplement-wait:P30D}}") String supplementWait) {
        this.caseFile = caseFile;
        this.notices = notices;
        this.supplementWait = supplementWait;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        Matter matter = notices.matterOf(execution);
        String missingCodes = (String) execution.getVariable("missingMaterialCodes");
        String missing = missingCodes == null || missingCodes.isBlank() ? "" : Arrays.stream(missingCodes.split(","))
                .map(matter::materialName).collect(Collectors.joining("、"));
        Object note = execution.getVariable("materialsNote");
        execution.setVariable("supplementWait", supplementWait);
        caseFile.waitForCitizen(caseId);
        String notice = notices.tell(execution, "MATERIALS_NOTICE", Map.of("missing", missing,
                "note", note == null ? "" : note.toString().trim(), "wait", Durations.chinese(supplementWait)));
        execution.setVariable("missingMaterialsNotice", notice);
        caseFile.record(caseId, null, "MATERIALS_NOTICE", notice);
    }
}

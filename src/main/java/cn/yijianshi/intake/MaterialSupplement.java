package cn.yijianshi.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.yijianshi.sla.CaseSla;
import cn.yijianshi.system.HallClock;
import cn.yijianshi.system.RefusedRequest;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 补正材料: registers what the citizen brought after the one-time notice and wakes the waiting case. */
@Service
public class MaterialSupplement {

    public static final String MESSAGE = "MaterialsSupplied";

    private final CaseLookup lookup;
    private final CaseMapper cases;
    private final cn.yijianshi.catalog.MatterCatalog matters;
    private final CaseTimeline timeline;
    private final RuntimeService runtimeService;
    private final HallClock clock;
    private final CaseSla caseSla;

    public MaterialSupplement(CaseLookup lookup, CaseMapper cases, cn.yijianshi.catalog.MatterCatalog matters, CaseTimeline timeline,
                              RuntimeService runtimeService, HallClock clock, CaseSla caseSla) {
        this.lookup = lookup;
        this.cases = cases;
        this.matters = matters;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.caseSla = caseSla;
    }

    @Transactional
    public void supply(String caseId, List<String> codes, String clerk) {
        HallCase hallCase = lookup.require(caseId);
        MaterialCodes.check("materials", codes, matterOf(hallCase));
        if (hallCase.getStatus() != CaseStatus.WAITING_FOR_MATERIALS) {
            throw RefusedRequest.conflict("caseId", "该办件当前不在补正材料阶段（" + hallCase.getStatus().displayName() + "）",
                    "the case is not waiting for materials (" + hallCase.getStatus() + ")");
        }
        Set<String> already = new HashSet<>(cases.materialCodes(caseId));
        List<String> fresh = codes.stream().distinct().filter(code -> !already.contains(code)).toList();
        if (!fresh.isEmpty()) {
            cases.insertMaterials(caseId, fresh, clock.now(), clerk);
        }
        cases.updateStatus(caseId, CaseStatus.ACCEPTED);
        caseSla.resume(caseId);
        timeline.record(caseId, clerk, "MATERIALS_SUPPLIED", "补正材料 " + fresh.size() + " 项：" + String.join("、", fresh));
        try {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseId).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw RefusedRequest.conflict("caseId", "该办件当前不在等待补正", "the case is not waiting for materials");
        }
    }

    /** The matter file of the version the case runs on (its materials may differ from the latest version's). */
    private cn.yijianshi.catalog.Matter matterOf(HallCase hallCase) {
        var instance = hallCase.getProcessInstanceId() == null ? null : runtimeService.createProcessInstanceQuery()
                .processInstanceId(hallCase.getProcessInstanceId()).singleResult();
        return (instance == null ? java.util.Optional.<cn.yijianshi.catalog.Matter>empty()
                : matters.byProcessDefinition(instance.getProcessDefinitionId()))
                .orElseGet(() -> matters.require("matter", hallCase.getMatter()));
    }
}

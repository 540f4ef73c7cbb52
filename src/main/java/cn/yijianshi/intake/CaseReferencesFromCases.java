package cn.yijianshi.intake;

import java.util.Optional;

import cn.yijianshi.catalog.CaseReferences;
import org.springframework.stereotype.Component;

/** The hall's own cases, for an application that refers to one of them. */
@Component
class CaseReferencesFromCases implements CaseReferences {

    private final CaseMapper cases;

    CaseReferencesFromCases(CaseMapper cases) {
        this.cases = cases;
    }

    @Override
    public Optional<Referenced> find(String caseId) {
        HallCase found = cases.findByCaseId(caseId);
        return found == null ? Optional.empty()
                : Optional.of(new Referenced(found.getMatter(), found.getApplicantIdNumber(), found.getStatus().name()));
    }
}

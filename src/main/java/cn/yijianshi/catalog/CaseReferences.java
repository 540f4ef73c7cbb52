package cn.yijianshi.catalog;

import java.util.Optional;

/**
 * The cases a new application may refer to (失业保险金停发 names the benefit case it stops): what an intake form's
 * {@code "properties": {"check": "caseRef", "matter": "..."}} is checked against.
 */
public interface CaseReferences {

    /** A case as a reference sees it: its matter, its applicant's ID number or credit code, whether it has ended, and how. */
    record Referenced(String matter, String applicantNumber, String status) {
    }

    Optional<Referenced> find(String caseId);
}

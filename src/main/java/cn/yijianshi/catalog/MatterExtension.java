package cn.yijianshi.catalog;

import java.util.Map;

import cn.yijianshi.intake.ResidentIdNumber;

/**
 * What is truly one matter's own at intake and cannot be said in its files (retirement's statutory age and pension
 * facts): a Spring bean a matter file names with {@code "extension": "<name>"}. Matters without one need no Java.
 */
public interface MatterExtension {

    /** The name matter files use for this extension. */
    String name();

    /** Checks across facts and applicant the form cannot express; refuses with a RefusedRequest naming the field. */
    void check(Map<String, Object> facts, ResidentIdNumber applicantId);

    /** The process variables this matter's steps read, from the facts the form kept. */
    Map<String, Object> startVariables(Map<String, Object> facts, ResidentIdNumber applicantId);
}

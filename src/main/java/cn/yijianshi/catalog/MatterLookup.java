package cn.yijianshi.catalog;

import java.util.Optional;

/** Finds a matter by its key or by its process: the catalog in the application, the shipped files in unit tests. */
public interface MatterLookup {

    Optional<Matter> byKey(String key);

    Optional<Matter> byProcessKey(String processKey);

    /** The matter of the version a case runs on; by default its process key's. */
    default Optional<Matter> byProcessDefinition(String processDefinitionId) {
        return byProcessKey(processDefinitionId.split(":")[0]);
    }

    /** The matter of {@code processKey} as deployment {@code deploymentId} has it; by default its process key's. */
    default Optional<Matter> byDeployment(String processKey, String deploymentId) {
        return byProcessKey(processKey);
    }
}

package cn.yijianshi.arbitration;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Running referrals move to the newest 劳动争议仲裁转介 on start: every wait state keeps its id from version to
 * version (整理仲裁申请材料, the waits for mediation, acceptance and the award, 告知结果, 回访确认, 专家重办), so a plan
 * mapping equal activities carries each instance, its timers and message subscriptions over; a deadline that then
 * passes opens 核实受理情况 / 核实裁决情况 instead of telling the citizen at once.
 *
 * <p>Instances move in batches of {@value #BATCH}, each batch in its own transaction. Started on two nodes at once,
 * one node's batch may lose to the other's (optimistic locking): it is logged and the next start, or the other node,
 * has already moved them; a moved instance is no longer found on the old version, so running twice does nothing.
 */
@Component
public class RunningReferralsMigration {

    static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(RunningReferralsMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    public RunningReferralsMigration(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    @EventListener
    @Order(10)
    public void onStart(ApplicationStartedEvent started) {
        migrateToLatest();
    }

    /** Moves every running referral of an older version to the newest; returns how many moved. */
    public int migrateToLatest() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(Referrals.PROCESS_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            return 0;
        }
        int moved = 0;
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery().processDefinitionKey(Referrals.PROCESS_KEY).list()) {
            if (older.getVersion() >= latest.getVersion()
                    || runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).count() == 0) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtimeService.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().build();
            } catch (MigrationPlanValidationException e) {
                log.error("劳动争议仲裁转介 第{}版的运行实例无法自动迁移到第{}版，请在监控台（Cockpit）中迁移 / referrals of version {} "
                        + "cannot be migrated to {} automatically: {}", older.getVersion(), latest.getVersion(),
                        older.getVersion(), latest.getVersion(), e.getMessage());
                continue;
            }
            moved += migrate(plan, older);
        }
        if (moved > 0) {
            log.info("{} 件运行中的仲裁转介已迁移到第{}版 / {} running referrals migrated to version {}", moved, latest.getVersion(),
                    moved, latest.getVersion());
        }
        return moved;
    }

    private int migrate(MigrationPlan plan, ProcessDefinition older) {
        int moved = 0;
        List<String> ids;
        while (!(ids = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).orderByProcessInstanceId().asc()
                .listPage(0, BATCH).stream().map(ProcessInstance::getId).toList()).isEmpty()) {
            try {
                runtimeService.newMigration(plan).processInstanceIds(ids).execute();
                moved += ids.size();
            } catch (OptimisticLockingException e) {
                log.warn("another node is migrating the same referrals; leaving them to it: {}", e.getMessage());
                return moved;
            }
        }
        return moved;
    }
}

package cn.yijianshi.escalation;

import java.util.Date;
import java.util.Map;

import cn.yijianshi.closure.SupervisionRequested;
import cn.yijianshi.system.HallClock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 领导督办 on demand reaches the hard-case process working the issue as the message {@value #MESSAGE}: its
 * non-interrupting event sub-process gives the leaders the task 领导批示 while the experts go on with their steps.
 * In the transaction that recorded the request, so both stand or fall together. An issue no hard-case process works
 * on any more (moved by hand) keeps the request on the ledger; the leaders give their 批示 on the 问题清单.
 */
@Component
public class LeaderSupervisionRequests {

    public static final String MESSAGE = "leaderSupervisionRequested";

    private final RuntimeService runtime;
    private final HallClock clock;

    public LeaderSupervisionRequests(RuntimeService runtime, HallClock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    @EventListener
    public void onSupervisionRequested(SupervisionRequested requested) {
        String processInstanceId = requested.issue().getProcessInstanceId();
        if (processInstanceId == null || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(HardCaseStarter.PROCESS_KEY).count() == 0) {
            return;
        }
        // the last moment of the deadline's day in the hall
        Date due = Date.from(requested.deadline().plusDays(1).atStartOfDay(clock.zone()).toInstant().minusSeconds(1));
        runtime.createMessageCorrelation(MESSAGE).processInstanceId(processInstanceId)
                .setVariablesLocal(Map.of("supervisionReason", requested.reason(), "supervisionDeadline", due))
                .correlateWithResult();
    }
}

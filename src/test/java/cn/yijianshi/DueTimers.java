package cn.yijianshi;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Executes a process instance's timers that are due by the engine clock, as the job executor would once the clock got there. */
public final class DueTimers {

    private DueTimers() {
    }

    public static int fire(ManagementService managementService, String processInstanceId) {
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).list();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }
}

package cn.yijianshi.escalation;

import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.system.TaskActor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 认领疑难件: the expert who takes the case becomes its expert for 研判, the reply and any reopening. */
@Component("expertClaim")
public class ExpertClaim implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String expert = TaskActor.of(task);
        if (expert == null) {
            throw RefusedRequest.conflict("assignee", "请先认领疑难件", "claim the hard case first");
        }
        task.getExecution().setVariable("expert", expert);
    }
}

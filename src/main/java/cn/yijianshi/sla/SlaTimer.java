package cn.yijianshi.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA timers of process versions deployed before the sweep: they still fire, and do nothing. {@link SlaSweep}
 * reminds and escalates every open step from its SLA record, whatever version its case runs on, so a step is never
 * told twice, and a timer that fires at an instant a holiday notice has since moved tells nobody early.
 *
 * <p>Which versions carry one: those whose BPMN has the timer pasted in (the timeout listener {@code ${slaTimer}} with
 * cycle {@code ${sla.timerCycle(execution)}}, or the two listeners {@code ${slaReminder}} at
 * {@code ${sla.warningAt(execution)}} and {@code ${slaEscalation}} at {@code ${sla.dueAt(execution)}}), and those
 * deployed while the engine plugin still added it ({@code system/CaseProcessParse} keeps declaring it for them, so
 * their running instances keep the execution tree they were started with). The bean answers to all three names; the
 * {@code sla} bean still evaluates the three timer expressions.
 */
public class SlaTimer implements TaskListener {

    /** The timeout listener's id: its timer job's handler configuration is {@code <task key>$taskListener~SlaTimer}. */
    public static final String LISTENER_ID = "SlaTimer";
    /** This bean, as the listener's delegate expression. */
    public static final String DELEGATE = "${slaTimer}";
    /** The timer's cycle: the warning point, then the due date ({@link SlaClock#timerCycle}). */
    public static final String CYCLE = "${sla.timerCycle(execution)}";

    @Override
    public void notify(DelegateTask task) {
        // the sweep has it (see above)
    }

    @Configuration(proxyBeanMethods = false)
    static class Names {
        @Bean({"slaTimer", "slaReminder", "slaEscalation"})
        SlaTimer slaTimer() {
            return new SlaTimer();
        }
    }
}

package cn.yijianshi.system;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that every user task of every case process gets, without being named in the BPMN
 * (timeline, SLA due dates). Case processes are those marked with the extension property
 * {@code caseProcess=true}.
 */
public interface CaseTaskListener extends TaskListener {

    /** The task event to listen to: {@link TaskListener#EVENTNAME_CREATE}, complete, assignment, ... */
    String event();
}

package cn.yijianshi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.yijianshi.system.MysqlHallTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every group's visibility as in {@link GroupTaskVisibilityTest}, on MariaDB with Tasklist's indexes in place
 * (the grants' index among them): the indexes change how fast the engine finds a grant, never which tasks anyone
 * lists, counts, claims or completes.
 */
@MysqlHallTest
class MysqlGroupTaskVisibilityTest extends GroupTaskVisibilityTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Test
    void tasklistsIndexesAreInPlaceOnCamundasTables() {
        assertThat(jdbc.queryForList("SELECT DISTINCT UPPER(INDEX_NAME) FROM information_schema.statistics "
                + "WHERE table_schema = DATABASE() AND INDEX_NAME LIKE 'YJS\\_IDX\\_%'", String.class))
                .contains("YJS_IDX_IDENT_LNK_GROUP_TASK", "YJS_IDX_TASK_DUE_PRIORITY", "YJS_IDX_AUTH_RESOURCE_GRANT",
                        "YJS_IDX_TASK_PARENT");
    }

    /**
     * Every completion (and every deletion) of a task makes Camunda look for the task's subtasks: without an index
     * on PARENT_TASK_ID_ that look-up reads every open task of the hall (camunda/camunda#36824).
     */
    @Test
    void aCompletionFindsTheTasksSubtasksThroughTheirIndexNotByReadingEveryOpenTask() {
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Task task = taskService.newTask();
                task.setName("open " + i);
                taskService.saveTask(task);
                made.add(task.getId());
            }
            jdbc.execute("ANALYZE TABLE ACT_RU_TASK");
            // Camunda's own statement (Task.xml, selectTasksByParentTaskId), as the completion sends it
            List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?",
                    made.get(0));
            assertThat(plan).singleElement().satisfies(row -> {
                assertThat(String.valueOf(row.get("key"))).isEqualToIgnoringCase("YJS_IDX_TASK_PARENT");
                assertThat(row.get("type")).isEqualTo("ref");
            });
            taskService.complete(made.remove(0));
            assertThat(taskService.createTaskQuery().taskIdIn(made.toArray(String[]::new)).count()).isEqualTo(made.size());
        } finally {
            made.forEach(id -> taskService.deleteTask(id, true));
        }
    }
}

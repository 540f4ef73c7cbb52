package cn.yijianshi.sla;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** sla_gauge_counter and sla_gauge_count: the open-task gauge as counted by one node for the cluster. */
@Mapper
public interface SlaGaugeMapper {

    record Counter(String node, long countedAt) {
    }

    record Count(String groupId, String slaState, int openTasks) {
    }

    /** Locks the counter row until the transaction ends: one node counts at a time. */
    @Select("SELECT node, counted_at FROM sla_gauge_counter WHERE id = 1 FOR UPDATE")
    Counter lockCounter();

    @Select("SELECT node, counted_at FROM sla_gauge_counter WHERE id = 1")
    Counter counter();

    @Update("UPDATE sla_gauge_counter SET node = #{node}, counted_at = #{at} WHERE id = 1")
    void counted(@Param("node") String node, @Param("at") long at);

    @Delete("DELETE FROM sla_gauge_count")
    void clear();

    @Insert("INSERT INTO sla_gauge_count (group_id, sla_state, open_tasks) VALUES (#{groupId}, #{slaState}, #{openTasks})")
    void insert(Count count);

    @Select("SELECT group_id, sla_state, open_tasks FROM sla_gauge_count")
    List<Count> counts();
}

package cn.yijianshi.intake;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import cn.yijianshi.system.WrittenWithTheCommand;

@Mapper
public interface TimelineMapper {

    @WrittenWithTheCommand
    @Insert("INSERT INTO case_timeline (case_id, occurred_at, actor, event, description) "
            + "VALUES (#{caseId}, #{e.occurredAt}, #{e.actor}, #{e.event}, #{e.description})")
    void insert(@Param("caseId") String caseId, @Param("e") TimelineEntry entry);

    /** Many cases' entries in one statement. */
    @Insert("<script>INSERT INTO case_timeline (case_id, occurred_at, actor, event, description) VALUES "
            + "<foreach collection='entries' item='e' separator=','>"
            + "(#{e.caseId}, #{e.entry.occurredAt}, #{e.entry.actor}, #{e.entry.event}, #{e.entry.description})</foreach></script>")
    void insertAll(@Param("entries") List<CaseTimeline.CaseEntry> entries);

    @Select("SELECT occurred_at, actor, event, description FROM case_timeline WHERE case_id = #{caseId} ORDER BY occurred_at, id")
    List<TimelineEntry> forCase(@Param("caseId") String caseId);
}

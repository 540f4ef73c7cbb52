package cn.yijianshi.intake;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TimelineMapper {

    @Insert("INSERT INTO case_timeline (case_id, occurred_at, actor, event, description) "
            + "VALUES (#{caseId}, #{e.occurredAt}, #{e.actor}, #{e.event}, #{e.description})")
    void insert(@Param("caseId") String caseId, @Param("e") TimelineEntry entry);

    @Select("SELECT occurred_at, actor, event, description FROM case_timeline WHERE case_id = #{caseId} ORDER BY occurred_at, id")
    List<TimelineEntry> forCase(@Param("caseId") String caseId);
}

package cn.yijianshi.sla;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** calendar_version: one number every node reads to know whether the shared calendar tables changed. */
@Mapper
public interface CalendarVersionMapper {

    @Select("SELECT version FROM calendar_version WHERE id = 1")
    long version();

    /** Called in the transaction that stores a notice, so the new number and the new days commit together. */
    @Update("UPDATE calendar_version SET version = version + 1 WHERE id = 1")
    void raise();
}

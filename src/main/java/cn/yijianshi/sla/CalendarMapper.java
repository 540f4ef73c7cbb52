package cn.yijianshi.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** calendar_year and calendar_day: the holiday notices every node of the hall shares. */
@Mapper
public interface CalendarMapper {

    record DayRow(LocalDate calDate, int calYear, String name, boolean offDay) {
    }

    @Select("SELECT cal_year FROM calendar_year ORDER BY cal_year")
    List<Integer> years();

    @Select("SELECT cal_date, cal_year, name, off_day FROM calendar_day ORDER BY cal_date")
    List<DayRow> days();

    @Delete("DELETE FROM calendar_day WHERE cal_year = #{year}")
    void deleteDays(@Param("year") int year);

    @Insert("INSERT INTO calendar_day (cal_date, cal_year, name, off_day) VALUES (#{date}, #{year}, #{name}, #{offDay})")
    void insertDay(@Param("date") LocalDate date, @Param("year") int year, @Param("name") String name,
                   @Param("offDay") boolean offDay);

    /** The latest due date of an open task or whole-case promise. */
    @Select("SELECT MAX(due_at) FROM sla_record WHERE completed_at IS NULL")
    Instant latestOpenSlaDue();

    /** The latest deadline of an issue still being worked on. */
    @Select("SELECT MAX(deadline) FROM issue WHERE status NOT IN ('CLOSED', 'REFERRED')")
    LocalDate latestOpenIssueDeadline();

    /** The latest acceptance or award deadline a referral still waits for. */
    @Select("SELECT MAX(CASE WHEN status = 'SUBMITTED' THEN acceptance_deadline ELSE award_deadline END)"
            + " FROM arbitration_referral WHERE status IN ('SUBMITTED', 'ACCEPTED', 'EXTENDED')")
    LocalDate latestOpenReferralDeadline();

    @Update("UPDATE calendar_year SET source = #{source}, loaded_at = #{at}, loaded_by = #{by} WHERE cal_year = #{year}")
    int updateYear(@Param("year") int year, @Param("source") String source, @Param("at") Instant at, @Param("by") String by);

    @Insert("INSERT INTO calendar_year (cal_year, source, loaded_at, loaded_by) VALUES (#{year}, #{source}, #{at}, #{by})")
    void insertYear(@Param("year") int year, @Param("source") String source, @Param("at") Instant at, @Param("by") String by);
}

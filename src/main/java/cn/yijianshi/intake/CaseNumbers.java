package cn.yijianshi.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Hands out readable case ids, one counter per matter prefix and hall day: TX-20261122-000123.
 * The counter row is locked until the intake commits, so numbers are never reused or skipped by a
 * rolled-back intake.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Mapper
    public interface CounterMapper {
        @Update("UPDATE case_number SET last_no = last_no + 1 WHERE prefix = #{prefix} AND hall_day = #{day}")
        int increment(@Param("prefix") String prefix, @Param("day") String day);

        @Insert("INSERT INTO case_number (prefix, hall_day, last_no) VALUES (#{prefix}, #{day}, 1)")
        void start(@Param("prefix") String prefix, @Param("day") String day);

        @Select("SELECT last_no FROM case_number WHERE prefix = #{prefix} AND hall_day = #{day}")
        int current(@Param("prefix") String prefix, @Param("day") String day);
    }

    private final CounterMapper counters;

    public CaseNumbers(CounterMapper counters) {
        this.counters = counters;
    }

    public String next(String prefix, LocalDate hallDay) {
        String day = hallDay.format(DAY);
        if (counters.increment(prefix, day) == 0) {
            try {
                counters.start(prefix, day);
            } catch (DuplicateKeyException anotherIntakeStartedTheDay) {
                counters.increment(prefix, day);
            }
        }
        return String.format("%s-%s-%06d", prefix, day, counters.current(prefix, day));
    }
}
